// npm run bench: Spreadsheet service calls and local CPU time of the main operations at 1k, 10k and
// 100k leads, run through the built bundle in the local Apps Script runtime. Prints a Markdown table.

import { join } from 'node:path';
import { LEAD_COLUMNS } from '../src/core/tabs';
import { LocalAppsScript } from './gas/runtime';
import type { ServiceCall } from './gas/kernel';

const DIST = join(__dirname, '..', 'dist');
const LEADS = '销售线索信息表';
const SIZES = [1_000, 10_000, 100_000];

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
  const runtime = new LocalAppsScript({
    locale: 'zh_CN',
    now: new Date('2024-05-10T02:00:00Z'),
  }).loadBundle(DIST);
  runtime.invoke('setupSheets');
  runtime.type(LEADS, 2, 1, benchLeads(count, blankIds));
  return runtime;
}

interface Measured {
  calls: number;
  leadsData: number;
  cpuMs: number;
}

function measure(runtime: LocalAppsScript, action: () => void): Measured {
  const cpu = process.cpuUsage();
  const { calls } = runtime.measure(action);
  const used = process.cpuUsage(cpu);
  const spreadsheetCalls: ServiceCall[] = LocalAppsScript.spreadsheetCalls(calls);
  return {
    calls: spreadsheetCalls.length,
    leadsData: LocalAppsScript.dataCalls(calls, LEADS).length,
    cpuMs: Math.round((used.user + used.system) / 1000),
  };
}

const scenarios: { name: string; run: (count: number) => Measured }[] = [
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
];

function main(): void {
  const lines = [
    '| operation | leads | Spreadsheet calls | data calls on Leads | local CPU ms |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const scenario of scenarios) {
    for (const size of SIZES) {
      process.stderr.write(`${scenario.name} at ${size.toLocaleString('en-US')} leads…\n`);
      const result = scenario.run(size);
      lines.push(
        `| ${scenario.name} | ${size.toLocaleString('en-US')} | ${result.calls} | ${result.leadsData} | ${result.cpuMs.toLocaleString('en-US')} |`,
      );
    }
  }
  console.log(lines.join('\n'));
}

main();
