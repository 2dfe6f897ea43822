// The Analysis tab as one self-contained HTML page: its tables and bar charts, readable offline.

import { analyse } from '../../src/method/analysis/analysis';
import { completenessOf } from '../../src/method/analysis/completeness';
import {
  type AnalysisSheetContent,
  analysisSheetContent,
  axisMaxFor,
} from '../../src/method/analysis/analysisSheet';
import { calibrate } from '../../src/method/analysis/calibration';
import { escapeHtml } from '../../src/method/reminders/mailLayout';
import { ANALYSIS, t } from '../../src/sheet/text';
import { TAB_NAMES } from '../../src/sheet/tabs';
import type { LocalAppsScript } from '../../gas-local/runtime';
import { formatDate } from '../../gas-local/zone';
import {
  type Bilingual,
  type Language,
  htmlLang,
  labelIn,
  labelsOf,
} from '../../src/sheet/language';
import { traditionalOf } from './demoTraditional';

type Cell = AnalysisSheetContent['rows'][number][number];

export interface BarChart {
  title: string;
  labels: string[];
  values: number[];
  /** Values are rates (0–1), shown as percentages; the axis runs to just above the largest value. */
  percent: boolean;
  /** Axis titles: what the bars are (left) and what their length measures (below). */
  categoryAxis?: string;
  valueAxis?: string;
}

/** The few words the page adds to the tab's own labels. */
const PAGE_TEXT = {
  charts: { en: 'Charts', zh: '图表' },
  empty: { en: 'No data yet.', zh: '暂无数据。' },
  emptyTab: {
    en: 'The Analysis tab is empty: run Refresh analysis first.',
    zh: '转化分析表为空：请先运行“刷新分析”。',
  },
} as const;

