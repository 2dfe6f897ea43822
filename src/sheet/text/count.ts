// How a count is written in every message: digits grouped by thousands, the same in every language.

/** `2300` → `2,300`, written out by hand so that it reads the same on every platform. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
