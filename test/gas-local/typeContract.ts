// Compile-time proof that the local runtime is tied to @types/google-apps-script: every line under
// an expect-error marker must fail to type-check (`npm run typecheck` fails if one ever compiles).

import type { Implements } from '../../gas-local/implements';

type Range = GoogleAppsScript.Spreadsheet.Range;

// A real method with its real arguments compiles.
export const realMethod: Implements<Range, 'setValues'> = {
  setValues: (values: unknown[][]) => values,
};

// @ts-expect-error a misspelled method is not a Range method
export type Misspelled = Implements<Range, 'getValuez'>;

// @ts-expect-error an invented method is not a RangeList method (Apps Script has no RangeList.setDataValidation)
export type Invented = Implements<GoogleAppsScript.Spreadsheet.RangeList, 'setDataValidation'>;

export const wrongArgument: Implements<Range, 'setNumberFormat'> = {
  // @ts-expect-error setNumberFormat takes a string, not a number
  setNumberFormat: (format: number) => format,
};

// The sidebar's view of the server matches the functions the bundle declares: same names, the
// sidebar's arguments accepted, and the same results.
type Server = typeof import('../../src/main');
type SidebarView = import('../../sidebar/server').ServerFunctions;
export const sidebarMatchesServer: {
  [K in keyof SidebarView]: (...args: Parameters<SidebarView[K]>) => ReturnType<SidebarView[K]>;
} = {} as { [K in keyof SidebarView]: Server[K] };
