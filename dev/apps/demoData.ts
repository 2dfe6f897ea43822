// Deterministic demo data: Leads rows (the template's two examples, then varied Chinese B2B and B2C
// leads with their follow-up history), the sales team and rules, and the follow-ups of the days after.

import { traditionalOf } from './demoTraditional';
import type { Bilingual } from '../../src/sheet/language';
import { fnv1a } from '../../src/sheet/fingerprint';
import {
  AUTHORITY,
  BUDGET_FIT,
  DEFAULT_SOURCES,
  FOLLOW_UP_METHOD,
  NEED_FIT,
  URGENCY,
} from '../../src/sheet/options';
import { LEAD_COLUMNS, type LeadColumnKey } from '../../src/sheet/tabs';
import { formatDate } from '../../gas-local/zone';

type LeadFields = Partial<Record<LeadColumnKey, unknown>>;

/** The demo's spreadsheet zone: entry times are typed as wall-clock times there. */
const ZONE = 'Asia/Shanghai';
/** SPEC §7's default product price (万), so given budget fits agree with the budgets. */
const PRODUCT_PRICE = 50;
/** A fixed seed: the same count and clock always give the same workbook. */
const SEED = 20240501;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Shanghai is UTC+8 all year (China has no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
/** How far back Entered at reaches from `now`. */
const HISTORY_DAYS = 120;

/** Table 1 of the template, as typed by the marketing team (phones completed to 11 digits). */
const TEMPLATE_LEADS: readonly LeadFields[] = [
  {
    id: '202405001-展会',
    source: '展会',
    contact: '李经理',
    phone: '13801384527',
    company: '制造企业',
    need: '智能仓储系统需求',
    budget: '50-80万',
    expectedClose: '2024-08',
    region: '华东',
    industry: '制造',
    needFit: '完全契合',
    authority: '直接决策人',
    status: '新线索',
    enteredBy: '张晓雯',
    enteredAt: '2024-05-01',
  },
  {
    id: '202405002-官网',
    source: '官网表单',
    contact: '王总',
    phone: '13956782301',
    company: '贸易公司',
    need: 'CRM系统升级',
    budget: '20-30万',
    expectedClose: '2024-07',
    region: '华南',
    industry: '贸易',
    needFit: '完全契合',
    authority: '直接决策人',
    status: '新线索',
    enteredBy: '陈思远',
    enteredAt: '2024-05-02',
  },
];

/** Mulberry32: small, fast and good enough to vary demo and bench data reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly random: () => number) {}

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** Picks by weight: `[['a', 3], ['b', 1]]` gives `a` three times as often. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.random() * total;
    for (const [item, weight] of choices) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return choices[choices.length - 1][0];
  }
}

/** Lists written as space-separated words, to keep long lists of short names readable. */
const words = (text: string): readonly string[] => text.split(' ');

const REGIONS: Readonly<Record<string, readonly string[]>> = {
  华东: ['上海', '杭州', '苏州', '南京', '宁波', '合肥', '无锡'],
  华南: ['广州', '深圳', '东莞', '佛山', '厦门', '珠海'],
  华北: ['北京', '天津', '石家庄', '太原', '济南'],
  华中: ['武汉', '长沙', '郑州', '南昌'],
  西南: ['成都', '重庆', '昆明', '贵阳'],
  西北: ['西安', '兰州', '银川', '乌鲁木齐'],
  东北: ['沈阳', '大连', '哈尔滨', '长春'],
};
const REGION_WEIGHTS: readonly (readonly [string, number])[] = [
  ['华东', 30],
  ['华南', 22],
  ['华北', 18],
  ['华中', 10],
  ['西南', 10],
  ['西北', 5],
  ['东北', 5],
];

interface Industry {
  readonly name: string;
  readonly companyWords: readonly string[];
  readonly needs: readonly string[];
  /** Typical budget in 万: B2B deals vary by an order of magnitude around it. */
  readonly typicalBudget: number;
}

const INDUSTRIES: readonly Industry[] = [
  {
    name: '制造',
    companyWords: ['精密机械', '汽车零部件', '电子科技', '新材料', '智能装备', '模具'],
    needs: ['智能仓储系统', 'MES生产管理系统', '设备预测性维护', '质量追溯平台', 'ERP系统实施'],
    typicalBudget: 60,
  },
  {
    name: '零售',
    companyWords: ['连锁超市', '百货', '便利店', '服饰', '母婴用品'],
    needs: ['门店收银系统升级', '会员营销平台', '全渠道库存管理', '智能补货方案'],
    typicalBudget: 35,
  },
  {
    name: '医疗',
    companyWords: ['医疗器械', '生物医药', '康复医院', '口腔连锁', '医药物流'],
    needs: ['医疗器械追溯系统', '药品冷链监控', '互联网医院平台', '院内物资管理'],
    typicalBudget: 80,
  },
  {
    name: '教育',
    companyWords: ['教育科技', '职业培训', '国际学校', '外语培训'],
    needs: ['智慧校园平台', '在线课堂系统', '教务排课系统', '招生CRM'],
    typicalBudget: 25,
  },
  {
    name: '物流',
    companyWords: ['供应链', '物流', '快运', '冷链物流', '国际货代'],
    needs: ['运输管理系统TMS', '仓库管理系统WMS', '车辆调度平台', '冷链温控监测'],
    typicalBudget: 55,
  },
  {
    name: '金融',
    companyWords: ['融资租赁', '保险代理', '小额贷款', '资产管理', '农村商业银行'],
    needs: ['客户关系管理CRM', '风控数据平台', '智能客服系统', '合规审计系统'],
    typicalBudget: 120,
  },
  {
    name: '贸易',
    companyWords: ['进出口贸易', '国际贸易', '商贸', '跨境电商'],
    needs: ['CRM系统升级', '进销存管理', '跨境电商ERP', '报关单证系统'],
    typicalBudget: 30,
  },
  {
    name: '能源',
    companyWords: ['新能源', '光伏科技', '燃气', '电力工程'],
    needs: ['电站运维管理平台', '能耗监测系统', '安全巡检系统'],
    typicalBudget: 150,
  },
  {
    name: '餐饮',
    companyWords: ['餐饮管理', '茶饮连锁', '火锅', '中央厨房'],
    needs: ['门店点餐系统', '供应链采购平台', '会员小程序'],
    typicalBudget: 15,
  },
];

/** Consumer needs (B2C): no company, small budgets, often from e-commerce or phone. */
const CONSUMER_NEEDS: readonly string[] = [
  '家用智能门锁',
  '全屋净水设备',
  '家庭储能电源',
  '智能家居套装',
  '扫地机器人以旧换新',
  '家用空气净化器',
  '办公桌椅定制',
];

const COMPANY_PREFIXES = words(
  '恒瑞 华信 中科 东方 金桥 新元 宏达 瑞丰 博远 汇通 德润 鼎盛 星辰 盛世 鸿运 天成 海纳 誉峰',
);
const COMPANY_SUFFIXES = ['有限公司', '股份有限公司', '集团有限公司', '科技有限公司'];

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐韩冯邓曹彭曾田董袁潘蒋蔡杜叶程苏魏沈',
];
const GIVEN_NAMES = words(
  '伟 芳 娜 敏 静 强 磊 洋 勇 杰 涛 明 超 霞 刚 婷 浩然 子涵 欣怡 宇航 思远 雨桐 建国 海燕 志强 晓东',
);
const B2B_TITLES = ['经理', '总', '总监', '主任', '工', '女士', '先生'];
const B2C_TITLES = ['女士', '先生'];
/** Titles that usually decide a purchase, so authority follows the contact's title. */
const DECIDING_TITLES = new Set(['总', '总监']);

