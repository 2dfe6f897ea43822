// Growing a list by another of any length: `list.push(...items)` passes every item as an argument,
// and past about 120,000 of them (a pass over a large import) the call overflows the stack.

/** Appends every item to `into`, in order, and returns `into`. */
export function appendAll<T>(into: T[], items: Iterable<T>): T[] {
  for (const item of items) into.push(item);
  return into;
}
