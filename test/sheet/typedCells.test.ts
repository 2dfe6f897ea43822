// Typed rows: text dates become dates, and every cell that cannot be read is named by tab, row, column.

import type { TimeZone } from '../../src/sheet/calendar';
import { namedExamples, readTypedRows, type RowsSource } from '../../src/sheet/typedCells';
import { CONVERSION_COLUMNS, LEAD_COLUMNS } from '../../src/sheet/tabs';

const SHANGHAI: TimeZone = { name: 'Asia/Shanghai', offsetMinutes: () => 480 };

function source(columns: RowsSource['columns'], tab: string, language: 'en' | 'zh' = 'zh') {
  const index: Record<string, number> = {};
  columns.forEach((c, i) => (index[c.key] = i));
  return { tab, header: columns.map((c) => c.header[language]), columns, index, firstRow: 2 };
}

const leads = source(LEAD_COLUMNS, '销售线索信息表');
const at = (key: string) => leads.index[key];
function leadRow(cells: Record<string, unknown>): unknown[] {
  const row = LEAD_COLUMNS.map(() => '' as unknown);
  for (const [key, value] of Object.entries(cells)) row[at(key)] = value;
  return row;
}

describe('readTypedRows', () => {
  it('turns text dates into dates in the spreadsheet zone', () => {
    const rows = [leadRow({ enteredAt: '2024/5/1 9:30', lastFollowUpAt: '2024年5月2日' })];
    const typed = readTypedRows(rows, leads, SHANGHAI);
    expect((typed.rows[0][at('enteredAt')] as Date).toISOString()).toBe('2024-05-01T01:30:00.000Z');
    expect((typed.rows[0][at('lastFollowUpAt')] as Date).toISOString()).toBe(
      '2024-05-01T16:00:00.000Z',
    );
    expect(typed.unreadable).toEqual([]);
  });

  it('reads a month alone in Expected close only, and keeps it as typed', () => {
    const rows = [leadRow({ expectedClose: '2024年8月', enteredAt: '2024-08' })];
    const typed = readTypedRows(rows, leads, SHANGHAI);
    // Scoring reads the month itself; the row is not copied for it.
    expect(typed.rows[0][at('expectedClose')]).toBe('2024年8月');
    expect(typed.rows[0]).toBe(rows[0]);
    expect(typed.unreadable.map((c) => c.header)).toEqual(['录入时间']);
  });

  it('copies only rows whose cells changed and leaves the rows read untouched', () => {
    const plain = leadRow({ contact: '王' });
    const texted = leadRow({ enteredAt: '2024-05-01' });
    const typed = readTypedRows([plain, texted], leads, SHANGHAI);
    expect(typed.rows[0]).toBe(plain);
    expect(typed.rows[1]).not.toBe(texted);
    expect(texted[at('enteredAt')]).toBe('2024-05-01');
  });

  it('names a date cell holding 下周 by tab, row and column', () => {
    const rows = [leadRow({ contact: '甲' }), leadRow({ enteredAt: '下周' })];
    const { unreadable } = readTypedRows(rows, leads, SHANGHAI);
    expect(unreadable).toEqual([
      { tab: '销售线索信息表', row: 3, column: at('enteredAt'), header: '录入时间', value: '下周' },
    ]);
    expect(namedExamples(unreadable, 5)).toBe(`销售线索信息表!AA3 录入时间 '下周'`);
  });

  it('names an unknown option and leaves known ones in either language alone', () => {
    const rows = [leadRow({ needFit: 'Full', authority: '直接决策人', status: '搁置' })];
    const { unreadable } = readTypedRows(rows, leads, SHANGHAI);
    expect(unreadable.map((c) => `${c.header}=${c.value}`)).toEqual(['状态=搁置']);
  });

  it('names a number cell holding text, and keeps the own words of the team in loss reasons', () => {
    const conversions = source(CONVERSION_COLUMNS, 'Conversions', 'en');
    const row = CONVERSION_COLUMNS.map(() => '' as unknown);
    row[conversions.index.amount] = '五万';
    row[conversions.index.cycleDays] = '1,200';
    row[conversions.index.reason] = 'Moved abroad';
    const { unreadable } = readTypedRows([row], conversions, SHANGHAI);
    expect(unreadable.map((c) => `${c.header}=${c.value}`)).toEqual(['Amount (万)=五万']);
  });

  it('never names sources: an unlisted source is added to Settings instead', () => {
    const { unreadable } = readTypedRows([leadRow({ source: 'Google' })], leads, SHANGHAI);
    expect(unreadable).toEqual([]);
  });
});
