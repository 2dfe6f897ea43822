// TextFinder: Google searches a range's cells on its side and hands the script only the cells that
// match, as Range objects. Matching is on what each cell shows (a formula by its value unless
// matchFormulaText), partial and case-insensitive unless told otherwise, row by row.

import { readStored } from './cellValues';
import { MESSAGES } from './errors';
import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import { LocalRange } from './range';
import { cellKey } from './sheetData';
import type { LocalSheet } from './sheet';

type GasTextFinder = GoogleAppsScript.Spreadsheet.TextFinder;
type FinderMethods =
  | 'findAll'
  | 'findNext'
  | 'findPrevious'
  | 'getCurrentMatch'
  | 'ignoreDiacritics'
  | 'matchCase'
  | 'matchEntireCell'
  | 'matchFormulaText'
  | 'useRegularExpression'
  | 'replaceAllWith'
  | 'replaceWith';

/** The searched block: 1-based first row and column and its size. */
export interface SearchedBlock {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export class LocalTextFinder
  extends ServiceObject
  implements Implements<GasTextFinder, FinderMethods>
{
  private caseSensitive = false;
  private entireCell = false;
  private regularExpression = false;
  private formulaText = false;
  private diacriticsIgnored = false;
  private current = -1;

  constructor(
    kernel: Kernel,
    private readonly sheet: LocalSheet,
    private readonly block: SearchedBlock,
    private readonly text: string,
  ) {
    super(kernel, 'TextFinder');
    if (text === '') throw kernel.error('Exception: The parameter (String) findText was empty.');
  }

  protected override _sheetName(): string {
    return this.sheet._data.name;
  }

  private _matcher(): (shown: string) => boolean {
    const fold = (s: string) => {
      const plain = this.diacriticsIgnored ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : s;
      return this.caseSensitive ? plain : plain.toLowerCase();
    };
    if (this.regularExpression) {
      let pattern: RegExp;
      try {
        pattern = new RegExp(
          this.entireCell ? `^(?:${this.text})$` : this.text,
          this.caseSensitive ? 'u' : 'iu',
        );
      } catch {
        throw this.kernel.error(`Exception: Invalid regular expression: ${this.text}`);
      }
      return (shown) => pattern.test(this.diacriticsIgnored ? fold(shown) : shown);
    }
    const wanted = fold(this.text);
    return this.entireCell
      ? (shown) => fold(shown) === wanted
      : (shown) => fold(shown).includes(wanted);
  }

  /** The matching cells, row by row, as [row, column] (1-based). */
  private _matches(): [number, number][] {
    const data = this.sheet._data;
    const matches = this._matcher();
    const found: [number, number][] = [];
    const { row, column, rows, columns } = this.block;
    const lastRow = Math.min(row + rows - 1, data.lastRow());
    for (let r = row - 1; r < lastRow; r++) {
      for (let c = column - 1; c < column - 1 + columns; c++) {
        const formula = this.formulaText ? data.formulas.get(cellKey(r, c)) : undefined;
        const stored = data.get(r, c);
        if (formula === undefined && stored === undefined) continue;
        const value = readStored(stored, Date);
        const shown =
          formula ?? (value instanceof Date ? this.sheet._formatDate(value) : String(value));
        if (shown !== '' && matches(shown)) found.push([r + 1, c + 1]);
      }
    }
    return found;
  }

  private _cell([row, column]: [number, number]): LocalRange {
    return new LocalRange(this.kernel, this.sheet, this.sheet._data, row, column, 1, 1);
  }

  findAll(): LocalRange[] {
    const found = this._matches();
    this.current = found.length - 1;
    return found.map((cell) => this._cell(cell));
  }

  findNext(): LocalRange | null {
    const found = this._matches();
    if (this.current + 1 >= found.length) return null;
    this.current++;
    return this._cell(found[this.current]);
  }

  findPrevious(): LocalRange | null {
    const found = this._matches();
    if (this.current <= 0) return null;
    this.current--;
    return this._cell(found[this.current]);
  }

  getCurrentMatch(): LocalRange | null {
    const found = this._matches();
    return this.current >= 0 && this.current < found.length
      ? this._cell(found[this.current])
      : null;
  }

  ignoreDiacritics(ignore: boolean): this {
    this.diacriticsIgnored = ignore;
    return this;
  }

  matchCase(match: boolean): this {
    this.caseSensitive = match;
    return this;
  }

  matchEntireCell(match: boolean): this {
    this.entireCell = match;
    return this;
  }

  matchFormulaText(match: boolean): this {
    this.formulaText = match;
    return this;
  }

  useRegularExpression(use: boolean): this {
    this.regularExpression = use;
    return this;
  }

  replaceAllWith(): never {
    throw this.kernel.error(MESSAGES.notImplemented('TextFinder.replaceAllWith'));
  }

  replaceWith(): never {
    throw this.kernel.error(MESSAGES.notImplemented('TextFinder.replaceWith'));
  }
}
