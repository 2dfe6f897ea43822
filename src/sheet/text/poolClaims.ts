// Words of claiming a pool lead (SPEC §14, 领取): the pool list in the sidebar and each refusal.

import { type Catalogue, template } from './entry';

export const POOL_CLAIMS = {
  title: { en: 'Public pool', zh: '公海线索' },
  hint: {
    en: '↓ and ↑ move through the list, Enter claims the lead for you.',
    zh: '用 ↓ ↑ 选择，按回车领取线索。',
  },
  searchPlaceholder: { en: 'Filter by ID, company or source', zh: '按编号、公司或来源筛选' },
  empty: { en: 'The pool is empty.', zh: '公海中没有线索。' },
  claim: { en: 'Claim', zh: '领取' },
  claiming: template({
    en: (leadId: string) => `Claiming ${leadId}…`,
    zh: (leadId) => `正在领取 ${leadId}…`,
  }),
  claimed: template({
    en: (leadId: string) => `${leadId} is yours now.`,
    zh: (leadId) => `已领取 ${leadId}。`,
  }),
  claimFailed: template({
    en: (message: string) => `Not claimed. ${message}`,
    zh: (message) => `未领取。${message}`,
  }),
  pooledOn: template({
    en: (when: string) => `pooled ${when}`,
    zh: (when) => `${when} 进入公海`,
  }),
  previousOwner: template({
    en: (owner: string) => `was ${owner}’s`,
    zh: (owner) => `原负责人 ${owner}`,
  }),
  claimsLeft: template({
    en: (left: number, cap: number) => `Claims left today: ${left} of ${cap}`,
    zh: (left, cap) => `今日还可领取 ${left} / ${cap} 条`,
  }),
  refusal: {
    claimingOff: {
      en: 'Claims per day is 0 in Settings: only managers assign pool leads.',
      zh: '设置中“每日领取上限”为 0：公海线索只能由经理分配。',
    },
    dailyCap: template({
      en: (cap: number) => `Claims per day: you have claimed ${cap} pool leads today, the limit.`,
      zh: (cap) => `每日领取上限：您今天已领取 ${cap} 条公海线索，已达上限。`,
    }),
    reclaimWait: template({
      en: (days: number, from: string) =>
        `Reclaim wait (days): you were this lead’s owner, so you may claim it back ${days} days after it was pooled, from ${from}.`,
      zh: (days, from) =>
        `原负责人领回间隔(天)：您是该线索的原负责人，须在进入公海 ${days} 天后（${from} 起）才能领回。`,
    }),
    notInTeam: {
      en: 'Only an active member of the team table in Settings may claim pool leads.',
      zh: '只有设置中团队表的在职成员才能领取公海线索。',
    },
    whoAreYou: {
      en: 'Google did not tell the add-on who you are: choose your name in My day first.',
      zh: 'Google 未提供您的身份：请先在今日待办中选择您的姓名。',
    },
    notInPool: template({
      en: (leadId: string) => `${leadId} is not in the pool.`,
      zh: (leadId) => `${leadId} 不在公海中。`,
    }),
    alreadyAssigned: template({
      en: (leadId: string, owner: string) =>
        `${leadId} was already given to ${owner} by a manager.`,
      zh: (leadId, owner) => `${leadId} 已由经理分配给 ${owner}。`,
    }),
    leadId: {
      en: 'Lead ID: give the ID of a pool lead.',
      zh: '线索编号：请提供公海线索的编号。',
    },
  },
  logAction: { en: 'Claimed from the pool', zh: '领取公海线索' },
  logDetail: template({
    en: (leadId: string, owner: string) => `${leadId} → ${owner}`,
    zh: (leadId, owner) => `${leadId} → ${owner}`,
  }),
  ledgerHeader: {
    claimedAt: { en: 'Claimed at', zh: '领取时间' },
    leadId: { en: 'Lead ID', zh: '线索编号' },
    owner: { en: 'Claimed by', zh: '领取人' },
  },
} satisfies Catalogue;
