// RangeList: several ranges of one sheet formatted in one call, as Apps Script offers it.

import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import type { LocalRange } from './range';

type RangeListMethods = 'getRanges' | 'setNumberFormat' | 'setBackground' | 'setFontWeight';

export class LocalRangeList
  extends ServiceObject
  implements Implements<GoogleAppsScript.Spreadsheet.RangeList, RangeListMethods>
{
  constructor(
    kernel: Kernel,
    private readonly ranges: readonly LocalRange[],
    private readonly sheet: string,
  ) {
    super(kernel, 'RangeList');
  }

  protected override _sheetName(): string {
    return this.sheet;
  }

  getRanges(): LocalRange[] {
    return [...this.ranges];
  }
  setNumberFormat(format: string): LocalRangeList {
    for (const range of this.ranges) range.setNumberFormat(format);
    return this;
  }
  setBackground(color: string | null): LocalRangeList {
    for (const range of this.ranges) range.setBackground(color);
    return this;
  }
  setFontWeight(fontWeight: string | null): LocalRangeList {
    for (const range of this.ranges) range.setFontWeight(fontWeight);
    return this;
  }
}
