// The Sheets advanced service as a script sees it: a global (`Sheets` by default) that exists only
// when the manifest enables it, whose every call is counted, authorised and failed by the kernel.

import { MESSAGES } from './errors';
import type { Kernel } from './kernel';
import { LocalSheetsSpreadsheets } from './sheetsBatchUpdate';
import { LocalSheetsValues, type OpenSpreadsheet } from './sheetsValues';
import type { LocalSpreadsheet } from './spreadsheet';

/** The part of appsscript.json that enables advanced services. */
export interface AdvancedServicesManifest {
  readonly dependencies?: {
    readonly enabledAdvancedServices?: readonly {
      readonly userSymbol: string;
      readonly serviceId: string;
      readonly version: string;
    }[];
  };
}

type Method = (...args: never[]) => unknown;

/** Wraps a method so each call goes through the kernel first, as Google's own calls do. */
function counted<F extends Method>(kernel: Kernel, name: string, method: F): F {
  return ((...args: never[]) => {
    kernel.enter({ service: 'Sheets', method: name });
    return kernel.serve(() => method(...args));
  }) as F;
}

/** Methods Google has and this runtime does not: calling one says so instead of "not a function". */
function missing(kernel: Kernel, name: string): () => never {
  return () => {
    throw kernel.error(MESSAGES.notImplemented(`Sheets.${name}`));
  };
}

/** The `Sheets` object: Spreadsheets.batchUpdate and Spreadsheets.Values.* on the local workbooks. */
export function sheetsService(kernel: Kernel, open: OpenSpreadsheet): object {
  const values = new LocalSheetsValues(kernel, open);
  const spreadsheets = new LocalSheetsSpreadsheets(kernel, open);
  const Values = Object.freeze({
    batchUpdate: counted(
      kernel,
      'Spreadsheets.Values.batchUpdate',
      values.batchUpdate.bind(values),
    ),
    update: counted(kernel, 'Spreadsheets.Values.update', values.update.bind(values)),
    append: counted(kernel, 'Spreadsheets.Values.append', values.append.bind(values)),
    batchGet: counted(kernel, 'Spreadsheets.Values.batchGet', values.batchGet.bind(values)),
    batchGetByDataFilter: counted(
      kernel,
      'Spreadsheets.Values.batchGetByDataFilter',
      values.batchGetByDataFilter.bind(values),
    ),
    get: counted(kernel, 'Spreadsheets.Values.get', values.get.bind(values)),
    batchClear: missing(kernel, 'Spreadsheets.Values.batchClear'),
    clear: missing(kernel, 'Spreadsheets.Values.clear'),
  });
  return Object.freeze({
    Spreadsheets: Object.freeze({
      Values,
      batchUpdate: counted(
        kernel,
        'Spreadsheets.batchUpdate',
        spreadsheets.batchUpdate.bind(spreadsheets),
      ),
      get: missing(kernel, 'Spreadsheets.get'),
      create: missing(kernel, 'Spreadsheets.create'),
    }),
  });
}

/**
 * The globals the manifest's advanced services define, by their userSymbol. Only Sheets v4 is
 * modelled; enabling another service fails loudly rather than leaving its global undefined.
 */
export function advancedServiceGlobals(
  manifest: AdvancedServicesManifest,
  kernel: Kernel,
  open: OpenSpreadsheet,
): Record<string, object> {
  const globals: Record<string, object> = {};
  for (const service of manifest.dependencies?.enabledAdvancedServices ?? []) {
    if (service.serviceId !== 'sheets' || service.version !== 'v4')
      throw new Error(
        MESSAGES.notImplemented(`the advanced service ${service.serviceId} ${service.version}`),
      );
    globals[service.userSymbol] = sheetsService(kernel, open);
  }
  return globals;
}

/** How the API opens a spreadsheet for the user the execution runs as. */
export function openerFor(
  find: (id: string) => LocalSpreadsheet | undefined,
  user: () => string,
): OpenSpreadsheet {
  return (id, write) => {
    const book = find(id);
    if (!book) return 'notFound';
    const allowed = write ? book._access.canEdit(user()) : book._access.canOpen(user());
    return allowed ? book : 'forbidden';
  };
}
