// npm run bench: service calls, cells read and written, local CPU time and heap of the main
// operations at 10k, 100k and 300k leads, run through the built bundle in the local Apps Script
// runtime in two worker processes. Prints a Markdown table, then where the hourly job's calls go.

import { fork } from 'node:child_process';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { MAX_DELETION_BLOCKS } from '../../src/gas/poolMoves';
import { LEAD_COLUMNS, POOL_COLUMNS } from '../../src/sheet/tabs';
import { LocalAppsScript } from '../../gas-local/runtime';
import { seededRandom } from './demoData';
import type { CallRecord } from '../../gas-local/kernel';
import { estimatedSeconds } from './googleCost';

const DIST = join(__dirname, '..', '..', 'dist');
const LEADS = '销售线索信息表';
const POOL = '公海';
const SETTINGS = '设置';
const ALL_SIZES = [10_000, 100_000, 300_000];
/** `npm run bench -- --sizes 10000,100000` runs only those sizes (a quicker look). */
const ONLY = (() => {
  const at = process.argv.indexOf('--sizes');
  return at < 0 ? undefined : process.argv[at + 1].split(',').map(Number);
})();
const SIZES = ONLY ?? ALL_SIZES;
const NOW = new Date('2024-05-10T02:00:00Z');
/**
 * `--without-sheets-service`: every scenario as if the script were pasted by hand, without the
 * Sheets advanced service (the table runs with it, and has one such scenario of its own).
 */
const RUNTIME_OPTIONS = {
  locale: 'zh_CN',
  now: NOW,
  // The split of local CPU time between the script and the runtime's work for its calls.
  timeServiceCalls: true,
  withoutAdvancedServices: process.argv.includes('--without-sheets-service'),
};
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function benchLeads(count: number, blankIds: boolean): unknown[][] {
  const pick = <T>(list: readonly T[], i: number) => list[i % list.length];
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const fields: Record<string, unknown> = {
      id: blankIds
        ? ''
        : `2024${String((i % 12) + 1).padStart(2, '0')}${String(Math.floor(i / 12) + 1).padStart(3, '0')}-展会`,
      source: pick(['官网表单', '展会', '电话咨询', '客户推荐', '电商平台', '其他'], i),
      contact: `客户${i}`,
      phone: `139${String(i).padStart(8, '0')}`,
      company: `测试公司${i % 997}`,
      budget: pick(['50-80万', '30万', '¥500,000', '800000元', '1.2亿', '', '20-30万'], i),
      expectedClose: pick(['2024-06', '2024年9月', '2024-12-15', '2025-03'], i),
      region: pick(['华东', '华南', '华北', '西南'], i),
      industry: pick(['制造', '零售', '医疗', '教育', '物流'], i),
      needFit: pick(['完全契合', '部分契合', '不契合', ''], i),
      authority: pick(['直接决策人', '有影响者', '无权限'], i >> 2),
      enteredAt: blankIds ? '' : '2024-04-01',
    };
    rows.push(LEAD_COLUMNS.map((c) => fields[c.key] ?? ''));
  }
  return rows;
}

function workbook(count: number, blankIds: boolean): LocalAppsScript {
  const runtime = new LocalAppsScript(RUNTIME_OPTIONS).loadBundle(DIST);
  runtime.invoke('setupSheets');
  runtime.type(LEADS, 2, 1, benchLeads(count, blankIds));
  return runtime;
}

interface Measured {
  /** Spreadsheet service calls and Sheets advanced service calls. */
  calls: number;
  /** Calls that read or write cell values, on any tab. */
  dataCalls: number;
  leadsData: number;
  cellsRead: number;
  cellsWritten: number;
  cpuMs: number;
  /**
   * The part of cpuMs spent outside the local runtime's service calls: the script's own work.
   * What the runtime spends carrying calls out is Google's on the real platform, and counted
   * in "estimated on Google" instead.
   */
  scriptCpuMs: number;
  /** The most heap the operation held above the local runtime's workbook (MB), see measure(). */
  heapMb: number;
  /** Every service call made, for a closer look. */
  serviceCalls: CallRecord[];
  hourly?: HourlyBreakdown;
}

/** Garbage the heap samples may include before a collection is forced (bytes). */
const GARBAGE_ALLOWED = 16 * 1_048_576;

