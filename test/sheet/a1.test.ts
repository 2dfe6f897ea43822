// A1 notation: column letters and the `Settings!B7` cell references used in messages.

import { cellRef, columnLetter } from '../../src/sheet/a1';

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [2, 'B'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('names column %i as %s', (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
  });
});

describe('cellRef', () => {
  it('writes a plain tab name without quotes, as in Settings!B7', () => {
    expect(cellRef('Settings', 7, 2)).toBe('Settings!B7');
  });

  it('uses the row number as given (1-based)', () => {
    expect(cellRef('Leads', 1, 1)).toBe('Leads!A1');
    expect(cellRef('Leads', 120, 28)).toBe('Leads!AB120');
  });

  it('quotes a tab name that contains a hyphen or a space', () => {
    expect(cellRef('Follow-ups', 3, 1)).toBe("'Follow-ups'!A3");
    expect(cellRef('My Settings', 4, 2)).toBe("'My Settings'!B4");
  });

  it('doubles an apostrophe inside a quoted tab name', () => {
    expect(cellRef("Bob's leads", 2, 3)).toBe("'Bob''s leads'!C2");
  });
});
