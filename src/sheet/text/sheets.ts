// What setting up and scoring the sheets tell the person who clicked.

import { formatCount } from './count';
import { type Catalogue, template } from './entry';

export const SHEETS = {
  alreadySetUp: { en: 'All tabs are already set up.', zh: '表格已是最新，无需修改。' },
  setUp: template({
    en: (created: readonly string[], addedColumns: number, addedSettings: number) => {
      const added = (n: number, word: string) => `added ${n} missing ${word}${n === 1 ? '' : 's'}`;
      const parts: string[] = [];
      if (created.length) parts.push(`created ${created.join(', ')}`);
      if (addedColumns) parts.push(added(addedColumns, 'column'));
      if (addedSettings) parts.push(added(addedSettings, 'setting'));
      const text = parts.join('; ');
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    },
    zh: (created, addedColumns, addedSettings) => {
      const parts: string[] = [];
      if (created.length) parts.push(`新建工作表：${created.join('、')}`);
      if (addedColumns) parts.push(`补回 ${addedColumns} 列`);
      if (addedSettings) parts.push(`补回 ${addedSettings} 项设置`);
      return `${parts.join('；')}。`;
    },
  }),
  scored: template({
    en: (scored: number, grades: string, newIds: number) => {
      const ids =
        newIds > 0 ? `; ${formatCount(newIds)} new Lead ID${newIds === 1 ? '' : 's'}` : '';
      return `Scored ${formatCount(scored)} lead${scored === 1 ? '' : 's'}: ${grades}${ids}`;
    },
    zh: (scored, grades, newIds) => {
      const ids = newIds > 0 ? `；新编号 ${formatCount(newIds)} 条` : '';
      return `已评分 ${formatCount(scored)} 条线索：${grades}${ids}`;
    },
  }),
} satisfies Catalogue;
