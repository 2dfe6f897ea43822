// What Lead Tracker remembers between runs, kept in a hidden tab of the spreadsheet itself (SPEC
// §11): read in one call when an operation starts, held in memory, written in one call at its end.
// Document properties would not do: a time-driven add-on run has none, and script properties are
// shared by every spreadsheet and person using the script.

import { importLegacyProperties, forgetLegacyProperties } from './legacyState';
import { APP, inEveryLanguage } from '../sheet/text';
import { type Sheet, type Spreadsheet, spreadsheetIdOf } from './workbook';
import { startExecution } from './executionMemo';

export const STATE_TAB = '_LeadTrackerState';

const NOTE = inEveryLanguage(APP.stateTabNote);

/** Sheets holds 50,000 characters per cell; a longer value continues in the next cell. */
const CELL_CHARS = 40_000;
/**
 * Every stored piece starts with this mark, so Sheets keeps it as text: a piece of JSON may begin
 * with `=`, `+`, `-` or digits, which Sheets would read as a formula or a number.
 */
const MARK = '~';
/** Rows a new state tab keeps (it needs about twenty); Sheets would give it 1,000. */
const NEW_TAB_ROWS = 30;

export const STATE_KEYS = {
  roundRobin: 'roundRobin',
  flaggedDuplicates: 'flaggedDuplicates',
  clearedDuplicates: 'clearedDuplicates',
  recycleCounts: 'recycleCounts',
  mailLedger: 'mailLedger',
  leadIdSequences: 'leadIdSequences',
  leadershipCopy: 'leadershipCopyId',
  automation: 'automation',
  lease: 'lease',
  legacyMoved: 'legacyPropertiesMoved',
  spreadsheetId: 'spreadsheetId',
  pendingImport: 'pendingImport',
  analysisRefreshedAt: 'analysisRefreshedAt',
  analysisCharts: 'analysisCharts',
  webLeadsThisHour: 'webLeadsThisHour',
  formTrigger: 'formTrigger',
  formResponsesSeen: 'formResponsesSeen',
  archiveBooks: 'archiveBooks',
  archivePending: 'archivePending',
  archivedOn: 'archivedOn',
  /** The day and rules of the last pass that scored every lead. */
  fullScoringPass: 'fullScoringPass',
  /** The period key of the last periodic report sent (SPEC §14). */
  reportSent: 'reportSent',
} as const;

/**
 * What a copy of the spreadsheet (File → Make a copy, or a download uploaded again) must not take
 * over from the original: its automation, its lease, its leadership copy and its archives are the
 * original's (a copy archiving into them would put its leads there a second time).
 */
const ORIGINAL_ONLY = [
  STATE_KEYS.automation,
  STATE_KEYS.lease,
  STATE_KEYS.leadershipCopy,
  STATE_KEYS.archiveBooks,
];

/** `formattedRows:<sheet ID>`: how many rows of a tab set-up formatted. */
export const formattedRowsKey = (sheetId: number) => `formattedRows:${sheetId}`;

/** `formattedCompanyRequired:<sheet ID>`: whether Leads' marking of blank required cells includes Company. */
export const formattedCompanyKey = (sheetId: number) => `formattedCompanyRequired:${sheetId}`;

/**
 * Records written to the spreadsheet as soon as they change, not at the end of the run: each is
 * stored before the act it records (a mail sent, a Pool row removed), so a run that dies after the
 * act never repeats or forgets it.
 */
const SAVED_AT_ONCE: ReadonlySet<string> = new Set([
  STATE_KEYS.mailLedger,
  STATE_KEYS.reportSent,
  STATE_KEYS.recycleCounts,
]);

interface OpenState {
  readonly spreadsheet: Spreadsheet;
  sheet: Sheet | null;
  /** Each key's JSON as stored. */
  readonly text: Map<string, string>;
  /** Sheet row of each stored key. */
  readonly rowOf: Map<string, number>;
  readonly dirty: Set<string>;
  /** Last row and column holding anything, as read. */
  lastRow: number;
  width: number;
  /** The grid's size where known (it is read only when a write goes past what was read). */
  maxRows: number | undefined;
  maxColumns: number | undefined;
  legacyKeys: string[];
  /** The tab is missing, or a run died while creating it: hide it and write its note. */
  needsSetUp: boolean;
}

let open: OpenState | undefined;

function current(): OpenState {
  if (!open) throw new Error('Lead Tracker state was used before beginState.');
  return open;
}

const piecesOf = (text: string): string[] => {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += CELL_CHARS) pieces.push(text.slice(at, at + CELL_CHARS));
  return pieces;
};

const unmark = (cell: unknown): string => {
  const text = String(cell ?? '');
  return text.startsWith(MARK) ? text.slice(MARK.length) : text;
};

/**
 * Starts an execution's state: reads the state tab in one call (none when the spreadsheet has no
 * state tab yet) and forgets anything held from an earlier execution in the same script instance.
 */
export function beginState(spreadsheet: Spreadsheet): void {
  startExecution();
  const sheet = spreadsheet.getSheetByName(STATE_TAB);
  const grid = sheet ? sheet.getDataRange().getValues() : [];
  const state: OpenState = {
    spreadsheet,
    sheet,
    text: new Map(),
    rowOf: new Map(),
    dirty: new Set(),
    lastRow: sheet ? grid.length : 0,
    width: grid[0]?.length ?? 0,
    maxRows: undefined,
    maxColumns: undefined,
    legacyKeys: [],
    needsSetUp: grid[0]?.[0] !== NOTE,
  };
  // Row 1 is the note; each later row is a key and its JSON, split over as many cells as it needs.
  grid.slice(1).forEach((row, i) => {
    const key = String(row[0] ?? '').trim();
    if (!key) return;
    state.rowOf.set(key, i + 2);
    state.text.set(key, row.slice(1).map(unmark).join(''));
  });
  open = state;
  const id = spreadsheetIdOf(spreadsheet);
  const recorded = readState<string | null>(STATE_KEYS.spreadsheetId, null);
  if (recorded !== id) {
    if (recorded) for (const key of ORIGINAL_ONLY) setInMemory(state, key, null);
    setInMemory(state, STATE_KEYS.spreadsheetId, id);
  }
  if (!state.text.has(STATE_KEYS.legacyMoved)) moveLegacyProperties(state);
}

