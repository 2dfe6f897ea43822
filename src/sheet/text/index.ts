// The one catalogue of what the add-on says, by area, and how to read an entry in a language. The
// sidebar, and what it shares with the server, import the areas they need one by one instead: a
// bundle that imports this file carries every area.

export { ANALYSIS } from './analysis';
export { APP } from './app';
export { ARCHIVE } from './archive';
export { AUTOMATION } from './automation';
export { COLUMNS } from './columns';
export { CAPTURE } from './capture';
export { ERRORS } from './errors';
export { formatCount } from './count';
export { FOLLOW_UP } from './followUp';
export { IMPORT } from './importing';
export { LEAD_CELLS } from './leadCells';
export { MENU, OPERATIONS } from './menu';
export { MY_DAY } from './myDay';
export { POOL_CLAIMS } from './poolClaims';
export { REMINDERS } from './reminders';
export { REPORT } from './report';
export { SETTINGS } from './settings';
export { SHEETS } from './sheets';
export { SIDEBAR } from './sidebar';
export { VALUES } from './values';
export {
  type Catalogue,
  type Entry,
  type Phrase,
  type Template,
  inEveryLanguage,
  t,
  template,
} from './entry';