function measure(runtime: LocalAppsScript, action: () => void): Measured {
  // What earlier jobs of this worker left behind is not this operation's heap (some of it, such
  // as objects waiting on finalizers, needs a second collection).
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  // The workbook is the local runtime's, held before and after: the operation's heap is what it
  // adds, at its highest among the moments it calls a service (the data it read is held then).
  // Garbage is collected whenever 16 MB more than the last live heap is in use, so the peak is the
  // live heap to within 16 MB (without --expose-gc, garbage counts too: an upper bound).
  const collect = (globalThis as { gc?: () => void }).gc;
  let workbookHeap = getHeapStatistics().used_heap_size;
  let lastLive = workbookHeap;
  let peakHeap = workbookHeap;
  let collecting = { user: 0, system: 0 };
  const sample = () => {
    let used = getHeapStatistics().used_heap_size;
    if (collect && used - lastLive > GARBAGE_ALLOWED) {
      // The collection is the bench's work, not the operation's: its CPU time is left out.
      const start = process.cpuUsage();
      collect();
      const spent = process.cpuUsage(start);
      collecting = {
        user: collecting.user + spent.user,
        system: collecting.system + spent.system,
      };
      used = lastLive = getHeapStatistics().used_heap_size;
      // Garbage of earlier jobs freed only now was never this operation's.
      workbookHeap = Math.min(workbookHeap, used);
    }
    peakHeap = Math.max(peakHeap, used);
  };
  const people = runtime.kernel.beforeCall;
  runtime.kernel.beforeCall = (call) => {
    sample();
    people?.(call);
  };
  const cpu = process.cpuUsage();
  let calls: CallRecord[] = [];
  try {
    if (profiling) profiled(() => (calls = runtime.measure(action).calls));
    else if (allocationsProfiled) allocations(() => (calls = runtime.measure(action).calls));
    else calls = runtime.measure(action).calls;
  } finally {
    runtime.kernel.beforeCall = people;
  }
  sample();
  const spent = process.cpuUsage(cpu);
  const used = {
    user: spent.user - collecting.user,
    system: spent.system - collecting.system,
  };
  const records = calls as CallRecord[];
  const sheetCalls = records.filter(
    (c) => c.service === 'Sheets' || LocalAppsScript.spreadsheetCalls([c]).length > 0,
  );
  return {
    calls: sheetCalls.length,
    dataCalls: records.filter((c) => c.dataIndex !== undefined).length,
    leadsData: records.filter((c) => c.dataIndex !== undefined && c.sheet === LEADS).length,
    cellsRead: records.reduce((sum, c) => sum + (c.cellsRead ?? 0), 0),
    cellsWritten: records.reduce((sum, c) => sum + (c.cellsWritten ?? 0), 0),
    cpuMs: Math.round((used.user + used.system) / 1000),
    scriptCpuMs: Math.round(
      (used.user + used.system - records.reduce((sum, c) => sum + c.serviceCpuMicros, 0)) / 1000,
    ),
    heapMb: Math.round((peakHeap - workbookHeap) / 1_048_576),
    serviceCalls: records,
  };
}

// ---------------------------------------------------------------------------------------------
// The hourly job: a team, rules, owned leads with follow-up dates, new leads and a few pool rows
// ---------------------------------------------------------------------------------------------

const TEAM = [
  ['王磊', 'wanglei@example.com', '销售', true],
  ['李娜', 'lina@example.com', '销售', true],
  ['陈刚', 'chengang@example.com', '销售', true],
  ['赵敏', 'zhaomin@example.com', '销售', true],
  ['黄俊', 'huangjun@example.com', '销售', true],
  ['吴倩', 'wuqian@example.com', '销售', true],
  ['孙婷', 'sunting@example.com', '销售', true],
  ['周凯', 'zhoukai@example.com', '销售', true],
  ['周建华', 'zhoujianhua@example.com', '经理', true],
] as const;
const SALES = TEAM.filter((member) => member[2] === '销售').map((member) => member[0]);
const RULES = [
  ['', '', 200, '周建华'],
  ['华东', '', '', '王磊、李娜'],
];
/** Pool rows from earlier runs, and how many of them a manager has given an owner since. */
const POOL_ROWS = 40;
const POOL_ROWS_WITH_OWNER = 3;

/** What the Leads tab holds when the hourly job runs. */
interface HourlyCase {
  /** Share of leads last followed up over 7 days ago, scattered through the tab: they go to the pool. */
  readonly staleShare: number;
  /** Share of leads entered since the last run without an owner: they get one. */
  readonly newShare: number;
}

/**
 * A regular hour: the leads whose 7 days ran out since the last run (0.1% of all leads an hour is
 * about a sixth of them a week) and the leads entered since.
 */