/** Changes a value for the run's next save, never saving at once (unlike writeState). */
function setInMemory(state: OpenState, key: string, value: unknown): void {
  const text = JSON.stringify(value) ?? 'null';
  if (state.text.get(key) === text) return;
  state.text.set(key, text);
  state.dirty.add(key);
}

/**
 * Brings in what earlier versions kept in document properties, once per spreadsheet; they are
 * deleted after the state tab holds them. A run without a document cannot see them, so the first
 * run with one does this.
 */
function moveLegacyProperties(state: OpenState): void {
  const legacy = importLegacyProperties();
  if (!legacy) return;
  // Set directly, not through writeState: everything goes out in the run's first save.
  const values: Record<string, unknown> = { ...legacy.values, [STATE_KEYS.legacyMoved]: true };
  for (const [key, value] of Object.entries(values)) {
    if (!state.text.has(key)) setInMemory(state, key, value);
  }
  state.legacyKeys = legacy.keys;
}

/** Reads a JSON value, or `fallback` when absent or damaged (a damaged value only loses memory). */
export function readState<T>(key: string, fallback: T): T {
  const text = current().text.get(key);
  if (text === undefined || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Changes a value in memory; saveState writes it (the mail ledger and recycle counts at once). */
export function writeState(key: string, value: unknown): void {
  const state = current();
  setInMemory(state, key, value);
  if (SAVED_AT_ONCE.has(key) && state.dirty.has(key)) saveState();
}

/**
 * The hidden state tab, created without moving the person's view off the tab they are on; a tab
 * left half made by a run that died is hidden again (hiding twice is harmless).
 */
function setUpStateTab(spreadsheet: Spreadsheet, state: OpenState): Sheet {
  if (state.sheet) {
    state.sheet.hideSheet();
    return state.sheet;
  }
  const viewing = spreadsheet.getActiveSheet() as Sheet | null;
  const sheet = spreadsheet.insertSheet(STATE_TAB);
  sheet.hideSheet();
  viewing?.activate();
  const rows = sheet.getMaxRows();
  if (rows > NEW_TAB_ROWS) sheet.deleteRows(NEW_TAB_ROWS + 1, rows - NEW_TAB_ROWS);
  state.maxRows = Math.min(rows, NEW_TAB_ROWS);
  state.lastRow = 0;
  state.width = 0;
  return sheet;
}

/** Makes room for a block ending at `lastRow` and `width`, asking the grid's size only then. */
function ensureGrid(sheet: Sheet, state: OpenState, lastRow: number, width: number): void {
  if (lastRow > state.lastRow) {
    state.maxRows ??= sheet.getMaxRows();
    if (lastRow > state.maxRows) {
      sheet.insertRowsAfter(state.maxRows, lastRow - state.maxRows);
      state.maxRows = lastRow;
    }
  }
  if (width > state.width) {
    state.maxColumns ??= sheet.getMaxColumns();
    if (width > state.maxColumns) {
      sheet.insertColumnsAfter(state.maxColumns, width - state.maxColumns);
      state.maxColumns = width;
    }
  }
}

/**
 * Writes every changed key in one call: the rows from the first changed key to the last (keys in
 * between are written back as they were). Nothing changed, no call. Callable early, e.g. right
 * before an act that must not be repeated.
 */
export function saveState(): void {
  const state = current();
  if (state.dirty.size === 0) return;
  const sheet = state.needsSetUp ? setUpStateTab(state.spreadsheet, state) : (state.sheet as Sheet);
  state.sheet = sheet;
  let next = Math.max(state.lastRow, 1) + 1;
  for (const key of state.dirty) if (!state.rowOf.has(key)) state.rowOf.set(key, next++);
  const dirtyRows = [...state.dirty].map((key) => state.rowOf.get(key) as number);
  // A new tab also gets its note in row 1.
  const first = state.needsSetUp ? 1 : Math.min(...dirtyRows);
  const last = Math.max(...dirtyRows);
  const keyAt = new Map([...state.rowOf].map(([key, row]) => [row, key]));
  const lines: string[][] = [];
  for (let row = first; row <= last; row++) {
    const key = keyAt.get(row);
    if (row === 1) lines.push([NOTE]);
    else if (key === undefined) lines.push([]);
    else lines.push([key, ...piecesOf(state.text.get(key) ?? '').map((p) => MARK + p)]);
  }
  // As wide as the widest value, and as what was there, so a value that shrank leaves no tail.
  const width = Math.max(state.width, ...lines.map((line) => line.length), 1);
  ensureGrid(sheet, state, last, width);
  sheet
    .getRange(first, 1, lines.length, width)
    .setValues(lines.map((line) => [...line, ...Array<string>(width - line.length).fill('')]));
  state.lastRow = Math.max(state.lastRow, last);
  state.width = width;
  state.dirty.clear();
  state.needsSetUp = false;
  if (state.legacyKeys.length > 0) {
    forgetLegacyProperties(state.legacyKeys);
    state.legacyKeys = [];
  }
}

/** Ends the execution's state: later reads or writes are mistakes and throw. */
export function endState(): void {
  open = undefined;
}
