// A short fingerprint of a text: the same text always gives the same number, another text almost
// surely another. For telling versions apart, never for secrets.

/** The 32-bit FNV-1a hash of a text's UTF-16 code units, as an unsigned number. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
