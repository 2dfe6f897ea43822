// RangeList: several ranges of one tab written in one call, as Sheet.getRangeList gives them.

import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import type { LocalRange } from './range';

type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;
type RangeListMethods = 'getRanges' | 'setValue' | 'clearContent';

export class LocalRangeList
  extends ServiceObject
  implements Implements<GasRangeList, RangeListMethods>
{
  constructor(
    kernel: Kernel,
    private readonly sheetName: string,
    private readonly ranges: readonly LocalRange[],
  ) {
    super(kernel, 'RangeList');
    if (ranges.length === 0) throw kernel.error(MESSAGES.emptyRangeList);
  }

  protected override _sheetName(): string {
    return this.sheetName;
  }

  /** Every range is coordinates: a person's deletion since it was made fails the call. */
  override _beforeEachCall(method: string): void {
    for (const range of this.ranges) range._beforeEachCall(method);
  }

  getRanges(): LocalRange[] {
    return [...this.ranges];
  }

  /**
   * One value into every cell of every range, in one call. Every cell is checked against its
   * validation rule first, so a rejected value leaves every range as it was.
   */
  setValue(value: unknown): LocalRangeList {
    for (const range of this.ranges) range._checkEach(value);
    for (const range of this.ranges) range._fill(value);
    return this;
  }

  clearContent(): LocalRangeList {
    for (const range of this.ranges) range._clear();
    return this;
  }
}