const MARKETING_STAFF = ['张晓雯', '陈思远', '刘佳', '赵明轩', '孙婷', '周凯'];
const SALES_STAFF = ['王磊', '李娜', '陈刚', '赵敏', '黄俊', '吴倩'];

const MOBILE_PREFIXES = words(
  '130 131 135 136 137 138 139 150 151 152 155 158 159 176 177 180 186 187 188 199',
);
const AREA_CODES: Readonly<Record<string, string>> = {
  上海: '021',
  北京: '010',
  广州: '020',
  深圳: '0755',
  杭州: '0571',
  成都: '028',
  武汉: '027',
  西安: '029',
};

const UNREADABLE_BUDGETS = ['面议', '待定', '看方案再定', '领导审批中'];

/** A lead's facts before they are written the way a person would type them. */
interface LeadDraft {
  readonly source: string;
  readonly consumer: boolean;
  readonly region: string;
  readonly city: string;
  readonly industry: Industry | undefined;
  readonly contactTitle: string;
  /** Budget in 万, or undefined when the customer named none. */
  readonly budget: number | undefined;
  readonly enteredAt: Date;
}

const digits = (dice: Dice, count: number) =>
  Array.from({ length: count }, () => dice.int(0, 9)).join('');

function mobilePhone(dice: Dice): string {
  return dice.pick(MOBILE_PREFIXES) + digits(dice, 8);
}

