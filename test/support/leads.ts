// Builders of Leads rows for integration tests: a lead by field name, laid out by header.

import { LEAD_COLUMNS, type LeadColumnKey } from '../../src/sheet/tabs';
import { type Language, labelIn } from '../../src/sheet/language';

export type LeadFields = Partial<Record<LeadColumnKey, unknown>>;

export function leadHeaders(language: Language): string[] {
  return LEAD_COLUMNS.map((c) => labelIn(language, c.header));
}

/** One Leads row in the default column order. */
export function leadRow(fields: LeadFields): unknown[] {
  return LEAD_COLUMNS.map((c) => fields[c.key] ?? '');
}

/** The template's first example lead (seed table 1), before scoring. */
export const TEMPLATE_LEAD: LeadFields = {
  id: '202405001-展会',
  source: '展会',
  contact: '李经理',
  phone: '13800138000',
  company: '某制造企业',
  need: '智能仓储系统需求',
  budget: '50-80万',
  expectedClose: '2024-08',
  needFit: '完全契合',
  authority: '直接决策人',
};

/** `count` varied leads (deterministic), IDs filled unless `blankIds`. */
export function manyLeads(count: number, blankIds = false): unknown[][] {
  const needs = ['完全契合', '部分契合', '不契合', ''];
  const authority = ['直接决策人', '有影响者', '无权限', ''];
  const budgets = ['50-80万', '30万', '¥500,000', '1.2亿', '', '20-30万'];
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    rows.push(
      leadRow({
        id: blankIds ? '' : `202404${String(i + 1).padStart(3, '0')}-展会`,
        source: '展会',
        contact: `联系人${i}`,
        phone: `1380000${String(i).padStart(4, '0')}`,
        company: `公司${i}`,
        budget: budgets[i % budgets.length],
        expectedClose: `2024-${String((i % 12) + 1).padStart(2, '0')}`,
        needFit: needs[i % needs.length],
        authority: authority[(i >> 2) % authority.length],
        enteredAt: blankIds ? '' : '2024-04-01',
      }),
    );
  }
  return rows;
}
