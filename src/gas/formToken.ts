// A new web form token: 32 hex digits from Google's random UUID (122 random bits), beyond guessing.
// It starts with letters so Sheets keeps it as text: all digits, or digits around an `e`, would be
// read as a number and lose digits.

export function newFormToken(): string {
  return `LT${Utilities.getUuid().replace(/-/g, '')}`;
}