/** Mostly mobiles; some landlines with the city's area code and some WeChat IDs. */
function phoneOrWeChat(dice: Dice, city: string): string {
  const areaCode = AREA_CODES[city];
  if (areaCode && dice.chance(0.12))
    return `${areaCode}-${digits(dice, areaCode.length === 3 ? 8 : 7)}`;
  if (dice.chance(0.06)) return `微信 ${dice.pick(['wx', 'lead', 'biz'])}_${digits(dice, 6)}`;
  return mobilePhone(dice);
}

function contactName(dice: Dice, title: string): string {
  const surname = dice.pick(SURNAMES);
  // About a third of contacts leave their full name; the rest go by surname and title.
  if (dice.chance(0.35)) return surname + dice.pick(GIVEN_NAMES);
  return surname + title;
}

function companyName(dice: Dice, city: string, industry: Industry): string {
  return `${city}${dice.pick(COMPANY_PREFIXES)}${dice.pick(industry.companyWords)}${dice.pick(COMPANY_SUFFIXES)}`;
}

/** A budget in 万 around the industry's typical deal; consumers spend a few thousand yuan. */
function budgetAmount(dice: Dice, draft: Pick<LeadDraft, 'consumer' | 'industry'>): number {
  if (draft.consumer) return dice.int(3, 60) / 10;
  const typical = draft.industry?.typicalBudget ?? 40;
  const factor = [0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.5, 2, 3][dice.int(0, 8)];
  // Rare key accounts bring budgets in 亿.
  if (dice.chance(0.03)) return dice.int(11, 25) * 1000;
  return Math.max(1, Math.round(typical * factor));
}

const groupThousands = (n: number) => n.toLocaleString('en-US');

/** Writes a budget in one of the many ways people type one (SPEC §1, §2). */
function budgetText(dice: Dice, wan: number | undefined): unknown {
  if (wan === undefined) return dice.chance(0.85) ? '' : dice.pick(UNREADABLE_BUDGETS);
  if (wan >= 10_000) return `${wan / 10_000}亿`;
  if (wan < 10) {
    // Small sums are usually written in yuan.
    const yuan = Math.round(wan * 10_000);
    return dice.pick([`${yuan}元`, `¥${groupThousands(yuan)}`, `${wan}万`]);
  }
  const low = Math.max(1, Math.round(wan * 0.8));
  const high = Math.round(wan * 1.3);
  return dice.weighted<unknown>([
    [`${low}-${high}万`, 30],
    [`${wan}万`, 20],
    [`¥${groupThousands(wan * 10_000)}`, 10],
    [`${wan * 10_000}元`, 8],
    [wan, 10], // a number cell: 万 by SPEC §1
    [String(wan), 5],
    [`${low}-${high}`, 5],
    [`${wan}万以上`, 4],
    [`${high}万以内`, 3],
  ]);
}