const REGULAR_HOUR: HourlyCase = { staleShare: 0.001, newShare: 0.01 };
/** The first run after automation is turned on on a sheet where 5% of leads were left alone. */
const FIRST_RUN: HourlyCase = { staleShare: 0.05, newShare: 0.01 };

const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

type LeadState = 'stale' | 'new' | 'owned';

/** Exactly the case's shares of stale and new leads, at rows picked at random (seeded), as they fall. */
function leadStates(count: number, hourly: HourlyCase): LeadState[] {
  const stale = Math.round(count * hourly.staleShare);
  const fresh = Math.round(count * hourly.newShare);
  const states = Array.from({ length: count }, (_, i): LeadState =>
    i < stale ? 'stale' : i < stale + fresh ? 'new' : 'owned',
  );
  const random = seededRandom(count);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [states[i], states[j]] = [states[j], states[i]];
  }
  return states;
}

/**
 * The follow-up cells of a lead: stale ones were last followed up 8 to 20 days ago, new ones came
 * in within the hour, and owned ones (a sixth of them closed) were followed up within the week.
 * Owners take turns, as the rules' round-robin would have made them.
 */
function hourlyFields(i: number, state: LeadState): Record<string, unknown> {
  const owner = SALES[i % SALES.length];
  if (state === 'stale') {
    return {
      owner,
      status: '跟进中',
      assignedAt: daysAgo(30),
      firstContactAt: daysAgo(29),
      lastFollowUpAt: daysAgo(8 + (i % 13)),
      nextFollowUpDue: daysAgo(6),
    };
  }
  if (state === 'new')
    return { status: '新线索', enteredAt: new Date(NOW.getTime() - (i % 60) * 60_000) };
  const closed = i % 6 === 0;
  return {
    owner,
    status: closed ? (i % 12 === 0 ? '成交' : '流失') : '跟进中',
    assignedAt: daysAgo(20 + (i % 10)),
    firstContactAt: daysAgo(19),
    lastFollowUpAt: daysAgo(i % 6),
    nextFollowUpDue: closed ? '' : new Date(NOW.getTime() + ((i % 7) - 2) * DAY_MS),
  };
}

function hourlyLeads(count: number, hourly: HourlyCase): unknown[][] {
  const states = leadStates(count, hourly);
  return benchLeads(count, false).map((row, i) => {
    const fields = hourlyFields(i, states[i]);
    return LEAD_COLUMNS.map((c, at) => (c.key in fields ? fields[c.key] : row[at]));
  });
}

/** Leads pooled two days ago; the first few were given an owner by a manager since. */
function poolRows(): unknown[][] {
  return benchLeads(POOL_ROWS, false).map((row, i) => {
    const fields: Record<string, unknown> = {
      // A month before any lead on the Leads tab: a Lead ID is unique across Leads and Pool.
      id: `202312${String(i + 1).padStart(3, '0')}-展会`,
      // Phones of their own, so new leads are not taken for duplicates of pool leads.
      phone: `137${String(i).padStart(8, '0')}`,
      owner: i < POOL_ROWS_WITH_OWNER ? SALES[i] : '',
      status: '跟进中',
      pooledAt: daysAgo(2),
      poolReason: '7天未跟进',
      previousOwner: SALES[(i + 3) % SALES.length],
      recycleCount: 1,
    };
    return POOL_COLUMNS.map((c, at) => (c.key in fields ? fields[c.key] : (row[at] ?? '')));
  });
}

/** A spreadsheet holds at most 10 million cells (every tab's grid counts). */
const SPREADSHEET_CELLS = 10_000_000;
const FOLLOW_UPS = '销售线索跟进记录表';
const CONVERSIONS = '销售线索转化分析表';

/**
 * The history an hourly run finds: two follow-ups per lead where the spreadsheet's 10 M cells
 * allow (at 300k leads fewer fit), and a Conversions row for each closed lead.
 */
