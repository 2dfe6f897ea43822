// Words every part of the add-on shares: its name, and how a label, a list or a quotation is written.

import { type Catalogue, template } from './entry';

export const APP = {
  name: { en: 'Lead Tracker', zh: '线索跟踪' },
  /** What a page in this language declares as its `lang`. */
  listSeparator: { en: ', ', zh: '、' },
  labelled: template({
    en: (label: string, text: string) => `${label}: ${text}`,
    zh: (label, text) => `${label}：${text}`,
  }),
  /** The first cell of the hidden state tab. */
  stateTabNote: {
    en: 'Lead Tracker keeps what it must remember here. Please do not edit or delete this hidden tab.',
    zh: '线索跟踪在此保存运行所需的记录，请勿修改或删除此隐藏工作表。',
  },
  quoted: template({ en: (text: string) => `"${text}"`, zh: (text) => `「${text}」` }),
} satisfies Catalogue;
