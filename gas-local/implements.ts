// Ties each local class to its Apps Script interface: every listed method must exist there by that
// name and take the same primitive arguments, so a misspelled or invented method fails to compile.
// Object arguments are the runtime's own classes, so only their position is checked.

/* eslint-disable @typescript-eslint/no-explicit-any */
type LocalArgs<A extends readonly unknown[]> = {
  [I in keyof A]: NonNullable<A[I]> extends object ? any : A[I];
};

export type Implements<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => any ? (...args: LocalArgs<A>) => unknown : T[P];
};
