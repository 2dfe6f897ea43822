// Data-validation and conditional-format builders, kept as data so tests and the xlsx export can read them.

import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import type { LocalRange } from './range';
import { isDateValue } from './cellValues';

type GasValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GasRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GasRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GasBooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;

export interface ValidationSpec {
  kind: 'list' | 'checkbox' | 'date' | 'numberBetween';
  values: string[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string;
  min?: number;
  max?: number;
}

export class LocalDataValidation extends ServiceObject {
  constructor(
    kernel: Kernel,
    readonly _spec: ValidationSpec,
  ) {
    super(kernel, 'DataValidation');
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getHelpText(): string {
    return this._spec.helpText;
  }
  getCriteriaValues(): unknown[] {
    return this._spec.kind === 'list' ? [this._spec.values, this._spec.showDropdown] : [];
  }
  /** Whether a script may write `value` here: only a rejecting rule refuses anything. */
  _accepts(value: unknown): boolean {
    if (this._spec.allowInvalid || value === '' || value === null || value === undefined)
      return true;
    switch (this._spec.kind) {
      case 'list':
        return this._spec.values.includes(String(value));
      case 'checkbox':
        return typeof value === 'boolean';
      case 'date':
        return isDateValue(value);
      default:
        return (
          typeof value === 'number' &&
          value >= (this._spec.min ?? -Infinity) &&
          value <= (this._spec.max ?? Infinity)
        );
    }
  }
}

type ValidationMethods =
  | 'requireValueInList'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireNumberBetween'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'build';

export class LocalDataValidationBuilder
  extends ServiceObject
  implements Implements<GasValidationBuilder, ValidationMethods>
{
  private readonly spec: ValidationSpec = {
    kind: 'list',
    values: [],
    showDropdown: true,
    allowInvalid: true,
    helpText: '',
  };
  constructor(kernel: Kernel) {
    super(kernel, 'DataValidationBuilder');
  }
  requireValueInList(values: string[], showDropdown?: boolean): LocalDataValidationBuilder {
    if (values.length > 500)
      throw this.kernel.error(
        'The data validation rule has more items than the limit of 500. Use the "List from a range" criteria instead.',
      );
    Object.assign(this.spec, {
      kind: 'list',
      values: values.map(String),
      showDropdown: showDropdown ?? true,
    });
    return this;
  }
  requireCheckbox(): LocalDataValidationBuilder {
    this.spec.kind = 'checkbox';
    return this;
  }
  requireDate(): LocalDataValidationBuilder {
    this.spec.kind = 'date';
    return this;
  }
  requireNumberBetween(start: number, end: number): LocalDataValidationBuilder {
    Object.assign(this.spec, { kind: 'numberBetween', min: start, max: end });
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): LocalDataValidationBuilder {
    this.spec.allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): LocalDataValidationBuilder {
    this.spec.helpText = helpText;
    return this;
  }
  build(): LocalDataValidation {
    return new LocalDataValidation(this.kernel, { ...this.spec, values: [...this.spec.values] });
  }
}

export interface ConditionalSpec {
  condition: { kind: 'textEqualTo' | 'formula' | 'notEmpty'; value: string };
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: LocalRange[];
}

export class LocalConditionalFormatRule
  extends ServiceObject
  implements Implements<GasRule, 'getRanges' | 'getBooleanCondition'>
{
  constructor(
    kernel: Kernel,
    readonly _spec: ConditionalSpec,
  ) {
    super(kernel, 'ConditionalFormatRule');
  }
  getRanges(): LocalRange[] {
    return [...this._spec.ranges];
  }
  /** Null for rules Sheets keeps as gradients; every rule the builder makes here is boolean. */
  getBooleanCondition(): LocalBooleanCondition {
    return new LocalBooleanCondition(this.kernel, this._spec);
  }
}

/** What a boolean rule tests, and how it looks when the test holds. */
export class LocalBooleanCondition
  extends ServiceObject
  implements Implements<GasBooleanCondition, 'getCriteriaValues' | 'getBackground'>
{
  constructor(
    kernel: Kernel,
    private readonly spec: ConditionalSpec,
  ) {
    super(kernel, 'BooleanCondition');
  }
  /** Sheets gives a custom formula's text, a "text is exactly" rule's text, and nothing for "is not empty". */
  getCriteriaValues(): unknown[] {
    return this.spec.condition.kind === 'notEmpty' ? [] : [this.spec.condition.value];
  }
  getBackground(): string | null {
    return this.spec.background;
  }
}

type RuleMethods =
  | 'whenTextEqualTo'
  | 'whenFormulaSatisfied'
  | 'whenCellNotEmpty'
  | 'setBackground'
  | 'setFontColor'
  | 'setBold'
  | 'setRanges'
  | 'build';

export class LocalConditionalFormatRuleBuilder
  extends ServiceObject
  implements Implements<GasRuleBuilder, RuleMethods>
{
  private readonly spec: ConditionalSpec = {
    condition: { kind: 'notEmpty', value: '' },
    background: null,
    fontColor: null,
    bold: null,
    ranges: [],
  };
  constructor(kernel: Kernel) {
    super(kernel, 'ConditionalFormatRuleBuilder');
  }
  whenTextEqualTo(text: string): LocalConditionalFormatRuleBuilder {
    this.spec.condition = { kind: 'textEqualTo', value: text };
    return this;
  }
  whenFormulaSatisfied(formula: string): LocalConditionalFormatRuleBuilder {
    this.spec.condition = { kind: 'formula', value: formula };
    return this;
  }
  whenCellNotEmpty(): LocalConditionalFormatRuleBuilder {
    this.spec.condition = { kind: 'notEmpty', value: '' };
    return this;
  }
  setBackground(color: string | null): LocalConditionalFormatRuleBuilder {
    this.spec.background = color;
    return this;
  }
  setFontColor(color: string | null): LocalConditionalFormatRuleBuilder {
    this.spec.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): LocalConditionalFormatRuleBuilder {
    this.spec.bold = bold;
    return this;
  }
  setRanges(ranges: LocalRange[]): LocalConditionalFormatRuleBuilder {
    this.spec.ranges = [...ranges];
    return this;
  }
  build(): LocalConditionalFormatRule {
    return new LocalConditionalFormatRule(this.kernel, {
      ...this.spec,
      ranges: [...this.spec.ranges],
    });
  }
}
