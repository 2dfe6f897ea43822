// Reads, once, the state earlier versions kept in document properties, so a spreadsheet that used
// them keeps its round-robin pointers, duplicate flags, mail ledger and leadership copy.

/** JSON values that were split over `key#0`, `key#1`… with the count under `key`. */
const CHUNKED = [
  'roundRobin',
  'flaggedDuplicates',
  'clearedDuplicates',
  'recycleCounts',
  'mailLedger',
] as const;
/** The spreadsheet ID earlier versions also kept in script properties (shared by everyone). */
const SCRIPT_SPREADSHEET_KEY = 'automationSpreadsheetId';

export interface LegacyState {
  readonly values: Record<string, unknown>;
  /** Document property keys to delete once the values are stored elsewhere. */
  readonly keys: string[];
}

function parsed(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined; // a damaged value only loses memory, as before
  }
}

/** The old values, or null where document properties cannot be read (no document, or no auth). */
export function importLegacyProperties(): LegacyState | null {
  let all: Record<string, string>;
  try {
    const properties = PropertiesService.getDocumentProperties();
    if (!properties) return null;
    all = properties.getProperties();
  } catch {
    return null;
  }
  const values: Record<string, unknown> = {};
  for (const key of CHUNKED) {
    const count = Number(all[key] ?? 0);
    if (!count) continue;
    let raw = '';
    for (let i = 0; i < count; i++) raw += all[`${key}#${i}`] ?? '';
    const value = parsed(raw);
    if (value !== undefined) values[key] = value;
  }
  const sequences = parsed(all.leadIdSequences);
  if (sequences !== undefined) values.leadIdSequences = sequences;
  if (all.leadershipCopyId) values.leadershipCopyId = all.leadershipCopyId;
  for (const [key, raw] of Object.entries(all)) {
    if (key.startsWith('formattedRows:') && Number(raw) > 0) values[key] = Number(raw);
  }
  const ours = new Set<string>([...CHUNKED, 'leadIdSequences', 'leadershipCopyId']);
  const keys = Object.keys(all).filter(
    (key) => ours.has(key.replace(/#\d+$/, '')) || key.startsWith('formattedRows:'),
  );
  return { values, keys };
}

/** Deletes the old properties, and the old shared spreadsheet ID, after their values were saved. */
export function forgetLegacyProperties(keys: readonly string[]): void {
  const properties = PropertiesService.getDocumentProperties();
  for (const key of keys) properties?.deleteProperty(key);
  PropertiesService.getScriptProperties().deleteProperty(SCRIPT_SPREADSHEET_KEY);
}