function historyRows(leads: readonly (readonly unknown[])[]): {
  followUps: unknown[][];
  conversions: unknown[][];
} {
  const id = LEAD_COLUMNS.findIndex((c) => c.key === 'id');
  const status = LEAD_COLUMNS.findIndex((c) => c.key === 'status');
  const closed = leads.filter((row) => row[status] === '成交' || row[status] === '流失');
  const conversions = closed.map((row, i) => [
    row[id],
    row[status],
    row[status] === '成交' ? 40 : '',
    row[status] === '成交' ? '' : '预算不足',
    30 + (i % 20),
    '',
    '',
    '',
    daysAgo(3 + (i % 20)),
  ]);
  const used =
    leads.length * LEAD_COLUMNS.length + POOL_ROWS * POOL_COLUMNS.length + conversions.length * 9;
  const room = Math.floor((SPREADSHEET_CELLS * 0.95 - used) / 8);
  const methods = ['电话', '微信', '邮件', '拜访'];
  const followUps: unknown[][] = [];
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < leads.length && followUps.length < room; i++) {
      followUps.push([
        leads[i][id],
        daysAgo(round * 3 + (i % 7) + 1),
        methods[(i + round) % 4],
        round === 0 ? '沟通需求' : '发送报价',
        '',
        '',
        '',
        SALES[i % SALES.length],
      ]);
    }
  }
  return { followUps, conversions };
}

function settingsRow(runtime: LocalAppsScript, label: string): number {
  return runtime.values(SETTINGS).findIndex((row) => row[0] === label) + 1;
}

/** A scored workbook with the team and rules in Settings, as it stands before an hourly run. */
function hourlyWorkbook(count: number, hourly: HourlyCase, plain = false): LocalAppsScript {
  const options = plain ? { ...RUNTIME_OPTIONS, withoutAdvancedServices: true } : RUNTIME_OPTIONS;
  const runtime = new LocalAppsScript(options).loadBundle(DIST);
  runtime.invoke('setupSheets');
  runtime.type(
    SETTINGS,
    settingsRow(runtime, '销售团队') + 2,
    1,
    TEAM.map((m) => [...m]),
  );
  runtime.type(SETTINGS, settingsRow(runtime, '分配规则') + 2, 1, RULES);
  runtime.type(SETTINGS, settingsRow(runtime, '经理邮箱'), 2, [['zhoujianhua@example.com']]);
  const leads = hourlyLeads(count, hourly);
  runtime.type(LEADS, 2, 1, leads);
  runtime.type(POOL, 2, 1, poolRows());
  const { followUps, conversions } = historyRows(leads);
  runtime.type(FOLLOW_UPS, 2, 1, followUps);
  if (conversions.length > 0) runtime.type(CONVERSIONS, 2, 1, conversions);
  // Scored before the new leads came in, as the previous hourly run would have done.
  runtime.kernel.setNow(NOW.getTime() - HOUR_MS);
  runtime.invoke('scoreAllLeads');
  runtime.kernel.setNow(NOW);
  return runtime;
}

/** Where an hourly run's service calls went. */
interface HourlyBreakdown {
  pooled: number;
  returned: number;
  leadsCalls: number;
  poolCalls: number;
  /** Sheets advanced service calls: many ranges written, rows appended, row blocks deleted. */
  batchCalls: number;
}

/** Lead IDs on the Pool tab (its first column). */
function poolIds(runtime: LocalAppsScript): Set<string> {
  return new Set(
    runtime
      .values(POOL)
      .slice(1)
      .map((row) => String(row[0]))
      .filter((id) => id !== ''),
  );
}

/**
 * One hourly run. A regular hour is the time-driven run with the Analysis already rebuilt today
 * (it is rebuilt once a day) and the week's report sent; the first run is the menu's, which
 * rebuilds the Analysis and sends the report too.
 */
function measureHourly(
  count: number,
  hourly: HourlyCase,
  triggered: boolean,
  plain = false,
): Measured {
  const runtime = hourlyWorkbook(count, hourly, plain);
  let run = () => void runtime.invoke('runHourlyNow');
  if (triggered) {
    runtime.invoke('installAutomation');
    const [trigger] = runtime.allTriggers();
    runtime.kernel.setNow(NOW.getTime() - HOUR_MS);
    runtime.invoke('refreshAnalysis');
    // This week's leadership report went out with an earlier run, as it does once a week, and the
    // day's first run archived (SPEC §16).
    runtime.invoke('sendPeriodicReport');
    runtime.invoke('archiveClosedLeads');
    runtime.kernel.setNow(NOW);
    run = () => void runtime.fireTimeTrigger(trigger.id);
  }
  const before = poolIds(runtime);
  const result = measure(runtime, run);
  const after = poolIds(runtime);
  const calls = result.serviceCalls;
  return {
    ...result,
    hourly: {
      pooled: [...after].filter((id) => !before.has(id)).length,
      returned: [...before].filter((id) => !after.has(id)).length,
      leadsCalls: calls.filter((c) => c.sheet === LEADS).length,
      poolCalls: calls.filter((c) => c.sheet === POOL).length,
      batchCalls: calls.filter((c) => c.service === 'Sheets').length,
    },
  };
}

