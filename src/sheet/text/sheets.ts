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
  /** What set-up recognised in a tab the team made themselves, one clause at a time. */
  recognised: {
    header: template({
      en: (tab: string, row: number, columns: number) =>
        `${tab}: header on row ${row}, ${columns} column${columns === 1 ? '' : 's'} recognised`,
      zh: (tab, row, columns) => `${tab}：第 ${row} 行是表头，识别 ${columns} 列`,
    }),
    titleRowsKept: template({
      en: (rows: number) => `the ${rows} row${rows === 1 ? '' : 's'} above it kept as they are`,
      zh: (rows) => `上方 ${rows} 行原样保留`,
    }),
    readAs: template({
      en: (header: string, column: string) => `"${header}" read as ${column}`,
      zh: (header, column) => `「${header}」作为${column}`,
    }),
    mappedAs: template({
      en: (header: string, column: string) => `"${header}" read as ${column} (your column names)`,
      zh: (header, column) => `「${header}」按列名对照作为${column}`,
    }),
    addedAtEnd: template({
      en: (columns: readonly string[]) => `added at the end: ${columns.join(', ')}`,
      zh: (columns) => `在末尾补充：${columns.join('、')}`,
    }),
    keptAsOwn: template({
      en: (columns: readonly string[]) =>
        `kept as your own columns (Map columns… tells which holds a field): ${columns.join(', ')}`,
      zh: (columns) =>
        `作为您自己的列保留（如其中某列存放线索字段，请用“列名对照…”）：${columns.join('、')}`,
    }),
    separator: { en: '; ', zh: '；' },
    end: { en: '.', zh: '。' },
  },
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
