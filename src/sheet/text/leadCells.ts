// What the tool writes into a lead's own cells: the score breakdown, the possible-duplicate note and
// the reason a lead went to the pool.

import { type Catalogue, template } from './entry';

export const LEAD_CELLS = {
  budgetUnreadable: template({
    en: (text: string) => `Budget "${text}" not readable`,
    zh: (text) => `预算范围「${text}」无法识别`,
  }),
  closeUnreadable: template({
    en: (text: string) => `Expected close "${text}" not readable`,
    zh: (text) => `预计成交时间「${text}」无法识别`,
  }),
  /** Marks points worked out from Budget or Expected close rather than chosen. */
  derived: { en: ' (derived)', zh: '(推算)' },
  /** One dimension's points in the breakdown: `Need 40`, `需求40(推算)`. */
  term: template({
    en: (dimension: string, points: number, derived: string) => `${dimension} ${points}${derived}`,
    zh: (dimension, points, derived) => `${dimension}${points}${derived}`,
  }),
  unrecognised: template({
    en: (dimension: string, text: string) => `${dimension} "${text}" not recognised`,
    zh: (dimension, text) => `${dimension}「${text}」无法识别`,
  }),
  gapWithReason: template({
    en: (dimension: string, reason: string) => `${dimension} (${reason})`,
    zh: (dimension, reason) => `${dimension} (${reason})`,
  }),
  /** Ends the breakdown: the rules version the lead was first graded under (see rulesVersion). */
  rulesVersion: template({
    en: (version: string) => ` · first graded under rules ${version}`,
    zh: (version) => ` · 首评规则 ${version}`,
  }),
  missing: template({
    en: (gaps: readonly string[]) => `; missing: ${gaps.join(', ')}`,
    zh: (gaps) => `；缺少：${gaps.join('、')}`,
  }),
  duplicateInPool: template({
    en: (id: string) => `${id} (in the pool)`,
    zh: (id) => `${id}（公海）`,
  }),
  duplicateUnassigned: template({
    en: (id: string) => `${id} (unassigned)`,
    zh: (id) => `${id}（未分配）`,
  }),
  duplicateOwnedBy: template({
    en: (id: string, owner: string) => `${id} (owner: ${owner})`,
    zh: (id, owner) => `${id}（负责人：${owner}）`,
  }),
  /** Why a lead went to the pool, by what its quiet time was measured from. */
  poolReason: {
    lastFollowUp: template({
      en: (days: number) => `No follow-up for ${days} day${days === 1 ? '' : 's'}`,
      zh: (days) => `${days}天未跟进`,
    }),
    assigned: template({
      en: (days: number) =>
        `Not followed up within ${days} day${days === 1 ? '' : 's'} of assignment`,
      zh: (days) => `分配后${days}天未跟进`,
    }),
    entered: template({
      en: (days: number) => `Unclaimed for ${days} day${days === 1 ? '' : 's'} after entry`,
      zh: (days) => `录入后${days}天无人认领`,
    }),
  },
} satisfies Catalogue;