const percent = (share: number) => `${+(share * 100).toFixed(2)}%`;
const hourlyName = (what: string, hourly: HourlyCase) =>
  `runHourly, ${what} (${percent(hourly.staleShare)} stale, ${percent(hourly.newShare)} new to assign, ` +
  `${POOL_ROWS_WITH_OWNER} pool leads to return; 2 follow-ups a lead where 10 M cells allow)`;

interface Scenario {
  readonly name: string;
  /** Lead counts to run at; SIZES by default. */
  readonly sizes?: readonly number[];
  /** Local time per lead relative to the others, so the slowest jobs are handed out first. */
  readonly slowness?: number;
  readonly run: (count: number) => Measured;
}

const scenarios: Scenario[] = [
  {
    name: 'scoreAllLeads, new import (blank IDs and Entered at; extends formats once)',
    run: (count) => {
      const runtime = workbook(count, true);
      return measure(runtime, () => runtime.invoke('scoreAllLeads'));
    },
  },
  {
    name: 'scoreAllLeads, a month later (derived urgency drifts)',
    run: (count) => {
      const runtime = workbook(count, false);
      runtime.invoke('scoreAllLeads');
      runtime.kernel.advance(31 * 86_400_000);
      return measure(runtime, () => runtime.invoke('scoreAllLeads'));
    },
  },
  {
    name: 'scoreAllLeads, nothing changed',
    run: (count) => {
      const runtime = workbook(count, false);
      runtime.invoke('scoreAllLeads');
      return measure(runtime, () => runtime.invoke('scoreAllLeads'));
    },
  },
  {
    name: 'refreshAnalysis, with 2 follow-ups and 0.1 Conversions rows per lead',
    sizes: [10_000, 100_000],
    slowness: 3,
    run: (count) => {
      const runtime = workbook(count, false);
      runtime.invoke('scoreAllLeads');
      const ids = runtime
        .values(LEADS)
        .slice(1)
        .map((row) => row[0]);
      const methods = ['电话', '微信', '邮件', '拜访'];
      const followUps = ids.flatMap((id, i) => [
        [id, new Date(NOW.getTime() - ((i % 30) + 2) * 86_400_000), methods[i % 4], '沟通需求'],
        [
          id,
          new Date(NOW.getTime() - ((i % 30) + 1) * 86_400_000),
          methods[(i + 1) % 4],
          '发送报价',
        ],
      ]);
      runtime.type('销售线索跟进记录表', 2, 1, followUps);
      const results = ['成交', '未成交', '流失'];
      const conversions = ids
        .filter((_, i) => i % 10 === 0)
        .map((id, i) => [
          id,
          results[i % 3],
          i % 3 === 0 ? 40 : '',
          i % 3 === 0 ? '' : '预算不足',
          30 + (i % 20),
        ]);
      runtime.type('销售线索转化分析表', 2, 1, conversions);
      return measure(runtime, () => runtime.invoke('refreshAnalysis'));
    },
  },
  {
    name: 'searchLeads (sidebar), a company name',
    run: (count) => {
      const runtime = workbook(count, false);
      runtime.invoke('scoreAllLeads');
      return measure(runtime, () =>
        runtime.invoke('searchLeads', ['测试公司42'], { execution: 'sidebar' }),
      );
    },
  },
  {
    name: 'submitFollowUp (sidebar), a won deal with its Conversions row',
    run: (count) => {
      const runtime = workbook(count, false);
      runtime.invoke('scoreAllLeads');
      const form = {
        leadId: String(runtime.values(LEADS)[count][0]),
        method: 'phone',
        content: '签约',
        outcome: { result: 'won', amount: 50, keyFactors: '价格' },
      };
      return measure(runtime, () =>
        runtime.invoke('submitFollowUp', [form], { execution: 'sidebar' }),
      );
    },
  },
  {
    name: 'doPost, a lead from a web form (numbered, checked for duplicates, assigned)',
    run: (count) => {
      const runtime = workbook(count, false);
      runtime.invoke('scoreAllLeads');
      const token = runtime.values('设置').find((row) => row[0] === '表单令牌')?.[1];
      const post = (phone: string) =>
        runtime.post({
          query: { sheet: runtime.spreadsheet.getId() },
          json: { token, contact: '王女士', phone, company: '某科技', budget: '80万' },
        });
      // The day's first post extends the tab's formats to the rows the bench typed; the next is
      // the usual one.
      post('13800138000');
      return measure(runtime, () => post('13800138001'));
    },
  },
  {
    name: 'onEdit, paste of 1,000 new leads at the bottom',
    run: (count) => {
      const runtime = workbook(count, false);
      runtime.invoke('scoreAllLeads');
      const pasted = benchLeads(1000, true);
      // The person's paste happens before the trigger; only the trigger is measured.
      runtime.type(LEADS, count + 2, 1, pasted);
      return measure(runtime, () =>
        runtime.fireEdit(LEADS, count + 2, 1, pasted.length, pasted[0].length),
      );
    },
  },
  {
    name: "onEdit, paste over 1,000 leads' Need fit in the middle of the tab",
    run: (count) => {
      const runtime = workbook(count, false);
      runtime.invoke('scoreAllLeads');
      const column = LEAD_COLUMNS.findIndex((c) => c.key === 'needFit') + 1;
      const firstRow = Math.floor(count / 2);
      runtime.type(
        LEADS,
        firstRow,
        column,
        Array.from({ length: 1000 }, () => ['部分契合']),
      );
      return measure(runtime, () => runtime.fireEdit(LEADS, firstRow, column, 1000, 1));
    },
  },
  {
    name: hourlyName(
      "a regular hour (time-driven; Analysis rebuilt and week's report sent earlier)",
      REGULAR_HOUR,
    ),
    // 50k as well: the size the README's CPU budget for a regular hour is set at.
    sizes: [10_000, 50_000, 100_000, 300_000],
    slowness: 2,
    run: (count) => measureHourly(count, REGULAR_HOUR, true),
  },
  {
    name: hourlyName(
      'a regular hour, without the Sheets service (the script pasted in by hand)',
      REGULAR_HOUR,
    ),
    sizes: [10_000, 100_000],
    slowness: 4,
    run: (count) => measureHourly(count, REGULAR_HOUR, true, true),
  },
  {
    name: hourlyName('first run after automation is turned on', FIRST_RUN),
    slowness: 4,
    run: (count) => measureHourly(count, FIRST_RUN, false),
  },
];

