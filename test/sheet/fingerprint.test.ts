// The fingerprint is 32-bit FNV-1a: the published test vectors, and the same text the same number.

import { fnv1a } from '../../src/sheet/fingerprint';

describe('fnv1a', () => {
  it('gives the published FNV-1a values', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('is unsigned, and tells texts apart that differ in one character', () => {
    expect(fnv1a('需求40')).toBeGreaterThanOrEqual(0);
    expect(fnv1a('需求40')).not.toBe(fnv1a('需求20'));
  });
});