function wallClock(date: Date, pattern: string): string {
  return formatDate(date.getTime(), ZONE, pattern);
}

/** Expected close a few weeks to months after entry, as a month or a full date. */
function expectedCloseText(dice: Dice, enteredAt: Date): string {
  if (dice.chance(0.1)) return '';
  const close = new Date(enteredAt.getTime() + dice.int(10, 240) * DAY_MS);
  const [year, month] = wallClock(close, 'yyyy-M').split('-');
  return dice.weighted([
    [`${year}-${month.padStart(2, '0')}`, 40],
    [`${year}年${month}月`, 30],
    [wallClock(close, 'yyyy-MM-dd'), 20],
    [wallClock(close, 'yyyy/M/d'), 10],
  ]);
}

function budgetFitLabel(wan: number): string {
  // Close to SPEC §2's derivation, but a salesperson judges a single figure as "matches".
  if (wan > PRODUCT_PRICE * 1.2) return BUDGET_FIT[0].zh;
  if (wan >= PRODUCT_PRICE * 0.8) return BUDGET_FIT[1].zh;
  return BUDGET_FIT[2].zh;
}

function urgencyLabel(dice: Dice): string {
  return dice.weighted([
    [URGENCY[0].zh, 30],
    [URGENCY[1].zh, 45],
    [URGENCY[2].zh, 25],
  ]);
}

function authorityLabel(dice: Dice, title: string): string {
  if (dice.chance(0.12)) return '';
  if (DECIDING_TITLES.has(title)) return dice.chance(0.85) ? AUTHORITY[0].zh : AUTHORITY[1].zh;
  return dice.weighted([
    [AUTHORITY[0].zh, 25],
    [AUTHORITY[1].zh, 55],
    [AUTHORITY[2].zh, 20],
  ]);
}

function needFitLabel(dice: Dice): string {
  return dice.weighted([
    [NEED_FIT[0].zh, 32],
    [NEED_FIT[1].zh, 43],
    [NEED_FIT[2].zh, 10],
    ['', 15],
  ]);
}

const SOURCE_WEIGHTS: readonly (readonly [string, number])[] = DEFAULT_SOURCES.map((s) => [
  s.zh,
  ({ website: 28, tradeShow: 18, phone: 16, referral: 12, ecommerce: 18, other: 8 } as const)[
    s.key
  ],
]);

/**
 * Status and owner: most recent leads are new; older ones have moved on, and those over a month old
 * are mostly decided, so the analysis has outcomes to learn from. Which decided lead is won is left
 * to winChance.
 */
function progress(dice: Dice, ageDays: number): Pick<LeadFields, 'status' | 'owner'> {
  const settled = ageDays > 30;
  if (ageDays < 7 || dice.chance(settled ? 0.2 : 0.55)) return { status: '新线索', owner: '' };
  const status = dice.weighted([
    ['跟进中', settled ? 20 : 45],
    ['重点跟进', settled ? 5 : 10],
    ['培育中', settled ? 10 : 20],
    ['成交', settled ? 65 : 25],
  ]);
  return { status, owner: dice.pick(SALES_STAFF) };
}

/**
 * How likely a decided lead was won, by what drives sales in the method's own terms: a referral or a
 * decision maker on the line wins far more often, a need that fits helps, and the budget (25 of the
 * 100 points by default) hardly matters. The demo's analysis and calibration then find a real pattern.
 */