/** One row of the table: a scenario at one size. */
interface Job {
  readonly scenario: number;
  readonly size: number;
}

type Row = Omit<Measured, 'serviceCalls'>;

function allJobs(): Job[] {
  const jobs = scenarios.flatMap((scenario, index) =>
    (scenario.sizes ?? SIZES)
      .filter((size) => !ONLY || ONLY.includes(size))
      .map((size) => ({ scenario: index, size })),
  );
  // Longest first, so the two processes finish at about the same time.
  const weight = (job: Job) => job.size * (scenarios[job.scenario].slowness ?? 1);
  return jobs.sort((a, b) => weight(b) - weight(a));
}

function runJob(job: Job): Row {
  const scenario = scenarios[job.scenario];
  process.stderr.write(`${scenario.name} at ${job.size.toLocaleString('en-US')} leads…\n`);
  // The calls themselves stay here: only the counts travel back to the main process.
  const measured: Partial<Measured> = scenario.run(job.size);
  delete measured.serviceCalls;
  return measured as Row;
}

/** A worker process: asks for a job, runs it, sends its row back, until told to stop. */
function work(): void {
  process.on('message', ({ job }: { job?: Job }) => {
    if (!job) process.exit(0);
    process.send?.({ job, row: runJob(job) });
  });
  process.send?.({ ready: true });
}

/**
 * Runs every job in a fresh worker process, two at a time (one per core): a job's heap and CPU
 * are then its own, not shaped by what an earlier job left in the same process.
 */
function runAll(workers = 2): Promise<Map<string, Row>> {
  const queue = allJobs();
  const rows = new Map<string, Row>();
  return new Promise((done, fail) => {
    const running = new Set<ReturnType<typeof fork>>();
    let failed = false;
    const start = () => {
      if (failed) return;
      const job = queue.shift();
      if (!job) {
        if (running.size === 0) done(rows);
        return;
      }
      // execArgv carries tsx's loader, so the worker reads TypeScript as this process does.
      // The worker runs the scenarios: it takes the flags that change how they run.
      const flags = process.argv.includes('--without-sheets-service')
        ? ['--without-sheets-service']
        : [];
      const worker = fork(__filename, ['--worker', ...flags], {
        execArgv: [...process.execArgv, '--max-old-space-size=10240', '--expose-gc'],
      });
      running.add(worker);
      worker.on('message', (message: { ready?: boolean; job?: Job; row?: Row }) => {
        if (message.ready) worker.send({ job });
        else if (message.job && message.row) {
          rows.set(`${message.job.scenario}:${message.job.size}`, message.row);
          worker.send({});
        }
      });
      worker.on('exit', (code) => {
        running.delete(worker);
        if (code !== 0) {
          failed = true;
          for (const other of running) other.kill();
          fail(new Error(`A bench worker stopped with exit code ${code}`));
          return;
        }
        start();
      });
    };
    for (let i = 0; i < workers; i++) start();
  });
}

