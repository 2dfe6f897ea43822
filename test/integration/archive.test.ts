// Archive closed leads (SPEC §16) through the built bundle: what moves, where, and that the
// Analysis shows the same figures before and after.

import {
  analysisFigures,
  archiveId,
  archives,
  archiveWorkbook,
  CONVERSIONS,
  FOLLOW_UPS,
  idRows,
  LEADS,
  rowsEverywhere,
} from '../support/archive';
import { setSetting } from '../support/automation';
import { READ_SLACK } from '../../src/gas/rowsToEnd';

/** 40 leads entered every 20 days from January 2022; T0 is 10 May 2024. */
const COUNT = 40;
/** Closed (not every fourth) and decided before 10 May 2023: more than 12 months before T0. */
const due = Array.from({ length: COUNT }, (_, i) => i).filter((i) => {
  if (i % 4 === 3) return false;
  const decided = Date.UTC(2022, 0, 5, 2) + (i * 20 + 10 + (i % 7) * 5) * 86_400_000;
  return decided < Date.UTC(2023, 4, 9, 16);
});

describe('archiveClosedLeads', () => {
  it('moves closed leads decided more than 12 months ago, with their history, to one archive per year', () => {
    const runtime = archiveWorkbook(COUNT);
    const followUps = idRows(runtime.values(FOLLOW_UPS));
    const conversions = idRows(runtime.values(CONVERSIONS));
    runtime.invoke('archiveClosedLeads');

    const names = archives(runtime).map((book) => book.getName());
    expect(names.sort()).toEqual(['Lead Tracker 归档 2022', 'Lead Tracker 归档 2023']);
    const dueIds = due.map(archiveId);
    const inTracker = idRows(runtime.values(LEADS));
    expect(dueIds.filter((id) => inTracker.has(id))).toEqual([]);
    expect(inTracker.size).toBe(COUNT - due.length);
    for (const id of dueIds) {
      expect(rowsEverywhere(runtime, LEADS).get(id)).toBe(1);
      expect(rowsEverywhere(runtime, FOLLOW_UPS).get(id)).toBe(followUps.get(id));
      expect(rowsEverywhere(runtime, CONVERSIONS).get(id)).toBe(conversions.get(id));
    }
    expect(idRows(runtime.values(FOLLOW_UPS)).has(dueIds[0])).toBe(false);
    // The archive has the tracker's headers, in the tracker's language.
    const archive2022 = archives(runtime).find((b) => b.getName().endsWith('2022'));
    const leadsTab = runtime.handle(archive2022!).values(LEADS);
    expect(leadsTab[0]).toEqual(runtime.values(LEADS)[0]);
  });

  it('shows every Analysis figure unchanged after archiving', () => {
    const runtime = archiveWorkbook(COUNT);
    const before = analysisFigures(runtime);
    runtime.invoke('archiveClosedLeads');
    expect(idRows(runtime.values(LEADS)).size).toBe(COUNT - due.length);
    expect(analysisFigures(runtime)).toEqual(before);
  });

  it('keeps the figures for an Analysis window too, counting archived months inside it', () => {
    const runtime = archiveWorkbook(COUNT);
    setSetting(runtime, '分析周期(天)', 730);
    const before = analysisFigures(runtime);
    runtime.invoke('archiveClosedLeads');
    expect(analysisFigures(runtime)).toEqual(before);
  });

  it('reuses the same archives on a second run and moves nothing twice', () => {
    const runtime = archiveWorkbook(COUNT);
    runtime.invoke('archiveClosedLeads');
    const leads = rowsEverywhere(runtime, LEADS);
    runtime.kernel.advance(60_000);
    runtime.invoke('archiveClosedLeads');
    expect(archives(runtime)).toHaveLength(2);
    expect(rowsEverywhere(runtime, LEADS)).toEqual(leads);
  });

  it('finds nothing due from the deciding columns alone, without reading the tabs whole', () => {
    const runtime = archiveWorkbook(COUNT);
    runtime.invoke('archiveClosedLeads');
    runtime.kernel.advance(60_000);
    const { calls } = runtime.measure(() => runtime.invoke('archiveClosedLeads'));
    const read = (tab: string) =>
      calls.filter((c) => c.sheet === tab).reduce((cells, c) => cells + c.cellsRead, 0);
    const rows = (tab: string) => runtime.values(tab).length;
    const width = (tab: string) => runtime.values(tab)[0].length;
    // The header rows, then Lead ID, Status and Last follow-up (read past the last row a little).
    expect(read(LEADS)).toBeLessThanOrEqual(10 * width(LEADS) + 3 * (rows(LEADS) + READ_SLACK));
    expect(read(FOLLOW_UPS)).toBe(0);
    expect(read(CONVERSIONS)).toBeLessThanOrEqual(
      10 * width(CONVERSIONS) + 3 * (rows(CONVERSIONS) + READ_SLACK),
    );
    expect(rowsEverywhere(runtime, LEADS).size).toBe(COUNT);
  });

  it("copies a date in the team's own column of Follow-ups as a date", () => {
    const runtime = archiveWorkbook(COUNT);
    const id = archiveId(0);
    const rows = runtime.values(FOLLOW_UPS);
    const width = rows[0].length;
    const row = rows.findIndex((r) => r[0] === id) + 1;
    runtime.type(FOLLOW_UPS, 1, width + 1, [['回访日期']]);
    runtime.type(FOLLOW_UPS, row, width + 1, [[new Date(Date.UTC(2022, 1, 1, 2))]]);
    const before = runtime.values(FOLLOW_UPS)[row - 1][width];
    expect(before).toBeInstanceOf(Date);
    runtime.invoke('archiveClosedLeads');
    expect(runtime.values(FOLLOW_UPS).some((r) => r[0] === id)).toBe(false);
    const book = archives(runtime).find((b) => b.getName().endsWith('2022'));
    const archived = runtime.handle(book!).values(FOLLOW_UPS);
    const at = archived[0].indexOf('回访日期');
    expect(archived.find((r) => r[0] === id)?.[at]).toEqual(before);
  });

  it('keeps a date typed into Expected close as a date in the archive', () => {
    const runtime = archiveWorkbook(COUNT);
    const id = archiveId(0);
    const header = runtime.values(LEADS)[0];
    const row = runtime.values(LEADS).findIndex((r) => r[0] === id) + 1;
    const close = header.indexOf('预计成交时间') + 1;
    runtime.type(LEADS, row, close, [[new Date(Date.UTC(2022, 5, 30, 4))]]);
    const before = runtime.values(LEADS)[row - 1][close - 1];
    expect(before).toBeInstanceOf(Date);
    runtime.invoke('archiveClosedLeads');
    const book = archives(runtime).find((b) => b.getName().endsWith('2022'));
    const archived = runtime
      .handle(book!)
      .values(LEADS)
      .find((r) => r[0] === id);
    expect(archived?.[close - 1]).toEqual(before);
  });

  it('leaves its hidden tabs no larger than what they hold', () => {
    const runtime = archiveWorkbook(COUNT);
    runtime.invoke('archiveClosedLeads');
    const grid = (name: string) =>
      runtime.run(
        `const s = SpreadsheetApp.getActive().getSheetByName('${name}');` +
          'return [s.getMaxRows(), s.getMaxColumns(), s.getLastRow(), s.getLastColumn()];',
      ) as number[];
    // The copy rows were set aside in until deleted: emptied and shrunk to one cell.
    expect(grid('_LeadTrackerSetAside')).toEqual([1, 1, 0, 0]);
    // The summary: as many rows and columns as it holds.
    const [rows, columns, lastRow, lastColumn] = grid('_LeadTrackerArchived');
    expect([rows, columns]).toEqual([lastRow, lastColumn]);
  });

  it('archives nothing when Archive after (months) is 0', () => {
    const runtime = archiveWorkbook(COUNT);
    setSetting(runtime, '归档月数', 0);
    runtime.invoke('archiveClosedLeads');
    expect(archives(runtime)).toHaveLength(0);
    expect(idRows(runtime.values(LEADS)).size).toBe(COUNT);
  });

  it('leaves a year in the tracker when its archive cannot be opened in an hourly run, and replaces it from the menu', () => {
    const runtime = archiveWorkbook(COUNT);
    runtime.invoke('archiveClosedLeads');
    const archive2022 = archives(runtime).find((b) => b.getName().endsWith('2022'))!;
    runtime.deleteSpreadsheet(archive2022);
    // A lead of 2022 that closed late, now due.
    const statusColumn = runtime.values(LEADS)[0].indexOf('状态') + 1;
    const row = runtime.values(LEADS).findIndex((r) => r[0] === archiveId(3)) + 1;
    runtime.type(LEADS, row, statusColumn, [['流失']]);
    runtime.type(CONVERSIONS, runtime.values(CONVERSIONS).length + 1, 1, [
      [archiveId(3), '流失', '', '预算不足', 20, '张伟', '', '', new Date(Date.UTC(2022, 6, 1))],
    ]);
    // The menu's archive was the day's: the hourly job archives again the next day.
    runtime.kernel.advance(24 * 3_600_000);
    runtime.invoke('runHourlyNow');
    expect(idRows(runtime.values(LEADS)).has(archiveId(3))).toBe(true);
    const log = runtime.values('运行日志').map((r) => String(r[2]));
    expect(log.some((line) => line.includes(archive2022.getId()))).toBe(true);

    runtime.kernel.advance(60_000);
    runtime.invoke('archiveClosedLeads');
    expect(idRows(runtime.values(LEADS)).has(archiveId(3))).toBe(false);
    expect(archives(runtime).map((b) => b.getName())).toContain('Lead Tracker 归档 2022');
  });

  it('runs once a day from the hourly job', () => {
    const runtime = archiveWorkbook(COUNT);
    runtime.invoke('runHourlyNow');
    const inTracker = idRows(runtime.values(LEADS));
    expect(due.map(archiveId).filter((id) => inTracker.has(id))).toEqual([]);
    expect(rowsEverywhere(runtime, LEADS).get(archiveId(due[0]))).toBe(1);
    // Later the same day nothing is archived again, even a lead that is now due.
    const archived = archives(runtime).map((b) => runtime.handle(b).values(LEADS).length);
    runtime.kernel.advance(3_600_000);
    runtime.invoke('runHourlyNow');
    expect(archives(runtime).map((b) => runtime.handle(b).values(LEADS).length)).toEqual(archived);
  });

  it('carries into the archive what a person typed into a moving lead while it was copied', () => {
    const clean = archiveWorkbook(COUNT);
    const { calls } = clean.measure(() => clean.invoke('archiveClosedLeads'));
    // The deletion's last read of whole Leads rows, just before the rows go.
    const deletion = calls.findIndex((c) => c.method.endsWith('batchUpdate'));
    const lastRead = calls
      .slice(0, deletion)
      .filter((c) => c.sheet === LEADS && c.method === 'getValues')
      .pop();
    const runtime = archiveWorkbook(COUNT);
    const id = archiveId(due[0]);
    const row = runtime.values(LEADS).findIndex((r) => r[0] === id) + 1;
    const need = runtime.values(LEADS)[0].indexOf('需求描述') + 1;
    runtime.people.before(lastRead?.dataIndex ?? 1, (person) =>
      person.type(LEADS, row, need, '要一套新系统'),
    );
    runtime.invoke('archiveClosedLeads');
    expect(runtime.people.acted).toHaveLength(1);
    const book = archives(runtime).find((b) => b.getName().endsWith('2022'));
    const archived = runtime
      .handle(book!)
      .values(LEADS)
      .find((r) => r[0] === id);
    expect(archived?.[need - 1]).toBe('要一套新系统');
  });
});