export function winChance(fields: Readonly<LeadFields>): number {
  const source: Readonly<Record<string, number>> = {
    客户推荐: 2.2,
    电话咨询: 1.3,
    展会: 1,
    官网表单: 0.85,
    电商平台: 0.9,
  };
  const authority: Readonly<Record<string, number>> = {
    [AUTHORITY[0].zh]: 2.6,
    [AUTHORITY[1].zh]: 0.8,
    [AUTHORITY[2].zh]: 0.25,
  };
  const need: Readonly<Record<string, number>> = {
    [NEED_FIT[0].zh]: 1.5,
    [NEED_FIT[1].zh]: 1,
    [NEED_FIT[2].zh]: 0.35,
  };
  const chance =
    0.28 *
    (source[String(fields.source)] ?? 0.7) *
    (authority[String(fields.authority)] ?? 0.8) *
    (need[String(fields.needFit)] ?? 0.8);
  return Math.min(0.9, Math.max(0.02, chance));
}

/** A decided lead's outcome: won by winChance, else not won or lost; other statuses stay. */
function settle(fates: Dice, fields: LeadFields): LeadFields {
  if (fields.status !== '成交') return fields;
  const status = fates.chance(winChance(fields)) ? '成交' : fates.chance(0.55) ? '未成交' : '流失';
  return { ...fields, status };
}

function draftLead(dice: Dice, enteredAt: Date): LeadDraft {
  const source = dice.weighted(SOURCE_WEIGHTS);
  const consumer = source === '电商平台' ? dice.chance(0.7) : dice.chance(0.08);
  const region = dice.weighted(REGION_WEIGHTS);
  const industry = consumer ? undefined : dice.pick(INDUSTRIES);
  const contactTitle = dice.pick(consumer ? B2C_TITLES : B2B_TITLES);
  const budget = dice.chance(0.17) ? undefined : budgetAmount(dice, { consumer, industry });
  return {
    source,
    consumer,
    region,
    city: dice.pick(REGIONS[region]),
    industry,
    contactTitle,
    budget,
    enteredAt,
  };
}

function leadFields(dice: Dice, fates: Dice, draft: LeadDraft, now: Date): LeadFields {
  const { industry, city, budget, enteredAt } = draft;
  const ageDays = (now.getTime() - enteredAt.getTime()) / DAY_MS;
  const sales = draft.source === '电话咨询' || draft.source === '客户推荐';
  return settle(fates, {
    source: draft.source,
    contact: contactName(dice, draft.contactTitle),
    phone: phoneOrWeChat(dice, city),
    company: industry ? companyName(dice, city, industry) : '',
    need: industry ? `${dice.pick(industry.needs)}需求` : dice.pick(CONSUMER_NEEDS),
    budget: budgetText(dice, budget),
    expectedClose: expectedCloseText(dice, enteredAt),
    region: draft.region,
    industry: industry?.name ?? '个人消费',
    needFit: needFitLabel(dice),
    // Most rows leave these blank so the tool derives them; some salespeople set them by hand.
    budgetFit: budget !== undefined && dice.chance(0.2) ? budgetFitLabel(budget) : '',
    authority: authorityLabel(dice, draft.contactTitle),
    urgency: dice.chance(0.18) ? urgencyLabel(dice) : '',
    ...progress(dice, ageDays),
    enteredBy: dice.pick(sales ? SALES_STAFF : MARKETING_STAFF),
    // A few rows are missing Entered at; scoring fills them with the current time.
    enteredAt: dice.chance(0.03) ? '' : wallClock(enteredAt, 'yyyy-MM-dd HH:mm'),
  });
}

/** 00:00 in Shanghai of the day `ms` falls on there. */
function shanghaiMidnight(ms: number): number {
  const local = ms + SHANGHAI_OFFSET_MS;
  return local - (local % DAY_MS) - SHANGHAI_OFFSET_MS;
}