/** The page's own words in `language`; Traditional from the whole dictionaries, as the demo's. */
function pageText(language: Language, text: Bilingual): string {
  return language === 'zhHant' ? traditionalOf(text.zh) : labelIn(language, text);
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

export { escapeHtml };

/** One decimal, as the tab's `0.0%` format shows a rate. */
export function percentText(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** A cell as the tab would show it; dates in UTC when no zone turned them into text first. */
function cellText(cell: Cell, isPercent: boolean): string {
  if (cell instanceof Date) return `${cell.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  if (typeof cell === 'number') return isPercent ? percentText(cell) : String(cell);
  return cell;
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/** A titled table of the tab, rows 1-based as in the sheet. */
interface Section {
  title: string;
  titleRow: number;
  headerRow: number | undefined;
  dataRows: number[];
}

const isBlankRow = (row: readonly Cell[]) => row.every((cell) => cell === '');

/** Splits the content at its title rows; each table runs to the next blank row or title. */
function sectionsOf(content: AnalysisSheetContent): Section[] {
  const titles = new Set(content.titleRows);
  const headers = new Set(content.headerRows);
  return content.titleRows.map((titleRow) => {
    const dataRows: number[] = [];
    let headerRow: number | undefined;
    for (let row = titleRow + 1; row <= content.rows.length; row++) {
      const cells = content.rows[row - 1];
      if (titles.has(row) || isBlankRow(cells)) break;
      if (headers.has(row) && headerRow === undefined) headerRow = row;
      else dataRows.push(row);
    }
    return { title: String(content.rows[titleRow - 1][0]), titleRow, headerRow, dataRows };
  });
}

/** Cells up to the last non-blank one, so padding columns stay out of the table. */
function usedWidth(content: AnalysisSheetContent, rows: readonly number[]): number {
  let width = 1;
  for (const row of rows)
    content.rows[row - 1].forEach((cell, i) => {
      if (cell !== '') width = Math.max(width, i + 1);
    });
  return width;
}

function tableHtml(content: AnalysisSheetContent, section: Section): string {
  const percent = new Set(content.percentCells.map(([row, column]) => `${row}:${column}`));
  const rows = [...(section.headerRow ? [section.headerRow] : []), ...section.dataRows];
  const width = usedWidth(content, rows);
  // A header sits over its numbers' side, so a column reads as one.
  const firstData = content.rows[(section.dataRows[0] ?? 0) - 1] ?? [];
  const cells = (row: number, tag: 'th' | 'td') =>
    content.rows[row - 1]
      .slice(0, width)
      .map((cell, i) => {
        // An empty group's — stands where its number would.
        const shown = tag === 'th' ? firstData[i] : cell;
        const numeric = typeof shown === 'number' || shown === '—' ? ' class="num"' : '';
        return `<${tag}${numeric}>${escapeHtml(cellText(cell, percent.has(`${row}:${i + 1}`)))}</${tag}>`;
      })
      .join('');
  const head = section.headerRow ? `<thead><tr>${cells(section.headerRow, 'th')}</tr></thead>` : '';
  const body = section.dataRows
    .map((row) =>
      isNoteRow(content.rows[row - 1])
        ? noteRow(content, row, width)
        : `<tr>${cells(row, 'td')}</tr>`,
    )
    .join('');
  return (
    `<section><h2>${escapeHtml(section.title)}</h2>` +
    `<div class="scroll"><table>${head}<tbody>${body}</tbody></table></div></section>`
  );
}

/** A text alone in its row under a table (a calibration warning) spans the table's width. */
function isNoteRow(row: readonly Cell[]): boolean {
  return typeof row[0] === 'string' && row[0] !== '' && isTitleRow(row);
}

function noteRow(content: AnalysisSheetContent, row: number, width: number): string {
  return `<tr><td class="note" colspan="${width}">${escapeHtml(String(content.rows[row - 1][0]))}</td></tr>`;
}

/** The first title row is the page's heading; the rows under it (refreshed, window) its summary. */
function summaryHtml(content: AnalysisSheetContent, first: Section): string {
  const items = first.dataRows
    .map((row) => content.rows[row - 1])
    .map(
      ([label, value]) =>
        `<dt>${escapeHtml(cellText(label, false))}</dt>` +
        `<dd>${escapeHtml(cellText(value, false))}</dd>`,
    )
    .join('');
  return `<h1>${escapeHtml(first.title)}</h1><dl>${items}</dl>`;
}

// ---------------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------------

const CHART = { width: 520, labelWidth: 150, valueWidth: 60, barHeight: 22, gap: 8, top: 8 };
/** Room under the bars for the tick labels and the axis title. */
const AXIS_HEIGHT = 44;
/** Where the grid lines sit, as shares of the axis. */
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** Long labels are cut so they never run into the bars; the table keeps them whole. */
function shortLabel(label: string): string {
  return label.length > 14 ? `${label.slice(0, 13)}…` : label;
}

function chartSvg(chart: BarChart, valueAxisTitle: string): string {
  const { width, labelWidth, valueWidth, barHeight, gap, top } = CHART;
  const plotWidth = width - labelWidth - valueWidth;
  // Scaled to the data, as the tab's charts are: 5% bars are not slivers on a 0–100% axis.
  const max = axisMaxFor(
    Math.max(0, ...chart.values.filter((v) => !Number.isNaN(v))),
    chart.percent,
  );
  const plotHeight = chart.labels.length * (barHeight + gap);
  const height = top + plotHeight + AXIS_HEIGHT;
  const show = (value: number) =>
    Number.isNaN(value) ? '—' : chart.percent ? percentText(value) : String(value);
  const bars = chart.labels.map((label, i) => {
    const y = top + i * (barHeight + gap);
    const value = Number.isNaN(chart.values[i]) ? 0 : chart.values[i];
    const barWidth = (Math.min(max, Math.max(0, value)) / max) * plotWidth;
    const middle = y + barHeight / 2;
    return (
      `<text class="label" x="${labelWidth - 8}" y="${middle}">${escapeHtml(shortLabel(label))}` +
      `<title>${escapeHtml(label)}</title></text>` +
      `<rect class="bar" x="${labelWidth}" y="${y}" width="${barWidth.toFixed(1)}" height="${barHeight}"/>` +
      `<text class="value" x="${(labelWidth + barWidth + 6).toFixed(1)}" y="${middle}">${escapeHtml(show(chart.values[i]))}</text>`
    );
  });
  const axisY = top + plotHeight;
  const ticks = TICKS.map((share) => {
    const x = (labelWidth + share * plotWidth).toFixed(1);
    const value = share * max;
    const text = chart.percent
      ? `${Math.round(value * 1000) / 10}%`
      : String(Math.round(value * 10) / 10);
    return (
      `<line class="grid" x1="${x}" y1="${top}" x2="${x}" y2="${axisY}"/>` +
      `<text class="tick" x="${x}" y="${axisY + 16}">${escapeHtml(text)}</text>`
    );
  });
  return (
    `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(chart.title)}">` +
    ticks.join('') +
    `<line class="axis" x1="${labelWidth}" y1="${top}" x2="${labelWidth}" y2="${axisY}"/>` +
    `<line class="axis" x1="${labelWidth}" y1="${axisY}" x2="${labelWidth + plotWidth}" y2="${axisY}"/>` +
    bars.join('') +
    `<text class="axis-title" x="${labelWidth + plotWidth / 2}" y="${axisY + 38}">${escapeHtml(valueAxisTitle)}</text>` +
    `</svg>`
  );
}

