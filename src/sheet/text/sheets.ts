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
  /** The Log's action for rows a batch pass left without a Lead ID. */
  waitingAction: { en: 'Rows not numbered yet', zh: '尚未编号的行' },
  /**
   * `2 rows of Leads hold a lead's details but no contact, phone or company: …`. A batch pass
   * cannot find such a row again after a person's sort, so it waits for the edit that types one.
   */
  waiting: template({
    en: (count: number, tab: string, rows: string, more: number) =>
      `${formatCount(count)} row${count === 1 ? '' : 's'} of ${tab} (${rows}${more > 0 ? `, and ${formatCount(more)} more` : ''}) ${count === 1 ? 'holds' : 'hold'} a lead's details but no contact, phone or company, so ${count === 1 ? 'it was' : 'they were'} not numbered or scored: type one of those in the row and it is numbered at once.`,
    zh: (count, tab, rows, more) =>
      `${tab} 有 ${formatCount(count)} 行（第 ${rows} 行${more > 0 ? `，另有 ${formatCount(more)} 行` : ''}）填了线索内容，但没有联系人、联系方式或公司名称，因此未编号、未评分：在该行填写其中任一项，即会立即编号。`,
  }),
} satisfies Catalogue;