/** Entry times over the last HISTORY_DAYS, in office hours, oldest first. */
function entryTimes(dice: Dice, count: number, now: Date): Date[] {
  const times: Date[] = [];
  for (let i = 0; i < count; i++) {
    const day = now.getTime() - dice.int(0, HISTORY_DAYS) * DAY_MS;
    const dayStart = shanghaiMidnight(day);
    const time = dayStart + dice.int(9 * 60, 19 * 60) * 60 * 1000;
    // Today's office hours may still be ahead: those entries move to yesterday.
    times.push(new Date(time > now.getTime() ? time - DAY_MS : time));
  }
  return times.sort((a, b) => a.getTime() - b.getTime());
}

/**
 * Lead IDs as the team would have typed them (`YYYYMM` + sequence + `-` + source), numbered on
 * from the template's IDs; about a quarter are left blank for the tool to generate.
 */
function assignIds(dice: Dice, leads: LeadFields[], drafts: readonly LeadDraft[]): void {
  const sequences = new Map<string, number>([['202405', TEMPLATE_LEADS.length]]);
  leads.forEach((lead, i) => {
    if (dice.chance(0.25)) {
      lead.id = '';
      return;
    }
    const month = wallClock(drafts[i].enteredAt, 'yyyyMM');
    const sequence = (sequences.get(month) ?? 0) + 1;
    sequences.set(month, sequence);
    lead.id = `${month}${String(sequence).padStart(3, '0')}-${lead.source}`;
  });
}

/** The same customer entered twice (the template's "several people on one customer"). */
function addDuplicates(dice: Dice, leads: LeadFields[]): void {
  const copies = Math.floor(leads.length / 80);
  for (let n = 0; n < copies; n++) {
    const original = leads[dice.int(0, Math.floor(leads.length / 2))];
    const copy = leads[dice.int(Math.floor(leads.length / 2) + 1, leads.length - 1)];
    Object.assign(copy, {
      contact: original.contact,
      phone: original.phone,
      company: original.company,
    });
  }
}

function toRow(fields: LeadFields): unknown[] {
  return LEAD_COLUMNS.map((column) => fields[column.key] ?? '');
}

const CLOSED_STATUSES = new Set(['成交', '未成交', '流失']);
/** Days to the next follow-up a salesperson sets, by status: key leads daily, nurturing monthly. */
const NEXT_FOLLOW_UP_DAYS: Readonly<Record<string, readonly [number, number]>> = {
  重点跟进: [1, 1],
  跟进中: [2, 7],
  培育中: [14, 30],
};

const at = (ms: number) => new Date(Math.round(ms / 60_000) * 60_000);
const typedTime = (date: Date) => wallClock(date, 'yyyy-MM-dd HH:mm');

/**
 * What an owned lead's row shows of its past: assigned hours after entry, first contacted soon after,
 * last followed up recently, or, for about a quarter of open leads, more than a week ago (those are
 * the neglected leads the first hourly run sends to the pool).
 */
function followUpHistory(
  dice: Dice,
  status: string,
  enteredAt: Date,
  now: Date,
): Pick<LeadFields, 'assignedAt' | 'firstContactAt' | 'lastFollowUpAt' | 'nextFollowUpDue'> {
  const nowMs = now.getTime();
  const assignedAt = at(Math.min(nowMs, enteredAt.getTime() + dice.int(1, 20) * HOUR_MS));
  const firstContactAt = at(Math.min(nowMs, assignedAt.getTime() + dice.int(1, 60) * HOUR_MS));
  const quietDays = dice.chance(0.25) ? dice.int(8, 20) : dice.int(0, 6);
  const lastMs = nowMs - quietDays * DAY_MS - dice.int(0, 8) * HOUR_MS;
  const lastFollowUpAt = at(Math.max(firstContactAt.getTime(), lastMs));
  const nextDays = NEXT_FOLLOW_UP_DAYS[status];
  return {
    assignedAt: typedTime(assignedAt),
    firstContactAt: typedTime(firstContactAt),
    lastFollowUpAt: typedTime(lastFollowUpAt),
    nextFollowUpDue:
      nextDays && !CLOSED_STATUSES.has(status)
        ? typedTime(at(lastFollowUpAt.getTime() + dice.int(...nextDays) * DAY_MS))
        : '',
  };
}

