// The summary of archived leads as rows of its hidden tab, and back.

import { summarise } from '../../../src/method/archive/archiveSummary';
import { groupsOfRows, summaryRow } from '../../../src/method/archive/summaryRows';
import { archived, facts } from '../../support/archivedLeads';

describe('the summary tab rows', () => {
  it('reads back every group as written', () => {
    const groups = summarise('2024-05-10T02:00:00.000Z', [
      archived('2022-01-05', facts('展会', 'won', 20), 30),
      archived('', facts('=其他', 'lost')),
      archived('2022-02-01', { ...facts('展会', undefined), sla: undefined, contacted: false }),
    ]);
    expect(groupsOfRows(groups.map(summaryRow))).toEqual(groups);
  });

  it('keeps the rules version a lead was first graded under, and reads older rows without it', () => {
    const [group] = summarise('b', [
      archived('2022-01-05', { ...facts('展会', 'won', 20), rulesVersion: 'v1a2b3c' }, 30),
    ]);
    const row = summaryRow(group);
    expect(row.at(-1)).toBe('v1a2b3c');
    expect(groupsOfRows([row])[0].facts.rulesVersion).toBe('v1a2b3c');
    expect(groupsOfRows([row.slice(0, -1)])[0].facts).not.toHaveProperty('rulesVersion');
  });

  it('ignores rows a person typed that are not groups', () => {
    expect(
      groupsOfRows([
        ['', '2022-01-05'],
        ['b', '', '展会', 'A', '', '', '', '', '', false, false, false, 'A', '{}', 'x', 0],
      ]),
    ).toEqual([]);
  });
});
