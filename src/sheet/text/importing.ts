// What importing a list says: the dialog, the preview, the result and the problems (SPEC §13.2).

import { formatCount } from './count';
import { type Catalogue, template } from './entry';

export const IMPORT = {
  importedAs: { en: 'Imported as', zh: '导入编号' },
  needsContact: {
    en: 'needs a contact or a phone to be a lead',
    zh: '至少需要联系人或联系方式才能成为线索',
  },
  notAList: template({
    en: (name: string) =>
      `"${name}" is one of Lead Tracker's own tabs; choose the tab that holds the list.`,
    zh: (name) => `「${name}」是线索跟踪自己的工作表，请选择存放名单的工作表。`,
  }),
  noLeadColumns: template({
    en: (name: string) =>
      `No column of "${name}" could be read as a contact or a phone in its first ten rows; name them (for example 联系人 and 联系方式, or Name and Phone) and try again.`,
    zh: (name) =>
      `「${name}」前十行中没有可识别为联系人或联系方式的列；请将列名改为例如「联系人」「联系方式」后再试。`,
  }),
  imported: template({
    en: (added: number, duplicates: number, skipped: number) =>
      `Imported ${formatCount(added)} lead${added === 1 ? '' : 's'}` +
      `${duplicates ? ` (${formatCount(duplicates)} marked as possible duplicates)` : ''}` +
      `${skipped ? `; skipped ${formatCount(skipped)} row${skipped === 1 ? '' : 's'} with problems` : ''}.`,
    zh: (added, duplicates, skipped) =>
      `已导入 ${formatCount(added)} 条线索` +
      `${duplicates ? `（其中 ${formatCount(duplicates)} 条标记为疑似重复）` : ''}` +
      `${skipped ? `；跳过 ${formatCount(skipped)} 行有问题的数据` : ''}。`,
  }),
  problemAt: template({
    en: (tab: string, row: number, field: string, message: string) =>
      `${tab} row ${row}, ${field}: ${message}`,
    zh: (tab, row, field, message) => `${tab} 第 ${row} 行「${field}」：${message}`,
  }),
  dialogTitle: { en: 'Import leads', zh: '导入线索' },
  chooseTab: { en: 'Tab that holds the list', zh: '存放名单的工作表' },
  noOtherTabs: {
    en: 'Put the list in a tab of this spreadsheet first (File → Import → Insert new sheet).',
    zh: '请先把名单放进本表格的一个工作表（文件 → 导入 → 插入新工作表）。',
  },
  checking: { en: 'Checking…', zh: '正在检查…' },
  /** The dialog fills these in itself: `{0}`… stand for the numbers and names. */
  dialogPreview: {
    en: '{0} rows: {1} new leads ({2} possible duplicates) · {3} rows with problems · {4} imported before',
    zh: '共 {0} 行：新线索 {1} 条（疑似重复 {2} 条）· 有问题 {3} 行 · 此前已导入 {4} 行',
  },
  dialogDuplicate: { en: 'Row {0} matches {1}', zh: '第 {0} 行与 {1} 疑似重复' },
  dialogProblem: { en: '{0} row {1}, {2}: {3}', zh: '{0} 第 {1} 行「{2}」：{3}' },
  dialogImported: {
    en: 'Imported {0} leads ({1} possible duplicates); skipped {2} rows with problems.',
    zh: '已导入 {0} 条线索（疑似重复 {1} 条）；跳过有问题的 {2} 行。',
  },
  importButton: { en: 'Import', zh: '导入' },
  close: { en: 'Close', zh: '关闭' },
} satisfies Catalogue;
