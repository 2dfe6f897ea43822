// User-facing messages of the scoring and setup operations, in both languages.

import type { Language } from './language';
import type { Grade } from '../method/scoring/scoringRules';

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

export interface SetupChanges {
  readonly created: readonly string[];
  readonly addedColumns: number;
  readonly addedSettings: number;
}

export function setupToast(changes: SetupChanges, language: Language): string {
  const { created, addedColumns, addedSettings } = changes;
  if (created.length === 0 && addedColumns === 0 && addedSettings === 0) {
    return language === 'zh' ? '表格已是最新，无需修改。' : 'All tabs are already set up.';
  }
  const parts: string[] = [];
  if (language === 'zh') {
    if (created.length) parts.push(`新建工作表：${created.join('、')}`);
    if (addedColumns) parts.push(`补回 ${addedColumns} 列`);
    if (addedSettings) parts.push(`补回 ${addedSettings} 项设置`);
    return `${parts.join('；')}。`;
  }
  const plural = (n: number, word: string) => `${n} missing ${word}${n === 1 ? '' : 's'}`;
  if (created.length) parts.push(`created ${created.join(', ')}`);
  if (addedColumns) parts.push(`added ${plural(addedColumns, 'column')}`);
  if (addedSettings) parts.push(`added ${plural(addedSettings, 'setting')}`);
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export const TITLES = {
  app: { en: 'Lead Tracker', zh: '线索跟踪' },
  settingsProblem: { en: 'Settings need fixing', zh: '设置有误，请修正' },
} as const;