function tableLines(rows: ReadonlyMap<string, Row>): string[] {
  const n = (value: number) => value.toLocaleString('en-US');
  const lines = [
    '| operation | leads | service calls | data calls | data calls on Leads | cells read | cells written | local CPU ms | script CPU ms | peak heap MB | estimated on Google s |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  scenarios.forEach((scenario, index) => {
    for (const size of scenario.sizes ?? SIZES) {
      const row = rows.get(`${index}:${size}`);
      if (row)
        lines.push(
          `| ${scenario.name} | ${n(size)} | ${n(row.calls)} | ${n(row.dataCalls)} | ${n(row.leadsData)} | ` +
            `${n(row.cellsRead)} | ${n(row.cellsWritten)} | ${n(row.cpuMs)} | ${n(row.scriptCpuMs)} | ${n(row.heapMb)} | ` +
            `${estimatedSeconds(row.calls, row.cellsRead, row.cellsWritten).toFixed(1)} |`,
        );
    }
  });
  return lines;
}

function breakdownLines(rows: ReadonlyMap<string, Row>): string[] {
  const n = (value: number) => value.toLocaleString('en-US');
  const lines = [
    '',
    'Service calls of the hourly job; the Sheets advanced service writes, appends and deletes many rows in one call each.',
    '',
    '| runHourly | leads | stale leads pooled | pool leads returned | calls on Leads | calls on Pool | Sheets service calls |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  scenarios.forEach((scenario, index) => {
    for (const size of scenario.sizes ?? SIZES) {
      const b = rows.get(`${index}:${size}`)?.hourly;
      if (b)
        lines.push(
          `| ${scenario.name.replace(/^runHourly, | \(.*$/g, '')} | ${n(size)} | ${n(b.pooled)} | ${n(b.returned)} | ` +
            `${n(b.leadsCalls)} | ${n(b.poolCalls)} | ${n(b.batchCalls)} |`,
        );
    }
  });
  lines.push(
    '',
    `A run deletes at most ${MAX_DELETION_BLOCKS} separate blocks of rows per tab; a longer backlog moves over the next runs.`,
  );
  return lines;
}

async function main(): Promise<void> {
  const rows = await runAll();
  console.log([...tableLines(rows), ...breakdownLines(rows)].join('\n'));
}

/**
 * `npm run bench -- --trace <scenario number> <leads>`: every data call of one scenario, with the
 * tab, range and cells it read and wrote, to see where an operation's traffic goes; with
 * `--all-calls`, every other service call too (names, sizes, IDs, locks).
 */
function trace(scenario: number, size: number): void {
  const { serviceCalls, heapMb, cpuMs, scriptCpuMs } = scenarios[scenario].run(size);
  for (const call of serviceCalls) {
    if (call.dataIndex === undefined && !process.argv.includes('--all-calls')) continue;
    console.log(
      [
        call.dataIndex,
        call.service,
        call.sheet ?? '',
        call.method,
        call.cellsRead,
        call.cellsWritten,
      ].join('\t'),
    );
  }
  console.log(`peak heap above the workbook: ${heapMb} MB`);
  console.log(`local CPU: ${cpuMs} ms, of which the script's own: ${scriptCpuMs} ms`);
}

/** Set by `--profile`: measure() then prints where the measured operation's CPU time went. */
let profiling = false;