/** A chart as a figure; charts without bars say so instead of drawing an empty axis. */
function chartHtml(chart: BarChart, language: Language): string {
  const body =
    chart.labels.length === 0
      ? `<p class="empty">${escapeHtml(pageText(language, PAGE_TEXT.empty))}</p>`
      : `<p class="axis-caption">${escapeHtml(chart.categoryAxis ?? '')}</p>` +
        chartSvg(chart, chart.valueAxis ?? '');
  return `<figure><figcaption>${escapeHtml(chart.title)}</figcaption>${body}</figure>`;
}

// ---------------------------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------------------------

const STYLE = `
*{box-sizing:border-box}
body{margin:0;padding:16px;font:15px/1.45 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2933;background:#f5f7fa}
:lang(zh-Hant) body{font-family:system-ui,-apple-system,"Segoe UI","PingFang TC","Microsoft JhengHei","Noto Sans TC","Noto Sans CJK TC","PingFang SC",sans-serif}
main{max-width:1000px;margin:0 auto}
h1{font-size:1.5em;margin:0 0 8px}
h2{font-size:1.1em;margin:0 0 8px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 16px}
dt{color:#52606d}dd{margin:0}
section,figure{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:12px;margin:0 0 16px}
.grid-2{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr));gap:0 16px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{padding:6px 8px;border-bottom:1px solid #e4e7eb;text-align:left;white-space:nowrap}
th{background:#f0f4f8;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
figcaption{font-weight:600;margin-bottom:4px}
svg{width:100%;height:auto;display:block}
.bar{fill:#2f80ed}
.label{text-anchor:end;dominant-baseline:middle;font-size:13px;fill:#1f2933}
.value{dominant-baseline:middle;font-size:12px;fill:#52606d}
.tick{text-anchor:middle;font-size:11px;fill:#52606d}
.axis{stroke:#7b8794}.grid{stroke:#e4e7eb}
.axis-title{text-anchor:middle;font-size:12px;fill:#52606d}
.axis-caption{margin:0 0 4px;font-size:12px;color:#52606d}
.empty{color:#7b8794}
.note{white-space:normal;color:#b54708}
@media (max-width:600px){body{padding:8px;font-size:14px}th,td{padding:4px 6px}}
`;

