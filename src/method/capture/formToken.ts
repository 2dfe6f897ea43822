// Compares a sent web form token with the spreadsheet's, in time that does not depend on where
// they differ, so an attacker cannot find the token character by character by timing answers.

/** True when `sent` is exactly `expected`; a blank expected token (the form is off) never matches. */
export function tokenMatches(expected: string, sent: unknown): boolean {
  if (expected === '' || typeof sent !== 'string') return false;
  let difference = expected.length ^ sent.length;
  for (let i = 0; i < expected.length; i++) {
    difference |= expected.charCodeAt(i) ^ (sent.charCodeAt(i) | 0);
  }
  return difference === 0;
}
