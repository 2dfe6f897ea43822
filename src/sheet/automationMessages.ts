// What a leadership copy that cannot be opened tells people, in both languages.

import type { Bilingual, Language } from './language';

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
