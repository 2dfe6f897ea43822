// What turning automation on and off, and a leadership copy that cannot be opened, tell people, in
// both languages.

import { calendarDateOf, formatCalendarDate, type TimeZone } from './calendar';
import type { Bilingual, Language } from './language';

/** A person as named in a message: their address, or a description where Google withheld it. */
function who(email: string, language: Language): string {
  if (email) return email;
  return language === 'zh' ? '另一位编辑者' : 'another editor';
}

const day = (at: number, zone: TimeZone) => formatCalendarDate(calendarDateOf(new Date(at), zone));

export const AUTOMATION_TITLE: Bilingual = { en: 'Lead Tracker', zh: '线索跟踪' };

export function automationOn(language: Language): string {
  return language === 'zh'
    ? '自动化已开启：每小时运行一次。'
    : 'Automation is on: the job runs every hour.';
}

export function automationRecreated(language: Language): string {
  return language === 'zh'
    ? '自动化已重新开启：你的每小时触发器已不存在，现已重新创建。'
    : 'Automation is on again: your hourly trigger was gone and has been created anew.';
}

export function automationAlreadyOn(
  by: string,
  at: number,
  zone: TimeZone,
  byCaller: boolean,
  language: Language,
): string {
  const date = day(at, zone);
  if (byCaller) {
    return language === 'zh'
      ? `自动化已开启：你已于 ${date} 开启，无需再次开启。`
      : `Automation is already on: you turned it on on ${date}. Nothing was changed.`;
  }
  return language === 'zh'
    ? `本表格的自动化已开启：由 ${who(by, language)} 于 ${date} 开启，每小时为所有人运行一次。未做任何更改。`
    : `Automation is already on for this spreadsheet: ${who(by, language)} turned it on on ${date}. It runs once an hour for everyone; nothing was changed.`;
}

export function automationOff(previousBy: string | null, language: Language): string {
  if (previousBy === null) return language === 'zh' ? '自动化已关闭。' : 'Automation is off.';
  return language === 'zh'
    ? `自动化已关闭。${who(previousBy, language)} 的每小时触发器会在下次运行时自行停止。`
    : `Automation is off. The hourly trigger of ${who(previousBy, language)} stops by itself at its next run.`;
}

export const LEADERSHIP_COPY_ACTION: Bilingual = { en: 'Leadership copy', zh: '领导副本' };

/** Why the leadership copy was not refreshed, and the two ways to fix it. */
export function leadershipCopyUnreachable(id: string, user: string, language: Language): string {
  if (language === 'zh') {
    const person = user || '运行线索跟踪的账号';
    return `领导副本 ${id} 无法由 ${person} 打开：请把它共享给该账号，或再次选择“分享给领导…”新建一份。`;
  }
  const person = user || 'the account running Lead Tracker';
  return `The leadership copy ${id} could not be opened by ${person}: share it with them or choose "Share with leadership…" again to make a new one.`;
}
