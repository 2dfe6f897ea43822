// A workbook ready for automation tests: set up, a team and rules in Settings, and leads typed in.

import { LocalAppsScript, type RuntimeOptions } from '../../gas-local/runtime';
import { leadRow } from './leads';
import { loadRuntime } from './runtime';

export const LEADS = '销售线索信息表';
export const POOL = '公海';
export const SETTINGS = '设置';

export const T0 = new Date('2024-05-10T02:00:00Z'); // Friday 10:00 in Shanghai
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface Member {
  name: string;
  email: string;
  role: '销售' | '经理';
  active?: boolean;
}

export const TEAM: Member[] = [
  { name: '张伟', email: 'zhang@example.com', role: '销售' },
  { name: '李娜', email: 'li@example.com', role: '销售' },
  { name: '王芳', email: 'wang@example.com', role: '销售' },
  { name: '赵经理', email: 'boss@example.com', role: '经理' },
];

/** Row (1-based) of the first cell in column A equal to `label`. */
export function settingsRow(runtime: LocalAppsScript, label: string): number {
  const row = runtime.values(SETTINGS).findIndex((r) => r[0] === label);
  if (row < 0) throw new Error(`Settings has no row ${label}`);
  return row + 1;
}

export function setSetting(runtime: LocalAppsScript, label: string, value: unknown): void {
  runtime.type(SETTINGS, settingsRow(runtime, label), 2, [[value]]);
}

export function setTeam(runtime: LocalAppsScript, team: Member[]): void {
  const first = settingsRow(runtime, '销售团队') + 2;
  runtime.type(
    SETTINGS,
    first,
    1,
    team.map((m) => [m.name, m.email, m.role, m.active ?? true]),
  );
}

export function setRules(
  runtime: LocalAppsScript,
  rules: [string, string, number | '', string][],
): void {
  const first = settingsRow(runtime, '分配规则') + 2;
  runtime.type(SETTINGS, first, 1, rules);
}

/** A set-up Chinese workbook at T0 with the team, manager e-mails and the given Leads rows. */
export function automationWorkbook(
  leads: unknown[][] = [],
  team: Member[] = TEAM,
  newSheetRows?: number,
  options: RuntimeOptions = {},
): LocalAppsScript {
  const runtime = loadRuntime({ locale: 'zh_CN', now: T0, newSheetRows, ...options });
  runtime.invoke('setupSheets');
  setTeam(runtime, team);
  setSetting(runtime, '经理邮箱', 'boss@example.com');
  if (leads.length > 0) runtime.type(LEADS, 2, 1, leads);
  return runtime;
}

/** Every Lead ID across Leads and Pool, with how often it appears. */
export function idCounts(runtime: LocalAppsScript): Map<string, number> {
  const counts = new Map<string, number>();
  for (const tab of [LEADS, POOL]) {
    const [header, ...rows] = runtime.values(tab);
    const at = header.indexOf('线索编号');
    for (const row of rows) {
      const id = String(row[at] ?? '');
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

/** An A-grade lead (all four scoring inputs typed) for customer `i`, with extra fields. */
export function gradeALead(i: number, fields: Record<string, unknown> = {}): unknown[] {
  return leadRow({
    source: '展会',
    contact: `客户${i}`,
    phone: `1390000${String(i).padStart(4, '0')}`,
    company: `公司${i}`,
    needFit: '完全契合',
    authority: '直接决策人',
    urgency: '1个月内',
    budgetFit: '匹配',
    ...fields,
  });
}

/** The ID a lead numbered `i` in May 2024 gets. */
export const mayId = (i: number) => `202405${String(i).padStart(3, '0')}-展会`;

/** An instant `ms` before the tests' start time T0. */
export const ago = (ms: number) => new Date(T0.getTime() - ms);

/**
 * Owned leads followed up yesterday with their next date set, appended below the others: a
 * regular hour leaves them to the day's full pass, so the leads it acts on are a few among many.
 */
export function addQuietLeads(
  runtime: LocalAppsScript,
  ids: readonly number[],
  lead: (i: number, fields: Record<string, unknown>) => unknown[] = gradeALead,
): void {
  const quiet = ids.map((i) =>
    lead(i, {
      id: mayId(i),
      owner: '张伟',
      assignedAt: ago(2 * DAY),
      lastFollowUpAt: ago(DAY),
      nextFollowUpDue: ago(-DAY),
    }),
  );
  runtime.type(LEADS, runtime.values(LEADS).length + 1, 1, quiet);
}

/**
 * The day so far: automation turned on, every lead scored, the Analysis rebuilt, the week's
 * report sent and the day's archive done. Returns a firing of the hourly trigger: a regular hour.
 */
export function dayUnderWay(runtime: LocalAppsScript): () => void {
  runtime.invoke('installAutomation');
  for (const step of ['scoreAllLeads', 'refreshAnalysis', 'sendPeriodicReport'])
    runtime.invoke(step);
  runtime.invoke('archiveClosedLeads');
  const [trigger] = runtime.allTriggers();
  return () => void runtime.fireTimeTrigger(trigger.id);
}

/** A person takes away the blank rows below a tab's last row: the grid ends at its last lead. */
export function takeSpareRows(runtime: LocalAppsScript, tab: string): void {
  runtime.run(
    `const s = SpreadsheetApp.getActive().getSheetByName('${tab}');` +
      'if (s.getMaxRows() > s.getLastRow())' +
      ' s.deleteRows(s.getLastRow() + 1, s.getMaxRows() - s.getLastRow());',
  );
}