/** Builds the page: heading and summary, the charts, then every table of the tab. */
export function analysisHtml(
  content: AnalysisSheetContent,
  charts: BarChart[],
  language: Language,
): string {
  const [first, ...tables] = sectionsOf(content);
  const heading = first ? summaryHtml(content, first) : '';
  const notice = first
    ? ''
    : `<p class="empty">${escapeHtml(pageText(language, PAGE_TEXT.emptyTab))}</p>`;
  const figures = charts.map((chart) => chartHtml(chart, language)).join('');
  const chartBlock = charts.length
    ? `<h2>${escapeHtml(pageText(language, PAGE_TEXT.charts))}</h2><div class="grid-2">${figures}</div>`
    : '';
  const title = first?.title ?? labelIn(language, TAB_NAMES.analysis);
  return [
    '<!DOCTYPE html>',
    `<html lang="${htmlLang(language)}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No outside requests of any kind: the page must open from a file with no network.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body><main>${heading}${notice}${chartBlock}`,
    tables.map((section) => tableHtml(content, section)).join(''),
    '</main></body></html>',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// From the tab
// ---------------------------------------------------------------------------------------------

/** The tab's titles in a language, taken from the tab's own layout so they can never drift. */
function layoutTitles(language: Language): string[] {
  // With a zone and one spend row, so the time-axis tables and channel cost are laid out too.
  const empty = analyse({
    leads: [],
    pool: [],
    followUps: new Map(),
    conversions: [],
    now: new Date(0),
    windowDays: 0,
    timeAxis: {
      zone: { name: 'UTC', offsetMinutes: () => 0 },
      cadence: { cadenceDays: { A: 1, B: 2, C: 7 }, aDailyDays: 14, slaClock: 'calendar' },
      channelSpend: [{ channel: '-', month: '1970-01', amount: 0 }],
    },
  });
  const noCompleteness = completenessOf({
    leads: [],
    required: [],
    now: new Date(0),
    windowDays: 0,
  });
  const layout = analysisSheetContent(
    empty,
    calibrate([]),
    language,
    new Date(0),
    0,
    noCompleteness,
  );
  return layout.titleRows.map((row) => String(layout.rows[row - 1][0]));
}

/** Which of the tab's tables get a chart, by their title, and which column to draw. */
const CHARTED = [
  { title: ANALYSIS.sheet.bySource, valueColumn: 4 }, // rate
  { title: ANALYSIS.sheet.byGrade, valueColumn: 4 }, // rate
  { title: ANALYSIS.sheet.reasons, valueColumn: 3 }, // share
  { title: ANALYSIS.sheet.trend, valueColumn: 4 }, // conversion per month
] as const;

/** Charts of the channel, grade, reason and trend tables, axes named by the tables' own headers. */
export function chartsOf(content: AnalysisSheetContent, language: Language): BarChart[] {
  const sections = sectionsOf(content);
  return CHARTED.flatMap(({ title, valueColumn }) => {
    const section = sections.find((s) => s.title === t(language, title));
    if (!section) return [];
    const header = section.headerRow ? content.rows[section.headerRow - 1] : [];
    const rows = section.dataRows.map((row) => content.rows[row - 1]);
    return [
      {
        title: section.title,
        categoryAxis: String(header[0] ?? ''),
        valueAxis: String(header[valueColumn - 1] ?? ''),
        labels: rows.map((row) => String(row[0])),
        // An empty group's — stays — (NaN here), never a 0% bar.
        values: rows.map((row) => {
          const cell = row[valueColumn - 1];
          return typeof cell === 'number' ? cell : Number.NaN;
        }),
        percent: true,
      },
    ];
  });
}

/** The language an Analysis tab's name is in. */
function languageOfTab(name: string): Language {
  if (name === TAB_NAMES.analysis.en) return 'en';
  return name === labelIn('zhHant', TAB_NAMES.analysis) ? 'zhHant' : 'zh';
}

/** The Analysis tab's name in this workbook, in any language, if it has one. */
function analysisTabName(runtime: LocalAppsScript): string | undefined {
  const names = labelsOf(TAB_NAMES.analysis);
  return runtime.spreadsheet._sheets.map((s) => s._data.name).find((name) => names.includes(name));
}

/** Reads the tab back as the content the bundle wrote: its values, titles and percentage cells. */
export function contentFromRuntime(runtime: LocalAppsScript, name: string): AnalysisSheetContent {
  const language = languageOfTab(name);
  const zone = runtime.spreadsheet._timeZone();
  const data = runtime.sheet(name)._data;
  // Dates are shown in the spreadsheet's zone, as the tab shows them.
  const rows: Cell[][] = runtime.values(name).map((row) =>
    row.map((cell) => {
      if (cell instanceof Date) return formatDate(cell.getTime(), zone, 'yyyy-MM-dd HH:mm');
      return typeof cell === 'number' || typeof cell === 'string' ? cell : String(cell ?? '');
    }),
  );
  const titles = new Set(layoutTitles(language));
  const titleRows = rows.flatMap((row, i) =>
    titles.has(String(row[0])) && isTitleRow(row) ? [i + 1] : [],
  );
  // Every titled table but the page heading has its header right under its title.
  const headerRows = titleRows.slice(1).map((row) => row + 1);
  const percentCells = rows.flatMap((row, r) =>
    row.flatMap((_, c) =>
      String(data.style('numberFormat', r, c) ?? '').includes('%')
        ? [[r + 1, c + 1] as [number, number]]
        : [],
    ),
  );
  return { rows, percentCells, titleRows, headerRows };
}

/** A title stands alone in its row; a data cell with the same text (a label) does not. */
function isTitleRow(row: readonly Cell[]): boolean {
  return row.slice(1).every((cell) => cell === '');
}

/** The page for the Analysis tab the bundle wrote; an empty tab gives a page that says so. */
export function analysisPageFromRuntime(runtime: LocalAppsScript): string {
  const name = analysisTabName(runtime);
  const language = name === undefined ? 'zh' : languageOfTab(name);
  if (!name)
    return analysisHtml(
      { rows: [], percentCells: [], titleRows: [], headerRows: [] },
      [],
      language,
    );
  const content = contentFromRuntime(runtime, name);
  return analysisHtml(content, chartsOf(content, language), language);
}