/**
 * `count` Leads rows (at least the template's two) in LEAD_COLUMNS order with Chinese labels,
 * as a person would type them; entries reach back four months from `now`.
 */
export function demoLeads(count: number, now: Date): unknown[][] {
  const dice = new Dice(seededRandom(SEED));
  const extra = Math.max(0, Math.floor(count) - TEMPLATE_LEADS.length);
  const drafts = entryTimes(dice, extra, now).map((time) => draftLead(dice, time));
  // Outcomes roll their own dice, so the leads themselves stay as they always were.
  const fates = new Dice(seededRandom(SEED + 2));
  const leads = drafts.map((draft) => leadFields(dice, fates, draft, now));
  assignIds(dice, leads, drafts);
  addDuplicates(dice, leads);
  // A dice of its own, so the history leaves the leads themselves as they always were.
  const history = new Dice(seededRandom(SEED + 1));
  leads.forEach((lead, i) => {
    if (lead.owner)
      Object.assign(lead, followUpHistory(history, String(lead.status), drafts[i].enteredAt, now));
  });
  return [...TEMPLATE_LEADS, ...leads].map(toRow);
}

/** A member of the demo's sales team as the Settings team table lists them. */
export interface DemoTeamMember {
  readonly name: string;
  readonly email: string;
  readonly role: 'sales' | 'manager';
  readonly active: boolean;
  /** How likely they follow up on a lead between two runs of the hourly job. */
  readonly diligence: number;
}

/**
 * Five active salespeople, one on leave (the rules skip her, but her leads still go stale), and
 * the manager, who takes key accounts. The names are the owners the demo leads already carry.
 */
export const DEMO_TEAM: readonly DemoTeamMember[] = [
  { name: '王磊', email: 'wanglei@example.com', role: 'sales', active: true, diligence: 0.85 },
  { name: '李娜', email: 'lina@example.com', role: 'sales', active: true, diligence: 0.75 },
  { name: '陈刚', email: 'chengang@example.com', role: 'sales', active: true, diligence: 0.55 },
  { name: '赵敏', email: 'zhaomin@example.com', role: 'sales', active: true, diligence: 0.8 },
  { name: '黄俊', email: 'huangjun@example.com', role: 'sales', active: true, diligence: 0.4 },
  { name: '吴倩', email: 'wuqian@example.com', role: 'sales', active: false, diligence: 0 },
  {
    name: '周建华',
    email: 'zhoujianhua@example.com',
    role: 'manager',
    active: true,
    diligence: 0.9,
  },
];

/** Owners the demo does not know (an imported workbook's) follow up this often. */
const DEFAULT_DILIGENCE = 0.6;

export const DEMO_MANAGER_EMAILS: readonly string[] = DEMO_TEAM.filter(
  (m) => m.role === 'manager',
).map((m) => m.email);

export interface DemoRule {
  readonly region: string;
  readonly industry: string;
  readonly minBudget?: number;
  readonly assignTo: readonly string[];
}

/** The first matching rule wins, so key accounts (a budget reaching 100万) come first. */
export const DEMO_RULES: readonly DemoRule[] = [
  { region: '', industry: '', minBudget: 200, assignTo: ['周建华'] },
  { region: '华东', industry: '', assignTo: ['王磊', '李娜'] },
];

/** A WeCom group robot; the local runtime records the request and sends nothing. */
export const DEMO_CHAT_WEBHOOK = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo';

