// A new web form token: 32 hex digits from Google's random UUID (122 random bits), beyond guessing.

export function newFormToken(): string {
  return Utilities.getUuid().replace(/-/g, '');
}
