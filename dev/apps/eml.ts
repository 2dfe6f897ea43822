// Builds the text of an .eml file (RFC 5322 with MIME) from a sent message: UTF-8 headers as RFC 2047
// encoded words, and the plain-text and HTML bodies as base64 parts of a multipart/alternative.

export interface EmlMessage {
  readonly from: { readonly name: string; readonly address: string };
  /** One address, or several separated by commas (as MailApp takes them). */
  readonly to: string;
  readonly subject: string;
  readonly date: Date;
  /** Minutes east of UTC for the Date header: 480 for Asia/Shanghai, 0 when omitted. */
  readonly utcOffsetMinutes?: number;
  readonly text: string;
  /** With an HTML body the message is multipart/alternative; without one, plain text only. */
  readonly html?: string;
  /** Without the angle brackets, e.g. `1715310000000.1@example.com`. */
  readonly messageId?: string;
}

const CRLF = '\r\n';
/** RFC 5322's recommended line limit, which every header and body line here keeps to. */
const MAX_LINE = 78;
/** RFC 2045: base64 body lines hold at most 76 characters. */
const BASE64_LINE = 76;
/**
 * Bytes of UTF-8 per encoded word: 42 bytes give 56 base64 characters, so `Subject: ` plus one
 * word (`=?UTF-8?B?` … `?=`) is 77 characters, within the line limit.
 */
const WORD_BYTES = 42;
/** `=_` never occurs in base64 text, so this boundary cannot collide with a part's content. */
const BOUNDARY = '=_LeadTracker_alternative';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 date-time, e.g. `Fri, 10 May 2024 11:00:00 +0800`, at the given offset from UTC. */
export function rfc5322Date(date: Date, utcOffsetMinutes = 0): string {
  // The wall-clock fields are read in UTC after shifting by the offset, independent of the host zone.
  const wall = new Date(date.getTime() + utcOffsetMinutes * 60_000);
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(utcOffsetMinutes);
  return (
    `${DAYS[wall.getUTCDay()]}, ${wall.getUTCDate()} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()} ` +
    `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())} ` +
    `${sign}${pad2(Math.floor(offset / 60))}${pad2(offset % 60)}`
  );
}

/** Splits text into chunks of at most `maxBytes` of UTF-8, never inside a character. */
function utf8Chunks(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let chunk = '';
  let bytes = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character, 'utf8');
    if (bytes + size > maxBytes && chunk !== '') {
      chunks.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += character;
    bytes += size;
  }
  if (chunk !== '' || chunks.length === 0) chunks.push(chunk);
  return chunks;
}

/**
 * RFC 2047 encoded words (`=?UTF-8?B?…?=`) for a header value, one per folded line: each word
 * decodes on its own to whole characters, as RFC 2047 requires.
 */
export function encodedWords(text: string): string[] {
  return utf8Chunks(text, WORD_BYTES).map(
    (chunk) => `=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`,
  );
}

/** A header whose value is encoded words, folded so each line holds one word. */
function encodedHeader(name: string, text: string): string {
  return `${name}: ${encodedWords(text).join(`${CRLF} `)}`;
}

const isPlainAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/** A display name as a quoted string, or as encoded words when it is not plain ASCII. */
function displayName(name: string): string {
  if (isPlainAscii(name)) return `"${name.replace(/(["\\])/g, '\\$1')}"`;
  return encodedWords(name).join(' ');
}

/**
 * The addresses of a comma-separated list.
 * @throws Error when an address holds a line break (it would forge headers) or has no `@`.
 */
function addressesOf(list: string): string[] {
  const addresses = list
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  for (const address of addresses) {
    if (/[\r\n]/.test(address) || !address.includes('@'))
      throw new Error(`Not an e-mail address: ${JSON.stringify(address)}`);
  }
  if (addresses.length === 0) throw new Error('A message needs at least one recipient');
  return addresses;
}

/** `To:` with its addresses, folded onto further lines where one line would grow too long. */
function toHeader(addresses: readonly string[]): string {
  const lines = ['To:'];
  addresses.forEach((address, i) => {
    const piece = ` ${address}${i < addresses.length - 1 ? ',' : ''}`;
    const last = lines.length - 1;
    if (lines[last].length + piece.length > MAX_LINE && lines[last] !== 'To:') lines.push(piece);
    else lines[last] += piece;
  });
  return lines.join(CRLF);
}

/** Base64 of the UTF-8 text in lines of 76 characters. */
function base64Lines(text: string): string {
  const encoded = Buffer.from(text, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += BASE64_LINE)
    lines.push(encoded.slice(i, i + BASE64_LINE));
  return lines.join(CRLF);
}

/** MIME's canonical form of text has CRLF line breaks, also inside base64 (RFC 2046 §4.1.1). */
const canonicalLineBreaks = (text: string) => text.replace(/\r?\n/g, CRLF);

function textPart(subtype: 'plain' | 'html', content: string): string[] {
  return [
    `Content-Type: text/${subtype}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(canonicalLineBreaks(content)),
  ];
}

/**
 * The whole .eml text, with CRLF line endings and no line longer than 78 characters.
 * @throws Error when a recipient is not an address (see addressesOf).
 */
export function buildEml(message: EmlMessage): string {
  const { from } = message;
  const headers = [
    `From: ${displayName(from.name)} <${addressesOf(from.address)[0]}>`,
    toHeader(addressesOf(message.to)),
    encodedHeader('Subject', message.subject),
    `Date: ${rfc5322Date(message.date, message.utcOffsetMinutes)}`,
    ...(message.messageId ? [`Message-ID: <${message.messageId}>`] : []),
    'MIME-Version: 1.0',
  ];
  if (message.html === undefined)
    return [...headers, ...textPart('plain', message.text), ''].join(CRLF);
  return [
    ...headers,
    `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
    '',
    `--${BOUNDARY}`,
    ...textPart('plain', message.text),
    `--${BOUNDARY}`,
    ...textPart('html', message.html),
    `--${BOUNDARY}--`,
    '',
  ].join(CRLF);
}
