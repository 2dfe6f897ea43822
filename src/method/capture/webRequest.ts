// What a web form sent, from the event Apps Script gives doPost: the spreadsheet it is for and its
// fields, whether they came as form fields, as JSON, or both (query string fields included).

/** The parts of doPost's event read here (guides/web: e.parameter, e.postData). */
export interface WebEvent {
  readonly parameter?: Readonly<Record<string, unknown>>;
  readonly postData?: { readonly contents?: unknown; readonly type?: unknown };
}

export type WebRequest =
  | {
      readonly ok: true;
      /** The spreadsheet's ID from `?sheet=`, or '' when the form's address lacks it. */
      readonly sheetId: string;
      readonly fields: Readonly<Record<string, unknown>>;
    }
  | { readonly ok: false };

/**
 * Form fields arrive in e.parameter (with the query string's); a JSON body in e.postData.contents,
 * whatever type the sender declared (curl -d sends JSON as form-encoded unless told). JSON fields
 * win over query string fields of the same name. A body that claims or looks like JSON and is not
 * a JSON object is refused.
 */
export function readWebRequest(event: WebEvent | undefined): WebRequest {
  const fields: Record<string, unknown> = { ...(event?.parameter ?? {}) };
  const contents = typeof event?.postData?.contents === 'string' ? event.postData.contents : '';
  const type = typeof event?.postData?.type === 'string' ? event.postData.type : '';
  const body = contents.trim();
  if (body.startsWith('{') || (/json/i.test(type) && body !== '')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { ok: false };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return { ok: false };
    // The raw JSON text also shows up as a parameter name when it was sent form-encoded.
    delete fields[contents];
    Object.assign(fields, parsed);
  }
  const sheet = fields.sheet;
  return { ok: true, sheetId: typeof sheet === 'string' ? sheet.trim() : '', fields };
}
