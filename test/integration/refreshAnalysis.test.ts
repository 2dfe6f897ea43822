// Refresh analysis through the built bundle: aggregates only, rates as percentages, rebuilt in place.

import type { LocalAppsScript } from '../../tools/gas/runtime';
import { automationWorkbook, DAY, gradeALead, mayId, T0 } from '../support/automation';

const ANALYSIS = '转化分析';

function workbook(): LocalAppsScript {
  const leads = Array.from({ length: 12 }, (_, i) =>
    gradeALead(i + 1, {
      id: mayId(i + 1),
      owner: i % 2 === 0 ? '张伟' : '李娜',
      enteredAt: new Date(T0.getTime() - 20 * DAY),
      status: i < 3 ? '成交' : i < 5 ? '流失' : '跟进中',
    }),
  );
  const runtime = automationWorkbook(leads);
  runtime.invoke('scoreAllLeads');
  return runtime;
}

const cellRight = (rows: unknown[][], label: string, offset = 1) => {
  const row = rows.find((r) => r[0] === label);
  return row?.[offset];
};

describe('refreshAnalysis', () => {
  it('writes conversion by source and grade as numbers formatted as percentages', () => {
    const runtime = workbook();
    runtime.invoke('refreshAnalysis');
    const rows = runtime.values(ANALYSIS);
    expect(rows[0][0]).toBe('转化分析');
    const bySource = rows.findIndex((r) => r[0] === '各渠道转化率');
    expect(rows[bySource + 2]).toEqual(['展会', 12, 3, 0.25, '', '']);
    const data = runtime.sheet(ANALYSIS)._data;
    expect(data.style('numberFormat', bySource + 2, 3)).toBe('0.0%');
    expect(cellRight(rows, '录入')).toBe(12);
    expect(cellRight(rows, '成交')).toBe(3);
  });

  it('holds no contact, phone or company of any lead', () => {
    const runtime = workbook();
    runtime.invoke('refreshAnalysis');
    const text = JSON.stringify(runtime.values(ANALYSIS));
    for (let i = 1; i <= 12; i++) {
      expect(text).not.toContain(`客户${i}"`);
      expect(text).not.toContain(`公司${i}"`);
      expect(text).not.toContain(`1390000${String(i).padStart(4, '0')}`);
    }
  });

  it('rebuilds in place: refreshing twice leaves the same tab', () => {
    const runtime = workbook();
    runtime.invoke('refreshAnalysis');
    const first = runtime.values(ANALYSIS);
    runtime.invoke('refreshAnalysis');
    expect(runtime.values(ANALYSIS)).toEqual(first);
    expect(runtime.kernel.unlockedWrites).toEqual([]);
  });

  it('is part of the hourly job', () => {
    const runtime = workbook();
    runtime.invoke('runHourly');
    expect(runtime.values(ANALYSIS)[0][0]).toBe('转化分析');
  });
});
