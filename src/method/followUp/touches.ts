// Each lead's follow-up times, the one thing the Analysis, the report and first dates take from the
// Follow-ups tab: a map by Lead ID instead of a record per row, the largest tab a workbook holds.

import { dateOf, textOf } from '../../sheet/cells';

/**
 * Lead ID → the readable times (ms) of its follow-up rows, earliest first. A lead whose rows have
 * no readable time maps to none: it was still contacted.
 */
export type FollowUpTouches = ReadonlyMap<string, readonly number[]>;

/** Follow-ups rows as records with `leadId` and `time`. */
export function touchesOf(rows: readonly Readonly<Record<string, unknown>>[]): FollowUpTouches {
  return collectTouches(
    rows.length,
    (i) => rows[i].leadId,
    (i) => rows[i].time,
  );
}

/** Follow-ups rows as cells, with the 0-based columns of the Lead ID and the time. */
export function touchesOfCells(
  rows: readonly (readonly unknown[])[],
  leadIdAt: number | undefined,
  timeAt: number | undefined,
): FollowUpTouches {
  if (leadIdAt === undefined) return new Map();
  return collectTouches(
    rows.length,
    (i) => rows[i][leadIdAt],
    (i) => (timeAt === undefined ? undefined : rows[i][timeAt]),
  );
}

function collectTouches(
  count: number,
  leadIdOf: (i: number) => unknown,
  timeOf: (i: number) => unknown,
): FollowUpTouches {
  const touches = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    const id = textOf(leadIdOf(i));
    if (id === '') continue;
    let times = touches.get(id);
    if (!times) touches.set(id, (times = []));
    const time = dateOf(timeOf(i))?.getTime();
    if (time !== undefined) times.push(time);
  }
  // An array grown by push keeps room for 17 numbers: copied to its size, a lead's two or three
  // touches take a tenth of that, over every lead of the tab.
  for (const [id, times] of touches) touches.set(id, times.sort((a, b) => a - b).slice());
  return touches;
}
