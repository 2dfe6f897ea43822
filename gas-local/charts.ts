// Embedded charts: the builder a script fills and the chart a sheet holds, kept as data so tests can
// count them and read their ranges and options; plus the Charts service's ChartType enum.

import { ServiceObject } from './facade';
import type { Implements } from './implements';
import type { Kernel } from './kernel';
import type { LocalRange } from './range';

export const CHART_TYPES = {
  AREA: 'AREA',
  BAR: 'BAR',
  COLUMN: 'COLUMN',
  LINE: 'LINE',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  TABLE: 'TABLE',
} as const;

export interface ChartSpec {
  chartId: number;
  type: string;
  ranges: LocalRange[];
  position: { row: number; column: number };
  options: Record<string, unknown>;
}

export class LocalChartOptions
  extends ServiceObject
  implements Implements<GoogleAppsScript.Charts.ChartOptions, 'get'>
{
  constructor(
    kernel: Kernel,
    private readonly options: Record<string, unknown>,
  ) {
    super(kernel, 'ChartOptions');
  }
  get(option: string): unknown {
    return this.options[option] ?? null;
  }
}

type ChartMethods = 'getChartId' | 'getOptions' | 'getRanges' | 'modify';

export class LocalEmbeddedChart
  extends ServiceObject
  implements Implements<GoogleAppsScript.Spreadsheet.EmbeddedChart, ChartMethods>
{
  constructor(
    kernel: Kernel,
    readonly _spec: ChartSpec,
  ) {
    super(kernel, 'EmbeddedChart');
  }
  getChartId(): number {
    return this._spec.chartId;
  }
  getOptions(): LocalChartOptions {
    return new LocalChartOptions(this.kernel, { ...this._spec.options });
  }
  getRanges(): LocalRange[] {
    return [...this._spec.ranges];
  }
  modify(): LocalEmbeddedChartBuilder {
    return new LocalEmbeddedChartBuilder(this.kernel, {
      ...this._spec,
      ranges: [...this._spec.ranges],
      options: { ...this._spec.options },
    });
  }
}

type BuilderMethods =
  'addRange' | 'clearRanges' | 'setChartType' | 'setOption' | 'setPosition' | 'build';

export class LocalEmbeddedChartBuilder
  extends ServiceObject
  implements Implements<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, BuilderMethods>
{
  constructor(
    kernel: Kernel,
    private readonly spec: ChartSpec,
  ) {
    super(kernel, 'EmbeddedChartBuilder');
  }
  addRange(range: LocalRange): LocalEmbeddedChartBuilder {
    this.spec.ranges.push(range);
    return this;
  }
  clearRanges(): LocalEmbeddedChartBuilder {
    this.spec.ranges = [];
    return this;
  }
  /** Apps Script's enum values print as their names, so the chart keeps the name. */
  setChartType(type: GoogleAppsScript.Charts.ChartType): LocalEmbeddedChartBuilder {
    this.spec.type = String(type);
    return this;
  }
  setOption(option: string, value: unknown): LocalEmbeddedChartBuilder {
    this.spec.options[option] = value;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number): LocalEmbeddedChartBuilder {
    this.spec.position = { row: anchorRowPos, column: anchorColPos };
    return this;
  }
  build(): LocalEmbeddedChart {
    if (this.spec.ranges.length === 0)
      throw this.kernel.error('The chart has no data. Please add a range to the chart.');
    return new LocalEmbeddedChart(this.kernel, {
      ...this.spec,
      ranges: [...this.spec.ranges],
      options: { ...this.spec.options },
    });
  }
}
