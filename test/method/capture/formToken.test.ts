// The web form token comparison.

import { tokenMatches } from '../../../src/method/capture/formToken';

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('tokenMatches', () => {
  it('matches the same token only', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(TOKEN, TOKEN.replace(/f$/, 'e'))).toBe(false);
  });

  it('refuses a prefix, a longer token and a non-string', () => {
    expect(tokenMatches(TOKEN, TOKEN.slice(0, 16))).toBe(false);
    expect(tokenMatches(TOKEN, `${TOKEN}0`)).toBe(false);
    expect(tokenMatches(TOKEN, undefined)).toBe(false);
    expect(tokenMatches(TOKEN, ['x'])).toBe(false);
  });

  it('never matches when the spreadsheet has no token (the web form is off)', () => {
    expect(tokenMatches('', '')).toBe(false);
  });
});
