// RangeList: several ranges of one tab written in one call, as Sheet.getRangeList gives them.

import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import type { LocalRange } from './range';
import type { LocalSheet } from './sheet';

type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;
type RangeListMethods = 'getRanges' | 'setValue' | 'clearContent';

export class LocalRangeList
  extends ServiceObject
  implements Implements<GasRangeList, RangeListMethods>
{
  constructor(
    kernel: Kernel,
    private readonly sheet: LocalSheet,
    private readonly ranges: readonly LocalRange[],
  ) {
    super(kernel, 'RangeList');
    if (ranges.length === 0) throw kernel.error(MESSAGES.emptyRangeList);
  }

  protected override _sheetName(): string {
    return this.sheet.getName();
  }

  /**
   * Every range is coordinates: a person's deletion since the list was made fails a call on its
   * cells (getRanges only hands the ranges over).
   */
  override _beforeEachCall(method: string): void {
    if (method === 'getRanges') return;
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