/** The functions with the most CPU time of their own while `action` ran. */
function profiled(action: () => void): void {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  action();
  session.post('Profiler.stop', (error, result) => {
    if (error) throw error;
    const { nodes, samples = [], timeDeltas = [] } = result.profile;
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const own = new Map<string, number>();
    samples.forEach((id, i) => {
      const frame = byId.get(id)?.callFrame;
      if (!frame) return;
      const where = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
      own.set(where, (own.get(where) ?? 0) + (timeDeltas[i] ?? 0));
    });
    const top = [...own].sort((a, b) => b[1] - a[1]).slice(0, 30);
    for (const [where, micros] of top) console.log(`${Math.round(micros / 1000)} ms\t${where}`);
    if (process.argv.includes('--inclusive')) printInclusive(nodes, samples, timeDeltas);
    // The bundle runs as Code.gs: its frames are the product's; the rest is the local runtime's
    // (the collector included, which at large sizes also walks the runtime's workbook).
    const share = { product: 0, collector: 0, runtime: 0 };
    for (const [where, micros] of own) {
      if (where.includes('Code.gs:')) share.product += micros;
      else if (where.startsWith('(garbage collector)')) share.collector += micros;
      else if (!where.startsWith('(idle)') && !where.startsWith('(program)'))
        share.runtime += micros;
    }
    const ms = (micros: number) => `${Math.round(micros / 1000)} ms`;
    console.log(
      `product ${ms(share.product)} · garbage collector ${ms(share.collector)} · ` +
        `local runtime ${ms(share.runtime)}`,
    );
  });
}

/** Set by `--allocations`: measure() then prints which functions allocated the most memory. */
let allocationsProfiled = false;

interface SampledNode {
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly selfSize: number;
  readonly children: SampledNode[];
}

/**
 * The functions that allocated the most while `action` ran, garbage included: a sample every
 * 32 KB, each charged to the function that made it. Peaks follow from what is allocated and kept.
 */
function allocations(action: () => void): void {
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.enable');
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 32_768,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  action();
  session.post('HeapProfiler.stopSampling', (error, result) => {
    if (error) throw error;
    const bySite = new Map<string, number>();
    const walk = (node: SampledNode, product: string | undefined) => {
      const frame = node.callFrame;
      const own = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
      // Allocations inside the runtime's or the engine's own functions are charged to the product's
      // function that called them, where there is one.
      const site = frame.url.endsWith('Code.gs') ? own : (product ?? own);
      bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
      for (const child of node.children) walk(child, frame.url.endsWith('Code.gs') ? own : product);
    };
    walk(result.profile.head as unknown as SampledNode, undefined);
    const top = [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 30);
    for (const [site, bytes] of top) console.log(`${(bytes / 1_048_576).toFixed(1)} MB\t${site}`);
  });
}

/**
 * With `--inclusive`: the product's functions by the time spent in them and everything they
 * called, each function counted once per stack however deeply it recurs.
 */
function printInclusive(
  nodes: readonly {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[],
  samples: readonly number[],
  timeDeltas: readonly number[],
): void {
  const parentOf = new Map<number, number>();
  for (const node of nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const total = new Map<string, number>();
  samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || !frame.url.endsWith('Code.gs')) continue;
      const where = `${frame.functionName || '(anonymous)'} :${frame.lineNumber + 1}`;
      if (seen.has(where)) continue;
      seen.add(where);
      total.set(where, (total.get(where) ?? 0) + (timeDeltas[i] ?? 0));
    }
  });
  console.log('\nincluding callees:');
  for (const [where, micros] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`${Math.round(micros / 1000)} ms\t${where}`);
}

/**
 * `npm run bench -- --profile <scenario number> <leads>`: where one scenario's measured operation
 * spends its CPU time, as the functions with the most time of their own.
 */
function profile(scenario: number, size: number): void {
  profiling = true;
  scenarios[scenario].run(size);
}

/** `npm run bench -- --allocations <scenario number> <leads>`: who allocates in one scenario. */
function allocationProfile(scenario: number, size: number): void {
  allocationsProfiled = true;
  scenarios[scenario].run(size);
}

const TRACE = process.argv.indexOf('--trace');
const ALLOCATIONS = process.argv.indexOf('--allocations');
const PROFILE = process.argv.indexOf('--profile');
if (process.argv.includes('--worker')) work();
else if (TRACE >= 0) trace(Number(process.argv[TRACE + 1]), Number(process.argv[TRACE + 2]));
else if (PROFILE >= 0)
  profile(Number(process.argv[PROFILE + 1]), Number(process.argv[PROFILE + 2]));
else if (ALLOCATIONS >= 0)
  allocationProfile(Number(process.argv[ALLOCATIONS + 1]), Number(process.argv[ALLOCATIONS + 2]));
else
  main().catch((error: unknown) => {
    console.error(`bench: ${(error as Error).message ?? error}`);
    process.exit(1);
  });