/** When the hourly job runs after set-up: later the same day, then one, three and eight days on. */
export const SIMULATED_RUNS: readonly { readonly label: string; readonly hoursAfter: number }[] = [
  { label: 'the same day', hoursAfter: 1 },
  { label: '1 day later', hoursAfter: 24 },
  { label: '3 days later', hoursAfter: 72 },
  { label: '8 days later', hoursAfter: 192 },
];

/** An owned open lead as a salesperson sees it between two runs. */
export interface OwnedLead {
  readonly id: string;
  readonly owner: string;
  readonly grade: string;
  readonly assignedAt: Date | undefined;
  readonly firstContactAt: Date | undefined;
}

export type FollowUpMethod = (typeof FOLLOW_UP_METHOD)[number]['key'];

/** One contact with a lead, which its owner logs in the follow-up sidebar. */
export interface DemoFollowUp {
  readonly id: string;
  readonly by: string;
  readonly at: Date;
  /** The lead's first contact, after which the lead has a First contact at. */
  readonly first: boolean;
  readonly method: FollowUpMethod;
  readonly note: Bilingual;
}

const FOLLOW_UP_NOTES: readonly Bilingual[] = [
  { zh: '电话沟通需求细节，客户有意向', en: 'Called about the need; the customer is interested' },
  { zh: '发送方案与报价', en: 'Sent the proposal and a quote' },
  { zh: '微信跟进，约下周演示', en: 'Followed up on WeChat; demo booked for next week' },
  { zh: '客户内部评估中，稍后再联系', en: 'Still evaluating internally; call back later' },
  { zh: '上门拜访，了解现有系统', en: 'Visited to see their current system' },
];

/** Grades decide who gets called first: A leads nearly always, D leads rarely. */
const GRADE_WEIGHT: Readonly<Record<string, number>> = { A: 1, B: 0.85, C: 0.6, D: 0.3 };

/** A stable seed per lead and round, so a lead's fate does not depend on the others. */
const hashOf = fnv1a;

/** A half hour of office time (09:00–18:00 in Shanghai) strictly between `from` and `to`. */
function officeTimeBetween(dice: Dice, from: number, to: number): Date | undefined {
  const slots: number[] = [];
  for (let day = shanghaiMidnight(from); day < to; day += DAY_MS) {
    for (let minutes = 9 * 60; minutes <= 18 * 60; minutes += 30) {
      const slot = day + minutes * 60_000;
      if (slot > from && slot < to) slots.push(slot);
    }
  }
  return slots.length > 0 ? new Date(dice.pick(slots)) : undefined;
}

function diligenceOf(owner: string): number {
  return demoMember(owner)?.diligence ?? DEFAULT_DILIGENCE;
}

/** The demo team member named `name`, as written or as a Traditional Chinese workbook spells it. */
export function demoMember(name: string): DemoTeamMember | undefined {
  return DEMO_TEAM.find((m) => m.name === name || traditionalOf(m.name) === name);
}

/**
 * Who follows up on which owned lead between two runs, and when. Diligent owners and good grades
 * get more follow-ups; a lead left alone long enough goes to the pool on a later run.
 */
export function demoFollowUps(
  leads: readonly OwnedLead[],
  window: { readonly from: Date; readonly to: Date },
  round: number,
): DemoFollowUp[] {
  return leads.flatMap((lead) => {
    const dice = new Dice(seededRandom(hashOf(`${lead.id}|${round}`)));
    const chance = diligenceOf(lead.owner) * (GRADE_WEIGHT[lead.grade] ?? 0.5);
    if (!dice.chance(chance)) return [];
    const from = Math.max(window.from.getTime(), lead.assignedAt?.getTime() ?? 0);
    const when = officeTimeBetween(dice, from, window.to.getTime());
    if (!when) return [];
    return [
      {
        id: lead.id,
        by: lead.owner,
        at: when,
        first: !lead.firstContactAt,
        method: dice.pick(FOLLOW_UP_METHOD).key,
        note: dice.pick(FOLLOW_UP_NOTES),
      },
    ];
  });
}
