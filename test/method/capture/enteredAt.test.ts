// Entered at for a lead without one: now, or the earliest of its own history.

import { earliestHistory, enteredAtFor } from '../../../src/method/capture/enteredAt';
import { touchesOf } from '../../../src/method/followUp/touches';

const at = (iso: string) => new Date(iso);
const now = at('2024-06-10T00:00:00Z');

describe('earliestHistory and enteredAtFor', () => {
  const history = earliestHistory(
    touchesOf([
      { leadId: 'A', time: at('2024-05-03T00:00:00Z') },
      { leadId: 'A', time: at('2024-05-02T00:00:00Z') },
      { leadId: 'B', time: 'not a date' },
    ]),
    [
      { leadId: 'A', decidedAt: at('2024-05-04T00:00:00Z') },
      { leadId: 'C', decidedAt: at('2024-05-09T00:00:00Z') },
    ],
  );

  it('is the earliest follow-up or decision of a lead with history', () => {
    expect(enteredAtFor('A', history, now)).toEqual(at('2024-05-02T00:00:00Z'));
    expect(enteredAtFor('C', history, now)).toEqual(at('2024-05-09T00:00:00Z'));
  });

  it('is now for a lead without readable history or without an ID', () => {
    expect(enteredAtFor('B', history, now)).toBe(now);
    expect(enteredAtFor('', history, now)).toBe(now);
  });

  it('is a decision dated before the first follow-up', () => {
    const decidedFirst = earliestHistory(
      touchesOf([{ leadId: 'D', time: at('2024-05-05T00:00:00Z') }]),
      [
        { leadId: 'D', decidedAt: at('2024-05-04T00:00:00Z') },
        { leadId: 'D', decidedAt: at('2024-05-01T00:00:00Z') },
      ],
    );
    expect(enteredAtFor('D', decidedFirst, now)).toEqual(at('2024-05-01T00:00:00Z'));
  });

  it('is now when the history lies in the future', () => {
    const later = earliestHistory(
      touchesOf([{ leadId: 'A', time: at('2030-01-01T00:00:00Z') }]),
      [],
    );
    expect(enteredAtFor('A', later, now)).toBe(now);
  });
});
