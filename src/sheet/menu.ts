// The add-on menu of SPEC §8; each item names the global function it runs, its caption that
// function's entry in the text catalogue.

import { type Phrase, APP, MENU } from './text';

export const MENU_TITLE: Phrase = APP.name;

export interface MenuEntry {
  readonly caption: Phrase;
  readonly functionName: keyof typeof MENU;
}

const item = (functionName: keyof typeof MENU): MenuEntry => ({
  caption: MENU[functionName],
  functionName,
});

/** In menu order; `null` draws a separator. */
export const MENU_ENTRIES: readonly (MenuEntry | null)[] = [
  item('setupSheets'),
  item('showMapColumnsDialog'),
  item('showImportDialog'),
  null,
  item('scoreAllLeads'),
  item('assignLeads'),
  item('showFollowUpSidebar'),
  item('returnPoolLeads'),
  null,
  item('runHourlyNow'),
  item('refreshAnalysis'),
  item('shareWithLeadership'),
  item('previewRuleChange'),
  item('sendPeriodicReport'),
  item('connectFormResponses'),
  item('archiveClosedLeads'),
  item('installAutomation'),
  item('removeAutomation'),
];
