// What leads arriving by themselves (web form, Google Form) answer, write and send (SPEC §13.3).

import { type Catalogue, template } from './entry';

export const CAPTURE = {
  /** The Log's name for each way in, and the Entered by cell of the leads it brings. */
  channel: {
    web: { en: 'Web form', zh: '网页表单' },
    form: { en: 'Google Form', zh: 'Google 表单' },
  },
  /** Put before a posted note where it joins the Need cell. */
  noteLabel: { en: 'Note', zh: '备注' },
  required: template({
    en: (field: string) => `${field} is required.`,
    zh: (field) => `请填写${field}。`,
  }),
  tooLong: template({
    en: (field: string, max: number) => `${field} may hold at most ${max} characters.`,
    zh: (field, max) => `${field}最多 ${max} 个字符。`,
  }),
  notText: template({
    en: (field: string) => `${field} must be text.`,
    zh: (field) => `${field}必须是文字。`,
  }),
  phoneUnreadable: template({
    en: (field: string) => `${field} must be a phone number of at least 7 digits, or a WeChat ID.`,
    zh: (field) => `${field}须为至少 7 位数字的电话号码或微信号。`,
  }),
  bodyUnreadable: {
    en: 'The request body is not valid JSON.',
    zh: '请求内容不是有效的 JSON。',
  },
  noSheet: {
    en: 'The form address lacks the spreadsheet: add ?sheet=<spreadsheet ID> to it.',
    zh: '表单地址缺少表格：请在地址后加上 ?sheet=<表格 ID>。',
  },
  /** Said alike for a wrong token and a spreadsheet that cannot be opened, so neither is probed. */
  tokenRefused: {
    en: 'The form token is not valid for this spreadsheet.',
    zh: '表单令牌与该表格不符。',
  },
  closed: {
    en: 'This spreadsheet does not take web leads (Web leads per hour is 0).',
    zh: '该表格不接收网页线索（每小时表单线索上限为 0）。',
  },
  hourlyLimit: template({
    en: (limit: number) =>
      `This form takes at most ${limit} leads an hour, and that many have arrived; please send it again later.`,
    zh: (limit) => `本表单每小时最多接收 ${limit} 条线索，本小时已满，请稍后再提交。`,
  }),
  busy: {
    en: 'The tracker is busy; please send the form again in a minute.',
    zh: '线索表正忙，请一分钟后再提交。',
  },
  notSaved: {
    en: 'The lead could not be saved; the tracker’s Log says why.',
    zh: '线索未能保存，原因已记入运行日志。',
  },
  /** A Log line for each lead that arrived. */
  arrived: template({
    en: (id: string, grade: string, owner: string, duplicateOf: string) =>
      `${id} (grade ${grade})${owner ? ` → ${owner}` : ', not assigned'}${duplicateOf ? `; possible duplicate of ${duplicateOf}` : ''}`,
    zh: (id, grade, owner, duplicateOf) =>
      `${id}（${grade}级）${owner ? ` → ${owner}` : '，未分配'}${duplicateOf ? `；疑似重复：${duplicateOf}` : ''}`,
  }),
  /** The one-lead e-mail to its new owner. */
  mailSubject: template({
    en: (name: string, grade: string, id: string) =>
      `New lead for you: ${name} (grade ${grade}), ${id}`,
    zh: (name, grade, id) => `新线索：${name}（${grade}级），${id}`,
  }),
  /** The one-lead e-mail's link to the lead's row. */
  openLead: { en: 'Open this lead', zh: '打开这条线索' },
  mailIntro: template({
    en: (channel: string, due: string) =>
      `A lead just came in by ${channel} and is yours.${due ? ` First contact by ${due}.` : ''}`,
    zh: (channel, due) =>
      `刚通过${channel}收到一条线索，已分配给您。${due ? `请于 ${due} 前首次联系。` : ''}`,
  }),
  /** The chat webhook's line for each lead that arrived. */
  chatLine: template({
    en: (id: string, grade: string, channel: string, owner: string) =>
      `Lead Tracker: new lead ${id} (grade ${grade}) by ${channel}${owner ? ` → ${owner}` : ', not assigned yet'}`,
    zh: (id, grade, channel, owner) =>
      `线索跟踪：新线索 ${id}（${grade}级），来自${channel}${owner ? ` → ${owner}` : '，暂未分配'}`,
  }),
  connectTitle: { en: 'Connect a form', zh: '连接表单' },
  connectPrompt: {
    en: 'Name of the tab the form’s responses arrive in (for example Form Responses 1):',
    zh: '表单回复所在工作表的名称（例如“表单回复 1”）：',
  },
  notResponses: template({
    en: (tab: string, fields: string) =>
      `The tab "${tab}" has no question named like ${fields}; rename the form's questions after the Leads headers.`,
    zh: (tab, fields) =>
      `工作表「${tab}」中没有与${fields}同名的问题，请按线索表的表头命名表单问题。`,
  }),
  connected: template({
    en: (tab: string) => `Responses arriving in "${tab}" now become leads at once.`,
    zh: (tab) => `「${tab}」中新到的表单回复现在会立即成为线索。`,
  }),
  alreadyConnected: template({
    en: (tab: string) => `Responses in "${tab}" already become leads; nothing was changed.`,
    zh: (tab) => `「${tab}」的表单回复已在自动成为线索，未做任何更改。`,
  }),
  connectedBySomeone: template({
    en: (tab: string, who: string) =>
      `Responses in "${tab}" now become leads, through the form trigger ${who} installed.`,
    zh: (tab, who) => `「${tab}」的表单回复现在会成为线索，由 ${who} 安装的表单触发器处理。`,
  }),
  responseSkipped: template({
    en: (tab: string, row: number, problems: string) =>
      `${tab} row ${row} was not made a lead: ${problems}`,
    zh: (tab, row, problems) => `${tab} 第 ${row} 行未成为线索：${problems}`,
  }),
} satisfies Catalogue;
