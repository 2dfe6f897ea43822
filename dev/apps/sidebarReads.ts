// Cells each sidebar call reads from Leads and in all, and its service calls, at the sizes given
// (default 20k and 100k): `tsx dev/apps/sidebarReads.ts [--dist DIR] [size…]`, after `npm run build`.

import { join, resolve } from 'node:path';
import { LocalAppsScript } from '../../gas-local/runtime';

const LEADS = '销售线索信息表';
const FOLLOWUPS = '销售线索跟进记录表';
const NOW = new Date('2024-05-10T02:00:00Z');

function leadRows(count: number): unknown[][] {
  return Array.from({ length: count }, (_, i) => [
    `2024${String((i % 12) + 1).padStart(2, '0')}${String(Math.floor(i / 12) + 1).padStart(3, '0')}-展会`,
    '展会',
    `客户${i}`,
    `139${String(i).padStart(8, '0')}`,
    `测试公司${i % 997}`,
  ]);
}

interface Reads {
  readonly leads: number;
  readonly all: number;
  readonly calls: number;
}

function reads(runtime: LocalAppsScript, action: () => unknown): Reads {
  const { calls } = runtime.measure(action);
  const sum = (list: typeof calls) => list.reduce((total, c) => total + c.cellsRead, 0);
  return {
    leads: sum(calls.filter((c) => c.sheet === LEADS)),
    all: sum(calls),
    calls: calls.length,
  };
}

function measureAt(dist: string, count: number): Record<string, Reads> {
  const runtime = new LocalAppsScript({ locale: 'zh_CN', now: NOW }).loadBundle(dist);
  runtime.invoke('setupSheets');
  runtime.type(LEADS, 2, 1, leadRows(count));
  // A few follow-ups of other leads, and two of the measured one far apart.
  const middle = Math.floor(count / 2);
  const id = String(runtime.values(LEADS)[middle + 1][0]);
  const followUps = Array.from({ length: 200 }, (_, i) => [
    i === 10 || i === 190 ? id : String(runtime.values(LEADS)[i + 1][0]),
    new Date(NOW.getTime() - (200 - i) * 3_600_000),
    '电话',
    `沟通${i}`,
  ]);
  runtime.type(FOLLOWUPS, 2, 1, followUps);
  const sidebar = { execution: 'sidebar' as const };
  runtime.select(LEADS, middle + 2, 3);
  return {
    getSidebarStart: reads(runtime, () => runtime.invoke('getSidebarStart', [], sidebar)),
    searchLeads: reads(runtime, () => runtime.invoke('searchLeads', ['测试公司42'], sidebar)),
    getLeadCard: reads(runtime, () => runtime.invoke('getLeadCard', [id], sidebar)),
    submitFollowUp: reads(runtime, () =>
      runtime.invoke(
        'submitFollowUp',
        [
          {
            leadId: id,
            method: 'phone',
            content: '签约',
            outcome: { result: 'won', amount: 50, keyFactors: '价格' },
          },
        ],
        sidebar,
      ),
    ),
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--dist');
  const dist = at >= 0 ? resolve(args[at + 1]) : join(__dirname, '..', '..', 'dist');
  const sizes = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1)).map(Number);
  const n = (value: number) => value.toLocaleString('en-US');
  process.stdout.write(
    '| call | leads | cells of Leads read | cells read in all | service calls |\n|---|---|---|---|---|\n',
  );
  for (const size of sizes.length ? sizes : [20_000, 100_000]) {
    for (const [call, read] of Object.entries(measureAt(dist, size))) {
      process.stdout.write(
        `| ${call} | ${n(size)} | ${n(read.leads)} | ${n(read.all)} | ${read.calls} |\n`,
      );
    }
  }
}

main();
