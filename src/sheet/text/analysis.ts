// The Analysis tab's titles and headers, the rule-change preview, calibration warnings, and what
// refreshing and sharing the analysis tell people (SPEC §6).

import { type Catalogue, template } from './entry';

export const ANALYSIS = {
  /** Titles, headers and row labels of the Analysis tab's tables. */
  sheet: {
    title: { en: 'Conversion analysis', zh: '转化分析' },
    refreshed: { en: 'Last refreshed', zh: '最近刷新' },
    window: { en: 'Window (days, 0 = all time)', zh: '分析周期（天，0 = 全部）' },
    bySource: { en: 'Conversion by source channel', zh: '各渠道转化率' },
    byGrade: { en: 'Conversion by grade', zh: '各等级转化率' },
    cycle: { en: 'Cycle days of won deals', zh: '成交周期（天）' },
    reasons: { en: 'Top reasons not won or lost', zh: '未成交原因 TOP3' },
    slaByGrade: { en: 'First-contact SLA by grade', zh: '首次触达达标率（按等级）' },
    slaByOwner: { en: 'First-contact SLA by owner', zh: '首次触达达标率（按负责人）' },
    funnel: { en: 'Funnel', zh: '转化漏斗' },
    byOwner: { en: 'By owner', zh: '按负责人' },
    claimsByOwner: { en: 'Claims from the pool by owner', zh: '各负责人领取公海线索' },
    calibration: {
      en: 'Calibration: win rate by grade (95% interval)',
      zh: '评分校准：各等级成交率（95% 区间）',
    },
    source: { en: 'Source', zh: '来源' },
    grade: { en: 'Grade', zh: '等级' },
    leads: { en: 'Leads', zh: '线索数' },
    won: { en: 'Won', zh: '成交' },
    rate: { en: 'Rate', zh: '转化率' },
    count: { en: 'Count', zh: '数量' },
    mean: { en: 'Mean', zh: '平均' },
    median: { en: 'Median', zh: '中位数' },
    reason: { en: 'Reason', zh: '原因' },
    share: { en: 'Share', zh: '占比' },
    met: { en: 'Met', zh: '达标' },
    slaRate: { en: 'Met rate', zh: '达标率' },
    missed: { en: 'Missed', zh: '超时' },
    open: { en: 'Open', zh: '未到期' },
    owner: { en: 'Owner', zh: '负责人' },
    stage: { en: 'Stage', zh: '阶段' },
    entered: { en: 'Entered', zh: '录入' },
    contacted: { en: 'Contacted', zh: '已触达' },
    keyFollowUp: { en: 'Key follow-up', zh: '重点跟进' },
    contactedWithinSla: { en: 'Contacted within SLA', zh: '按时触达' },
    overdueNow: { en: 'Overdue now', zh: '当前逾期' },
    claimed: { en: 'Claimed from pool', zh: '领取公海' },
    claimedWon: { en: 'Won of claimed', zh: '领取后成交' },
    low: { en: '95% low', zh: '95% 下限' },
    byOption: { en: 'Calibration: win rate by scoring option', zh: '评分校准：各评分选项成交率' },
    dimension: { en: 'Dimension', zh: '评分维度' },
    option: { en: 'Option', zh: '选项' },
    high: { en: '95% high', zh: '95% 上限' },
    none: { en: '(none)', zh: '（无）' },
    pool: { en: '(pool / unowned)', zh: '（公海/未分配）' },
    ungraded: { en: '(ungraded)', zh: '（未评级）' },
    completenessBySource: {
      en: 'Incomplete open leads by source (a required field is blank)',
      zh: '信息不完整的未结束线索（按来源，必填项为空）',
    },
    completenessByEnteredBy: {
      en: 'Incomplete open leads by who entered them',
      zh: '信息不完整的未结束线索（按录入人）',
    },
    enteredBy: { en: 'Entered by', zh: '录入人' },
    incomplete: { en: 'Incomplete', zh: '不完整' },
    incompleteShare: { en: 'Share incomplete', zh: '不完整占比' },
    mostMissing: { en: 'Most often missing', zh: '最常缺少' },
    mostMissingCount: { en: 'Leads missing it', zh: '缺少该项的线索' },
    allLeads: { en: 'All leads', zh: '全部线索' },
    cadenceByOwner: {
      en: 'Follow-up cadence by owner (last 4 full weeks)',
      zh: '跟进节奏达标（按负责人，最近 4 个完整周）',
    },
    period: { en: 'Weeks from – to', zh: '统计区间' },
    asked: { en: 'Touches asked', zh: '应跟进次数' },
    logged: { en: 'Touches logged', zh: '实际跟进次数' },
    onTime: { en: 'Asked touches on time', zh: '按时完成' },
    shareOnTime: { en: 'Share on time', zh: '按时率' },
    trend: {
      en: 'Monthly trend (last 12 months, by month entered)',
      zh: '月度趋势（最近 12 个月，按录入月份）',
    },
    trendByChannel: { en: 'Monthly trend by channel', zh: '各渠道月度趋势' },
    month: { en: 'Month', zh: '月份' },
    medianHours: {
      en: 'Median hours to first contact',
      zh: '首次触达中位时长(小时)',
    },
    byRulesVersion: {
      en: 'Conversion by scoring-rules version (first graded under)',
      zh: '各评分规则版本转化率（按首评版本）',
    },
    rulesVersion: { en: 'Rules version', zh: '规则版本' },
    noVersion: { en: '(graded before versions were kept)', zh: '（记录版本之前评分）' },
    decided: { en: 'Decided', zh: '已有结果' },
    decidedRate: { en: 'Won of decided', zh: '已决成交率' },
    channelCost: {
      en: 'Channel cost (months with spend in Settings)',
      zh: '渠道成本（设置中有投入的月份）',
    },
    spend: { en: 'Spend (万)', zh: '投入(万)' },
    costPerLead: { en: 'Cost per lead (万)', zh: '单条线索成本(万)' },
    costPerWon: { en: 'Cost per won deal (万)', zh: '单笔成交成本(万)' },
    returnOnSpend: { en: 'Won amount ÷ spend', zh: '成交金额÷投入' },
    dimensionOption: { en: 'Dimension · option', zh: '评分维度 · 选项' },
    lift: { en: 'Lift vs dimension average', zh: '相对该维度平均' },
    nobody: { en: '(blank)', zh: '（空）' },
  },
  /** The "Preview rule change" block beside the analysis. */
  preview: {
    title: { en: 'Rule change preview (proposed points)', zh: '评分规则调整预览（拟调整分值）' },
    leadsChanging: { en: 'Leads changing grade', zh: '等级会变化的线索' },
    grade: { en: 'Grade', zh: '等级' },
    leadsNow: { en: 'Leads now', zh: '现线索数' },
    wonNow: { en: 'Won now', zh: '现成交' },
    rateNow: { en: 'Rate now', zh: '现成交率' },
    leadsProposed: { en: 'Leads proposed', zh: '新线索数' },
    wonProposed: { en: 'Won proposed', zh: '新成交' },
    rateProposed: { en: 'Rate proposed', zh: '新成交率' },
    note: {
      en: 'A preview only: nothing changes until a manager copies the proposed points over the points.',
      zh: '仅为预览：经理把「拟调整分值」复制到「分值」后才会生效。',
    },
  },
  gradesDoNotSeparate: template({
    en: (higher: string, lower: string, higherRate: string, lowerRate: string, p: string) =>
      `Grade ${lower} converts better than grade ${higher} (${lowerRate} vs ${higherRate}), ` +
      `significant at the 5% level (one-sided two-proportion z-test, p ${p}): ` +
      'the grades do not separate; consider adjusting the scoring rules.',
    zh: (higher, lower, higherRate, lowerRate, p) =>
      `${lower} 级成交率 (${lowerRate}) 高于 ${higher} 级 (${higherRate})，` +
      `差异在 5% 水平上显著（单侧两比例 z 检验，p ${p}）：等级没有区分度，建议调整评分规则。`,
  }),
  /**
   * The lower grade is ahead, but not significantly; `more` is undefined when the rates are equal,
   * 0 when the grades already hold the leads a test would need.
   */
  tooFewToTell: template({
    en: (
      higher: string,
      lower: string,
      higherRate: string,
      lowerRate: string,
      more: number | undefined,
    ) =>
      `Grade ${lower} converts at least as well as grade ${higher} (${lowerRate} vs ${higherRate}), ` +
      'but the difference is not significant at the 5% level (one-sided two-proportion z-test): ' +
      // No count when the rates are equal, or when the grades already hold that many leads.
      (more === undefined || more === 0
        ? 'the two grades look alike so far.'
        : `too few leads to tell (need about ${more} more).`),
    zh: (higher, lower, higherRate, lowerRate, more) =>
      `${lower} 级成交率 (${lowerRate}) 不低于 ${higher} 级 (${higherRate})，` +
      '但差异在 5% 水平上不显著（单侧两比例 z 检验）：' +
      (more === undefined || more === 0
        ? '目前两级看不出差别。'
        : `线索太少，无法判断（约还需 ${more} 条）。`),
  }),
  sampleTooSmall: template({
    en: (grade: string, leads: number) => {
      const count = leads === 0 ? 'no leads' : `only ${leads} ${leads === 1 ? 'lead' : 'leads'}`;
      return `Grade ${grade}: ${count}, too few to judge.`;
    },
    zh: (grade, leads) =>
      `${grade} 级${leads === 0 ? '没有线索' : `仅有 ${leads} 条线索`}，样本太少，无法判断。`,
  }),
  refreshed: { en: 'Analysis refreshed.', zh: '转化分析已刷新。' },
  previewed: template({
    en: (changed: number) =>
      `Under the proposed points ${changed} lead(s) change grade (see the right of the Analysis tab).`,
    zh: (changed) => `按拟调整分值，${changed} 条线索的等级会变化（见转化分析表右侧）。`,
  }),
  noLeadershipEmails: {
    en: 'Leadership e-mails in Settings is empty: add the addresses to share with first.',
    zh: '设置中的「领导邮箱」为空：请先填写要分享给的领导邮箱。',
  },
  shared: template({
    en: (leaders: number, url: string) => `Shared view-only with ${leaders} leader(s): ${url}`,
    zh: (leaders, url) => `已分享给 ${leaders} 位领导（只读）：${url}`,
  }),
  /** The leadership copy's file name: the spreadsheet's, then the Analysis tab's. */
  leadershipCopyName: template({
    en: (spreadsheet: string, analysisTab: string) => `${spreadsheet} – ${analysisTab}`,
    zh: (spreadsheet, analysisTab) => `${spreadsheet} – ${analysisTab}`,
  }),
  leadershipCopyAction: { en: 'Leadership copy', zh: '领导副本' },
  /** Why the leadership copy was not refreshed, and the two ways to fix it. */
  leadershipCopyUnreachable: template({
    en: (id: string, user: string) =>
      `The leadership copy ${id} could not be opened by ${user || 'the account running Lead Tracker'}: share it with them or choose "Share with leadership…" again to make a new one.`,
    zh: (id, user) =>
      `领导副本 ${id} 无法由 ${user || '运行线索跟踪的账号'} 打开：请把它共享给该账号，或再次选择“分享给领导…”新建一份。`,
  }),
} satisfies Catalogue;
