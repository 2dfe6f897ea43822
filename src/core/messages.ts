// User-facing messages of the scoring and setup operations, in both languages.

import type { Language } from './language';
import type { Grade } from './scoringRules';

const number = (n: number, language: Language) =>
  n.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US');

export function scoredToast(
  scored: number,
  counts: Readonly<Record<Grade, number>>,
  idsAssigned: number,
  language: Language,
): string {
  const grades = (['A', 'B', 'C', 'D'] as const)
    .map((g) => `${g} ${number(counts[g], language)}`)
    .join(' · ');
  if (language === 'zh') {
    const ids = idsAssigned > 0 ? `；新编号 ${number(idsAssigned, language)} 条` : '';
    return `已评分 ${number(scored, language)} 条线索：${grades}${ids}`;
  }
  const ids =
    idsAssigned > 0
      ? `; ${number(idsAssigned, language)} new Lead ID${idsAssigned === 1 ? '' : 's'}`
      : '';
  return `Scored ${number(scored, language)} lead${scored === 1 ? '' : 's'}: ${grades}${ids}`;
}

export function setupToast(
  created: readonly string[],
  repairedColumns: number,
  language: Language,
): string {
  if (created.length === 0 && repairedColumns === 0) {
    return language === 'zh' ? '表格已是最新，无需修改。' : 'All tabs are already set up.';
  }
  const parts: string[] = [];
  if (language === 'zh') {
    if (created.length) parts.push(`新建工作表：${created.join('、')}`);
    if (repairedColumns) parts.push(`补回 ${repairedColumns} 列`);
    return `${parts.join('；')}。`;
  }
  if (created.length) parts.push(`created ${created.join(', ')}`);
  if (repairedColumns)
    parts.push(`added ${repairedColumns} missing column${repairedColumns === 1 ? '' : 's'}`);
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export const TITLES = {
  app: { en: 'Lead Tracker', zh: '线索跟踪' },
  settingsProblem: { en: 'Settings need fixing', zh: '设置有误，请修正' },
} as const;
