// Code pasted into a spreadsheet's script by hand runs without the Sheets advanced service its
// manifest would enable: every operation then reads, writes, appends and deletes through
// SpreadsheetApp, and leaves every tab as it does with the service.

import type { LocalAppsScript, RuntimeOptions } from '../../gas-local/runtime';
import { archives, archiveWorkbook, FOLLOW_UPS } from '../support/archive';
import {
  ago,
  automationWorkbook,
  DAY,
  gradeALead,
  HOUR,
  idCounts,
  LEADS,
  mayId,
  POOL,
} from '../support/automation';
import { manyLeads } from '../support/leads';
import { columnOf, loadRuntime, rowsOf } from '../support/runtime';
import { postLead, tokenOf } from '../support/forms';

const WITHOUT: RuntimeOptions = { withoutAdvancedServices: true };
const ZHANG = 'zhang@example.com';
const LIST = '展会名单';
const TABS = [
  LEADS,
  POOL,
  '销售线索跟进记录表',
  '销售线索转化分析表',
  '转化分析',
  '运行日志',
  LIST,
];

/** Stale leads to pool, a lead to assign, a new lead without an ID, and a pool lead to return. */
function workbook(options: RuntimeOptions): LocalAppsScript {
  const owned = (i: number, fields: Record<string, unknown>) =>
    gradeALead(i, { id: mayId(i), owner: '张伟', enteredAt: ago(20 * DAY), ...fields });
  const runtime = automationWorkbook(
    [
      owned(1, { assignedAt: ago(9 * DAY) }),
      owned(2, { assignedAt: ago(2 * DAY) }),
      owned(3, { assignedAt: ago(8 * DAY) }),
      gradeALead(4, { id: mayId(4), enteredAt: ago(HOUR) }),
      owned(5, { assignedAt: ago(10 * DAY) }),
      gradeALead(6, { id: '', enteredAt: '' }),
    ],
    undefined,
    undefined,
    options,
  );
  runtime.type(POOL, 2, 1, [
    gradeALead(9, { id: mayId(9), owner: '李娜', enteredAt: ago(30 * DAY) }),
    gradeALead(10, { id: mayId(10), owner: '', enteredAt: ago(30 * DAY) }),
  ]);
  runtime.addSheet(LIST, [
    ['姓名', '手机', '公司', '需求匹配度'],
    ['王强', '13900000001', '华星科技', '完全契合'],
    ['赵敏', '13900000003', '远景制造', '不契合'],
  ]);
  runtime.handle(runtime.spreadsheet).share(ZHANG, 'editor');
  return runtime;
}

/** A day: scoring, two hourly runs, a follow-up that wins a lead, a claim and a return. */
function day(runtime: LocalAppsScript): void {
  runtime.invoke('scoreAllLeads');
  runtime.invoke('runHourlyNow');
  runtime.kernel.advance(HOUR);
  runtime.invoke(
    'submitFollowUp',
    [
      {
        leadId: mayId(2),
        method: 'phone',
        content: '签约',
        outcome: { result: 'won', amount: 30, keyFactors: '价格' },
      },
    ],
    { execution: 'sidebar' },
  );
  const pool = rowsOf(runtime, POOL);
  const owner = columnOf(runtime, POOL, '负责人') + 1;
  const row = pool.findIndex((lead) => lead['线索编号'] === mayId(1)) + 2;
  runtime.type(POOL, row, owner, [['李娜']]);
  runtime.invoke('returnPoolLeads');
  runtime.as(ZHANG).invoke('claimPoolLead', [mayId(10)], { execution: 'sidebar' });
  runtime.invoke('importLeads', [LIST]);
  postLead(runtime, runtime.spreadsheet.getId(), {
    token: tokenOf(runtime),
    contact: '王女士',
    phone: '13800138000',
    budget: '80万',
  });
  runtime.kernel.advance(HOUR);
  runtime.invoke('runHourlyNow');
}

/** What the sidebar shows: a search, a lead's card and the day's queue. */
function sidebar(runtime: LocalAppsScript): unknown[] {
  const call = (name: string, args: unknown[] = []) =>
    runtime.as(ZHANG).invoke(name, args, { execution: 'sidebar' });
  return [call('searchLeads', ['客户']), call('getLeadCard', [mayId(4)]), call('getMyDay')];
}

