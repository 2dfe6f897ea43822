// Words of My day (SPEC §14): the signed-in person's queue in the sidebar.

import { type Catalogue, template } from './entry';

export const MY_DAY = {
  title: { en: 'My day', zh: '今日待办' },
  titleOf: template({
    en: (owner: string) => `${owner}'s day`,
    zh: (owner) => `${owner} 的待办`,
  }),
  kind: {
    firstContactOverdue: { en: 'First contact overdue', zh: '首次触达已超时' },
    firstContactDue: { en: 'First contact due today', zh: '今日须首次触达' },
    followUpOverdue: { en: 'Follow-up overdue', zh: '跟进已逾期' },
    followUpDue: { en: 'Follow-up due today', zh: '今日须跟进' },
    newAssignment: { en: 'New assignment', zh: '新分配' },
  },
  kindShort: {
    firstContactOverdue: { en: 'Contact late', zh: '触达超时' },
    firstContactDue: { en: 'Contact today', zh: '今日触达' },
    followUpOverdue: { en: 'Follow-up late', zh: '跟进逾期' },
    followUpDue: { en: 'Follow-up today', zh: '今日跟进' },
    newAssignment: { en: 'New', zh: '新分配' },
  },
  dueAt: template({
    en: (when: string) => `due ${when}`,
    zh: (when) => `截止 ${when}`,
  }),
  empty: { en: 'Nothing due today. Well done.', zh: '今天没有待办，做得好。' },
  loading: { en: 'Loading your day…', zh: '正在加载今日待办…' },
  loadFailed: template({
    en: (message: string) => `Your day could not load: ${message}`,
    zh: (message) => `无法加载今日待办：${message}`,
  }),
  hint: {
    en: '↓ and ↑ move through the list, Enter opens a lead.',
    zh: '用 ↓ ↑ 选择，按回车打开线索。',
  },
  noEmail: {
    en: 'Google did not tell the add-on who you are (your e-mail address is hidden). Choose your name:',
    zh: 'Google 未提供您的身份（邮箱地址不可见）。请选择您的姓名：',
  },
  chooseName: { en: 'Choose your name…', zh: '请选择姓名…' },
  notInTeam: template({
    en: (email: string) =>
      `${email} is not in the team table in Settings: leads whose Owner is this address are shown.`,
    zh: (email) => `${email} 不在设置的团队表中：仅显示负责人为该邮箱的线索。`,
  }),
  switchLabel: { en: 'Show the queue of', zh: '查看谁的待办' },
  yourName: { en: 'Your name', zh: '您的姓名' },
  searchInstead: { en: 'Find a lead', zh: '查找线索' },
  backToDay: { en: 'Back to my day', zh: '返回今日待办' },
  openPool: { en: 'Public pool', zh: '公海' },
  unknownMember: template({
    en: (name: string) => `“${name}” is not an active member of the team table in Settings.`,
    zh: (name) => `“${name}”不是设置中团队表的在职成员。`,
  }),
  onlyManagers: {
    en: 'Only a manager may look at another person’s queue.',
    zh: '只有经理可以查看他人的待办。',
  },
  allDone: {
    en: 'That was the last item of your day.',
    zh: '今日待办已全部处理。',
  },
} satisfies Catalogue;
