// What the demo prints about a team's own workbook: set-up's recognition and the rows under the header.

import { leadRowLines, leadRowsOf, recognitionLines } from '../../dev/apps/demoRecognition';
import type { SetupSummary } from '../../src/operations/setupSheets';

const SUMMARY: SetupSummary = {
  created: ['Follow-ups', 'Settings'],
  addedColumns: 2,
  addedSettings: 0,
  language: 'en',
  recognised: [
    {
      tab: 'Leads',
      headerRow: 2,
      renamed: [
        { header: 'Mobile', column: 'Phone / WeChat', mapped: false },
        { header: 'Kunde', column: 'Company', mapped: true },
      ],
      recognised: 4,
      added: ['Lead ID', 'Score'],
      ignored: ['Notes 2'],
    },
  ],
};

describe('recognitionLines', () => {
  it('says the header row, and which columns were matched by name, synonym or mapping', () => {
    expect(recognitionLines(SUMMARY)).toEqual([
      'What set-up recognised:',
      '  Leads: header row 2 (1 title row(s) above it kept as they are)',
      '    matched by name: 2 column(s)',
      '    matched by synonym: Mobile → Phone / WeChat',
      '    matched by your column names: Kunde → Company',
      '    added at the end: Lead ID, Score',
      '    ignored (kept as your own columns): Notes 2',
      '  tabs created: Follow-ups, Settings',
    ]);
  });

  it('says so when every tab already had the template’s headers', () => {
    expect(recognitionLines({ ...SUMMARY, recognised: [], created: [] })).toEqual([
      'What set-up recognised:',
      '  every tab as the template has it: header row 1, every column by name',
    ]);
  });
});

describe('leadRowsOf', () => {
  const column = { contact: 0, phone: 1 };

  it('skips blank rows between leads and names rows with neither contact nor phone', () => {
    const rows = [
      ['王强', '139', 'x'],
      ['', '', ''],
      ['', ' ', 'a note'],
      ['', '138', ''],
      ['', '', ''],
    ];
    const sorted = leadRowsOf(rows, 4, column);
    // Sheet rows 4–8; the trailing blank row 8 is past the last lead, so no gap between leads.
    expect(sorted).toEqual({ leads: 3, blank: [5], unreachable: [6] });
    expect(leadRowLines('Leads', sorted)).toEqual([
      '  Leads: 3 lead row(s)',
      '    skipped, blank (no lead anywhere): row 5',
      '    no contact and no phone: row 6 (kept and scored; Leads marks the blank cells)',
    ]);
  });

  it('reports nothing more when every row is a reachable lead', () => {
    expect(leadRowLines('Leads', leadRowsOf([['a', '1']], 2, column))).toEqual([
      '  Leads: 1 lead row(s)',
    ]);
  });
});