describe('without the Sheets service', () => {
  it('leaves every tab as with it: pooling, returns, claims, imports, web leads, follow-ups, the Analysis', () => {
    const withService = workbook({});
    day(withService);
    const without = workbook(WITHOUT);
    day(without);
    expect(rowsOf(without, POOL).length).toBeGreaterThan(0);
    const leads = rowsOf(without, LEADS);
    const owner = (id: string) => leads.find((lead) => lead['线索编号'] === id)?.['负责人'];
    expect([owner(mayId(1)), owner(mayId(10))]).toEqual(['李娜', '张伟']);
    expect(leads.map((lead) => lead['联系人'])).toEqual(
      expect.arrayContaining(['王强', '赵敏', '王女士']),
    );
    for (const tab of TABS)
      expect({ tab, rows: without.values(tab) }).toEqual({ tab, rows: withService.values(tab) });
    expect([...idCounts(without).values()].every((n) => n === 1)).toBe(true);
    expect(sidebar(without)).toEqual(sidebar(withService));
  });

  // A read to the end stops at the grid's last row when the tab has no spare rows: a row inserted
  // just before it would push the last lead out, where it would look deleted and come back twice.
  it('keeps every lead once when a person inserts a row into a full tab as rows are deleted', () => {
    const fullTab = () => {
      const runtime = workbook(WITHOUT);
      runtime.invoke('scoreAllLeads');
      const sheet = runtime.sheet(LEADS);
      sheet.deleteRows(sheet.getLastRow() + 1, sheet.getMaxRows() - sheet.getLastRow());
      return runtime;
    };
    const clean = fullTab();
    const { calls } = clean.measure(() => clean.invoke('runHourlyNow'));
    const lastDeletion = Math.max(
      ...calls.map((c, i) => (c.sheet === LEADS && c.method === 'deleteRows' ? i : -1)),
    );
    // The read after the deletion, which looks for rows a block took by mistake.
    const check = calls
      .slice(lastDeletion)
      .find((c) => c.sheet === LEADS && c.method === 'getRange');
    const runtime = fullTab();
    runtime.people.counting = 'every';
    runtime.people.before(check?.index ?? 0, (person) => person.insertRowBefore(LEADS, 2));
    runtime.invoke('runHourlyNow');
    expect(runtime.people.acted).toHaveLength(1);
    expect([...idCounts(runtime).entries()].filter(([, n]) => n !== 1)).toEqual([]);
    const contacts = (rt: LocalAppsScript) =>
      rowsOf(rt, LEADS)
        .map((lead) => lead['联系人'])
        .filter(Boolean)
        .sort();
    expect(contacts(runtime)).toEqual(contacts(clean));
  });

  // Derived urgency moves scores all through the tab a month on: range by range, that is a call
  // per changed lead; the leads between are written again, so the scores go in one range.
  it('rescores a month on in one write, each lead as a pass with the service scores it', () => {
    const monthOn = (options: RuntimeOptions) => {
      const runtime = loadRuntime({ locale: 'zh_CN', ...options });
      runtime.invoke('setupSheets');
      runtime.type(LEADS, 2, 1, manyLeads(600));
      runtime.invoke('scoreAllLeads');
      runtime.kernel.advance(31 * DAY);
      return runtime;
    };
    const withService = monthOn({});
    const lastMonth = withService.values(LEADS);
    withService.invoke('scoreAllLeads');
    const moved = withService
      .values(LEADS)
      .filter((row, r) => row.some((cell, c) => String(cell) !== String(lastMonth[r][c])));
    expect(moved.length).toBeGreaterThan(50);
    const without = monthOn(WITHOUT);
    const { calls } = without.measure(() => without.invoke('scoreAllLeads'));
    const writes = calls.filter((c) => c.sheet === LEADS && c.method === 'setValues');
    expect(writes).toHaveLength(1);
    expect(without.values(LEADS)).toEqual(withService.values(LEADS));
  });

  it('makes no call to the Sheets service, which is not there', () => {
    const runtime = workbook(WITHOUT);
    const { calls } = runtime.measure(() => day(runtime));
    expect(calls.filter((c) => c.service === 'Sheets')).toEqual([]);
    expect(calls.some((c) => c.method === 'deleteRows')).toBe(true);
  });

  it('archives the same leads to the same archives', () => {
    const withService = archiveWorkbook(40);
    withService.invoke('archiveClosedLeads');
    const without = archiveWorkbook(40, 20, WITHOUT);
    without.invoke('archiveClosedLeads');
    const archived = [LEADS, '销售线索跟进记录表', '销售线索转化分析表'];
    for (const tab of archived)
      expect({ tab, rows: without.values(tab) }).toEqual({ tab, rows: withService.values(tab) });
    const books = (runtime: LocalAppsScript) =>
      archives(runtime).map((book) => ({
        name: book.getName(),
        tabs: archived.map((tab) => runtime.handle(book).values(tab)),
      }));
    expect(books(without)).toEqual(books(withService));
  });

  // Rows go block by block: a row a person deletes above shifts the rest under the next block.
  // What a block took by mistake is put back, matched cell for cell among rows of one Lead ID.
  it('keeps every follow-up once when a person deletes a row as rows are deleted', () => {
    const followUpsEverywhere = (runtime: LocalAppsScript) =>
      [runtime.spreadsheet, ...archives(runtime)]
        .flatMap((book) => runtime.handle(book).values(FOLLOW_UPS).slice(1))
        .filter((row) => row.some((cell) => cell !== ''))
        .map((row) => JSON.stringify(row))
        .sort();
    const clean = archiveWorkbook(40, 20, WITHOUT);
    const { calls } = clean.measure(() => clean.invoke('archiveClosedLeads'));
    // The tracker's first deletion (an archive's new tab trims its spare rows too): the one
    // after the frozen rows are asked, so that not every row is deleted.
    const deletion = calls.find(
      (c, i) =>
        c.sheet === FOLLOW_UPS &&
        c.method === 'deleteRows' &&
        calls[i - 1]?.method === 'getFrozenRows',
    );
    // A lead kept in the tracker has two follow-ups: a Lead ID shared by two rows.
    const kept = clean.values(FOLLOW_UPS).slice(1);
    expect(kept.some((row, i) => kept.findIndex((other) => other[0] === row[0]) !== i)).toBe(true);
    const runtime = archiveWorkbook(40, 20, WITHOUT);
    runtime.people.counting = 'every';
    runtime.people.before(deletion?.index ?? 0, (person) => person.deleteRow(FOLLOW_UPS, 2));
    runtime.invoke('archiveClosedLeads');
    expect(runtime.people.acted).toHaveLength(1);
    // The row the person deleted was already copied to its archive: every row is there once.
    expect(followUpsEverywhere(runtime)).toEqual(followUpsEverywhere(clean));
  });
});
