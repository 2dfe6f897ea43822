// Reads down past a tab's last row: a person who inserts a row between the ask for the grid's size
// and the read pushes no lead out of it, even one whose cells read are blank.

import { readToEnd, rowsToEnd } from '../../src/gas/rowsToEnd';
import { fakeSheet } from '../support/fakeSheet';

/** Header, a lead, and two last leads with a contact but no Lead ID yet; the grid ends there. */
function fullTab() {
  return fakeSheet([
    ['Lead ID', 'Contact'],
    ['L1', '张三'],
    ['', '李四'],
    ['', '王五'],
  ]);
}

const idColumn = (tab: ReturnType<typeof fullTab>) =>
  readToEnd(
    tab.sheet,
    2,
    (count) =>
      tab.sheet
        .getRange(2, 1, count, 1)
        .getValues()
        .map((row) => row[0]),
    (ids) => ids.length > 0 && ids[ids.length - 1] !== '',
  );

describe('readToEnd in a grid without spare rows', () => {
  it('reads every row of the Lead ID column, the blank ID of the last lead included', () => {
    const tab = fullTab();
    expect(idColumn(tab)).toEqual(['L1', '', '']);
  });

  it('asks again when a person inserts a row above before the read, though the last ID read is blank', () => {
    const tab = fullTab();
    tab.before('getValues', () => tab.sheet.insertRowAfter(1));
    const ids = idColumn(tab);
    // Three leads and the person's blank row: the last lead's row is read, not pushed out.
    expect(ids).toEqual(['', 'L1', '', '']);
    expect(tab.data[4]).toEqual(['', '王五']);
  });

  it('reads whole rows to the end the same way', () => {
    const tab = fullTab();
    tab.before('getValues', () => tab.sheet.insertRowAfter(2));
    expect(rowsToEnd(tab.sheet, 2, 1, 2)).toEqual([
      ['L1', '张三'],
      ['', ''],
      ['', '李四'],
      ['', '王五'],
    ]);
  });
});
