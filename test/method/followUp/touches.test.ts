// Each lead's follow-up times, as the Analysis, the report and first dates read them.

import { touchesOf, touchesOfCells } from '../../../src/method/followUp/touches';

const at = (iso: string) => new Date(iso);

describe('touchesOf', () => {
  const touches = touchesOf([
    { leadId: ' A ', time: at('2024-05-03T00:00:00Z') },
    { leadId: 'B', time: 'yesterday' },
    { leadId: 'A', time: at('2024-05-01T00:00:00Z') },
    { leadId: '', time: at('2024-05-02T00:00:00Z') },
    { leadId: 'A', time: at('2024-05-02T00:00:00Z') },
  ]);

  it("lists a lead's readable times earliest first, by its trimmed Lead ID", () => {
    expect(touches.get('A')).toEqual([
      at('2024-05-01T00:00:00Z').getTime(),
      at('2024-05-02T00:00:00Z').getTime(),
      at('2024-05-03T00:00:00Z').getTime(),
    ]);
  });

  it('keeps a lead whose follow-up time cannot be read, with no times: it was contacted', () => {
    expect(touches.has('B')).toBe(true);
    expect(touches.get('B')).toEqual([]);
  });

  it('leaves out rows without a Lead ID', () => {
    expect([...touches.keys()].sort()).toEqual(['A', 'B']);
  });
});

describe('touchesOfCells', () => {
  const rows = [
    ['x', 'A', at('2024-05-02T00:00:00Z')],
    ['y', 'A', at('2024-05-01T00:00:00Z')],
  ];

  it('reads the Lead ID and time from the given columns', () => {
    expect(touchesOfCells(rows, 1, 2).get('A')).toEqual([
      at('2024-05-01T00:00:00Z').getTime(),
      at('2024-05-02T00:00:00Z').getTime(),
    ]);
  });

  it('knows no lead when the tab has no Lead ID column, and no times without a time column', () => {
    expect(touchesOfCells(rows, undefined, 2).size).toBe(0);
    expect(touchesOfCells(rows, 1, undefined).get('A')).toEqual([]);
  });
});
