// Answers that cannot change while one execution holds the objects (the spreadsheet's ID, a tab's
// ID, the time zone): each ask is a call, so each is asked once per object and execution.

const forgetters: (() => void)[] = [];

/**
 * `ask`, remembered per object until the next execution starts. Google starts every execution
 * with the script's globals new; a script instance that runs again (as the local runtime's does)
 * must not skip the first ask.
 */
export function oncePerExecution<K extends object, V>(ask: (key: K) => V): (key: K) => V {
  let known = new WeakMap<K, V>();
  forgetters.push(() => {
    known = new WeakMap();
  });
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const answer = ask(key);
    known.set(key, answer);
    return answer;
  };
}

/** Forgets every remembered answer: called where an execution takes hold of its spreadsheet. */
export function startExecution(): void {
  for (const forget of forgetters) forget();
}
