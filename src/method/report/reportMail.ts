// The periodic report as an e-mail (SPEC §14): subject, plain text and phone-width HTML, with each
// headline figure beside the previous period's and the change; aggregates only.

import { formatCalendarDate } from '../../sheet/calendar';
import { type Language, optionalLabel } from '../../sheet/language';
import { LOSS_REASON } from '../../sheet/options';
import { APP, formatCount, REPORT, t } from '../../sheet/text';
import { SUPPRESSED_TEXT } from '../analysis/leadershipCopy';
import {
  block,
  button,
  escapeHtml,
  heading,
  itemRow,
  page,
  paragraph,
} from '../reminders/mailLayout';
import type { PeriodFigures, ReportFigures } from './reportFigures';
import type { ReportPeriod } from './reportPeriod';

export interface ReportMailInput {
  readonly period: ReportPeriod;
  readonly figures: ReportFigures;
  /** The calibration warnings, each one sentence. */
  readonly warnings: readonly string[];
  readonly language: Language;
  /** Opens the Analysis tab (or the spreadsheet); none when not a web address. */
  readonly link: string | undefined;
}

export interface ReportMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

type FigureKey = keyof PeriodFigures;
const FIGURES: readonly FigureKey[] = [
  'newLeads',
  'won',
  'wonAmount',
  'conversion',
  'slaCompliance',
];
const RATES: ReadonlySet<FigureKey> = new Set(['conversion', 'slaCompliance']);

const hidden = (n: number) => Number.isNaN(n);

/** `1234.5` → `1,234.5`; whole numbers without decimals. */
function amount(n: number): string {
  const [whole, fraction] = (Math.round(n * 10) / 10).toFixed(1).split('.');
  const grouped = formatCount(Number(whole));
  return fraction === '0' ? grouped : `${grouped}.${fraction}`;
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

function shown(key: FigureKey, n: number): string {
  if (hidden(n)) return SUPPRESSED_TEXT;
  if (RATES.has(key)) return percent(n);
  return key === 'wonAmount' ? amount(n) : formatCount(n);
}

const signed = (text: string, n: number) => (n > 0 ? `+${text}` : n < 0 ? `−${text}` : text);

/** Counts change by their difference (and by how much in percent); rates by percentage points. */
function change(key: FigureKey, now: number, before: number, language: Language): string {
  if (hidden(now) || hidden(before)) return '—';
  const difference = now - before;
  if (RATES.has(key)) {
    const points = Math.abs(difference * 100).toFixed(1);
    return signed(t(language, REPORT.points, points), Math.round(difference * 1000));
  }
  const size =
    key === 'wonAmount' ? amount(Math.abs(difference)) : formatCount(Math.abs(difference));
  const relative =
    before > 0 && difference !== 0
      ? ` (${signed(`${Math.round((Math.abs(difference) / before) * 100)}%`, difference)})`
      : '';
  return `${signed(size, difference)}${relative}`;
}

const reasonLabel = (key: string, language: Language) =>
  optionalLabel(
    language,
    LOSS_REASON.find((r) => r.key === key),
  ) ?? key;

interface Line {
  readonly label: string;
  readonly now: string;
  readonly before: string;
  readonly change: string;
}

function figureLines(figures: ReportFigures, language: Language): Line[] {
  return FIGURES.map((key) => ({
    label: t(language, REPORT.figures[key]),
    now: shown(key, figures.current[key]),
    before: shown(key, figures.previous[key]),
    change: change(key, figures.current[key], figures.previous[key], language),
  }));
}

/** The report for the period: figures, top reasons, calibration warnings, a link to the Analysis. */
export function renderReport(input: ReportMailInput): ReportMail {
  const { period, figures, language } = input;
  const weekly = period.cadence === 'weekly';
  const first = formatCalendarDate(period.current.first);
  const last = formatCalendarDate(period.current.last);
  const lines = figureLines(figures, language);
  const reasons = figures.topReasons.map((reason) =>
    t(
      language,
      REPORT.reasonLine,
      reasonLabel(reason.key, language),
      reason.count,
      percent(reason.share),
    ),
  );
  const warnings = input.warnings.length > 0 ? input.warnings : [t(language, REPORT.noWarnings)];
  const heads = REPORT.headings;
  const labelled = (label: string, value: string) => t(language, APP.labelled, label, value);
  const intro = t(language, REPORT.intro, weekly, first, last);
  const open = t(language, REPORT.openAnalysis);

  const text = [
    t(language, REPORT.greeting),
    '',
    intro,
    '',
    ...lines.map(
      (line) =>
        `- ${labelled(line.label, line.now)} · ${labelled(t(language, heads.previous), line.before)} · ${labelled(t(language, heads.change), line.change)}`,
    ),
    '',
    t(language, REPORT.reasonsTitle),
    ...(reasons.length > 0 ? reasons : [t(language, REPORT.noReasons)]).map((r) => `- ${r}`),
    '',
    t(language, REPORT.calibrationTitle),
    ...warnings.map((w) => `- ${w}`),
    '',
    t(language, REPORT.suppressedNote),
    ...(input.link ? [labelled(open, input.link)] : []),
  ].join('\n');

  const muted = (s: string) => `<span style="color:#555">${escapeHtml(s)}</span>`;
  const html = page([
    paragraph(t(language, REPORT.greeting)),
    paragraph(intro),
    heading(t(language, REPORT.figuresTitle)),
    // One figure per row, the figure large and the comparison below: three columns would not fit 360 px.
    ...lines.map((line) =>
      itemRow(
        `${escapeHtml(line.label)}<br><b style="font-size:20px">${escapeHtml(line.now)}</b><br>` +
          `${muted(`${t(language, heads.previous)} ${line.before} · ${t(language, heads.change)} ${line.change}`)}`,
      ),
    ),
    heading(t(language, REPORT.reasonsTitle)),
    ...(reasons.length > 0 ? reasons : [t(language, REPORT.noReasons)]).map((r) =>
      itemRow(escapeHtml(r)),
    ),
    heading(t(language, REPORT.calibrationTitle)),
    ...warnings.map((w) => itemRow(escapeHtml(w))),
    block(muted(t(language, REPORT.suppressedNote)), ';font-size:13px'),
    button(input.link, open),
  ]);
  return { subject: t(language, REPORT.subject, weekly, first, last), text, html };
}
