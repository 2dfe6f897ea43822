// The event Apps Script passes a web app's doPost (guides/web): query string and form fields in
// e.parameter / e.parameters, the raw body in e.postData, its length in e.contentLength.

export type Fields = Readonly<Record<string, string | readonly string[]>>;

export interface WebPost {
  /** Fields of the web app address's query string (`?sheet=…`). */
  readonly query?: Fields;
  /** Fields sent as an HTML form sends them (application/x-www-form-urlencoded). */
  readonly parameter?: Fields;
  /** A body sent as JSON with Content-Type: application/json. */
  readonly json?: unknown;
  /** A raw body and its declared type, as curl -d sends one (form-encoded unless told). */
  readonly body?: string;
  readonly contentType?: string;
  /** Whom the web app executes as: the deploying user (default: the runtime's default user). */
  readonly user?: string;
}

const FORM_TYPE = 'application/x-www-form-urlencoded';

function pairsOf(fields: Fields | undefined): [string, string][] {
  return Object.entries(fields ?? {}).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, String(v)]),
  );
}

const encode = (pairs: readonly [string, string][]) =>
  new URLSearchParams(pairs.map(([name, value]) => [name, value])).toString();

/** Fields of a form-encoded text, as the server decodes them. */
function decode(text: string): [string, string][] {
  return [...new URLSearchParams(text).entries()];
}

/**
 * Google merges the query string's fields with a form-encoded body's into e.parameters (lists)
 * and e.parameter (each name's first value); a body of any other type is left in e.postData only.
 * With no query string, e.queryString is null.
 */
export function webPostEvent(post: WebPost): Record<string, unknown> {
  const query = pairsOf(post.query);
  let contents: string;
  let type = FORM_TYPE;
  if (post.json !== undefined) {
    contents = JSON.stringify(post.json);
    type = 'application/json';
  } else if (post.body !== undefined) {
    contents = post.body;
    type = post.contentType ?? FORM_TYPE;
  } else {
    contents = encode(pairsOf(post.parameter));
  }
  const pairs = [...query, ...(type === FORM_TYPE ? decode(contents) : [])];
  const parameters: Record<string, string[]> = {};
  for (const [name, value] of pairs) (parameters[name] ??= []).push(value);
  const parameter = Object.fromEntries(
    Object.entries(parameters).map(([name, values]) => [name, values[0]]),
  );
  const length = Buffer.byteLength(contents, 'utf8');
  return {
    queryString: query.length > 0 ? encode(query) : null,
    parameter,
    parameters,
    contextPath: '',
    contentLength: length,
    postData: { contents, length, type, name: 'postData' },
  };
}
