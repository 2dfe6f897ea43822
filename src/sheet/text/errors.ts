// What stops a run, and what it tells the person: a missing tab or column, a busy spreadsheet, a
// chat webhook that cannot be reached.

import type { Bilingual } from '../language';
import { type Catalogue, template } from './entry';

export const ERRORS = {
  /** A tab a person named (to import, or that a form fills) that the spreadsheet lacks. */
  noSuchTab: template({
    en: (tab: string) => `There is no tab named "${tab}".`,
    zh: (tab) => `没有名为「${tab}」的工作表。`,
  }),
  failed: template({ en: (action: string) => `${action} failed`, zh: (action) => `${action}失败` }),
  settingsNeedFixing: { en: 'Settings need fixing', zh: '设置有误，请修正' },
  busy: {
    en: 'Another Lead Tracker task is running. Please try again in a minute.',
    zh: '另一个线索跟踪任务正在运行，请稍后再试。',
  },
  noSpreadsheet: {
    en: 'Lead Tracker could not open its spreadsheet. Open the spreadsheet and run it from the menu.',
    zh: '线索跟踪无法打开所在的表格，请打开表格后从菜单运行。',
  },
  missingTab: template({
    en: (name: Bilingual) =>
      `The "${name.en}" (${name.zh}) tab is missing. Run "Set up sheets" first.`,
    zh: (name) => `找不到「${name.zh}」(${name.en}) 工作表。请先运行“设置表格”。`,
  }),
  /** A column as a missing-column message names it: in this language, then in the other. */
  columnNamed: template({
    en: (header: Bilingual) => `${header.en} (${header.zh})`,
    zh: (header) => `${header.zh} (${header.en})`,
  }),
  missingColumns: template({
    en: (tab: string, headers: readonly string[]) => {
      const many = headers.length > 1;
      const named = headers.map((header) => `"${header}"`).join(', ');
      return `The ${tab} tab is missing the column${many ? 's' : ''} ${named}. Run "Set up sheets" to add ${many ? 'them' : 'it'}.`;
    },
    zh: (tab, headers) => `「${tab}」缺少列：${headers.join('、')}。请运行“设置表格”补回这些列。`,
  }),
  rowsKeptMoving: template({
    en: (tab: string) =>
      `Rows of "${tab}" kept moving while Lead Tracker wrote to it; nothing was lost. Run it again.`,
    zh: (tab) => `「${tab}」的行在写入期间不断移动；没有丢失数据，请再运行一次。`,
  }),
  dingTalkEmptySecret: {
    en: 'The DingTalk webhook URL has an empty secret= parameter.',
    zh: '钉钉 Webhook 地址中的 secret= 参数为空。',
  },
  dingTalkUnsigned: {
    en: 'The DingTalk webhook needs signing (its URL has secret=), but no HMAC-SHA256 signer was given.',
    zh: '钉钉 Webhook 需要加签（地址含 secret=），但未提供 HMAC-SHA256 签名函数。',
  },
  chatHostUnsupported: template({
    en: (host: string) =>
      `Chat webhook host "${host}" is not supported; use a WeCom (qyapi.weixin.qq.com), DingTalk ` +
      `(oapi.dingtalk.com), Google Chat (chat.googleapis.com) or Slack (hooks.slack.com) webhook URL.`,
    zh: (host) =>
      `不支持的群机器人地址 "${host}"：请填写企业微信、钉钉、Google Chat 或 Slack 的 Webhook 地址。`,
  }),
  chatNotHttps: template({
    en: (host: string) => `The chat webhook URL must start with https:// (host "${host}").`,
    zh: (host) => `群机器人 Webhook 地址必须以 https:// 开头（"${host}"）。`,
  }),
} satisfies Catalogue;
