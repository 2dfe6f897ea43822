// State that must survive between runs, kept in document properties as JSON: round-robin pointers,
// duplicate flags, recycle counts, the mail ledger. Values over one property's 9 KB are split.

/** Apps Script allows 9 KB per property value; stay under it with room for multi-byte text. */
const CHUNK_CHARS = 2500;

const chunkKey = (key: string, index: number) => `${key}#${index}`;

/** Reads a JSON value, or `fallback` when absent or damaged (a damaged value only loses memory). */
export function readState<T>(key: string, fallback: T): T {
  const properties = PropertiesService.getDocumentProperties();
  const count = Number(properties.getProperty(key) ?? 0);
  if (!count) return fallback;
  const all = properties.getProperties();
  let raw = '';
  for (let i = 0; i < count; i++) raw += all[chunkKey(key, i)] ?? '';
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

/** Writes a JSON value in one call; the chunk count is written with the chunks, so readers see all or nothing new. */
export function writeState(key: string, value: unknown): void {
  const properties = PropertiesService.getDocumentProperties();
  const raw = JSON.stringify(value);
  const chunks: Record<string, string> = {};
  let count = 0;
  for (let at = 0; at < raw.length || count === 0; at += CHUNK_CHARS) {
    chunks[chunkKey(key, count++)] = raw.slice(at, at + CHUNK_CHARS);
  }
  chunks[key] = String(count);
  properties.setProperties(chunks);
}

export const STATE_KEYS = {
  roundRobin: 'roundRobin',
  flaggedDuplicates: 'flaggedDuplicates',
  clearedDuplicates: 'clearedDuplicates',
  recycleCounts: 'recycleCounts',
  mailLedger: 'mailLedger',
} as const;
