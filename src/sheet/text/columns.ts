// What "Map columns…" says: the dialog, and the problems with a mapping (SPEC §13.1).

import { type Catalogue, template } from './entry';

export const COLUMNS = {
  dialogTitle: { en: 'Map columns', zh: '列名对照' },
  intro: {
    en: 'Choose which column of your sheet holds each field. Fields left on "Found by name" are found by their header, in any language or by a common synonym.',
    zh: '请为每个字段选择您表格中存放它的列。保留“按列名自动识别”的字段，将按列名（任一语言或常见同义词）自动识别。',
  },
  field: { en: 'Field', zh: '字段' },
  yourColumn: { en: 'Column in your sheet', zh: '您表格中的列' },
  automatic: { en: 'Found by name', zh: '按列名自动识别' },
  foundAs: template({
    en: (header: string) => `now: ${header}`,
    zh: (header) => `当前：${header}`,
  }),
  notFound: { en: 'now: not found', zh: '当前：未找到' },
  save: { en: 'Save', zh: '保存' },
  cancel: { en: 'Cancel', zh: '取消' },
  saving: { en: 'Saving…', zh: '正在保存…' },
  notAMapping: {
    en: 'The column names must be given as { field: header }.',
    zh: '列名对照须为 { 字段: 列名 } 的形式。',
  },
  notAField: template({
    en: (text: string) => `"${text}" is not a field of Leads`,
    zh: (text) => `「${text}」不是销售线索信息表的字段`,
  }),
  notAHeader: template({
    en: (header: string, tab: string, row: number) =>
      `"${header}" is not a header of ${tab} (row ${row})`,
    zh: (header, tab, row) => `「${header}」不是${tab}第 ${row} 行表头中的列名`,
  }),
  headerTwice: template({
    en: (header: string) => `"${header}" is chosen for more than one field`,
    zh: (header) => `「${header}」被选给了多个字段`,
  }),
  saved: template({
    en: (count: number) =>
      count === 0
        ? 'Column names cleared: every field is found by its header.'
        : `Saved ${count} column name${count === 1 ? '' : 's'}; every operation now reads them.`,
    zh: (count) =>
      count === 0
        ? '已清除列名对照：所有字段按列名自动识别。'
        : `已保存 ${count} 项列名对照，所有操作将按此读取。`,
  }),
} satisfies Catalogue;
