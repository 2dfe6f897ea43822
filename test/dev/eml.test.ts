// The .eml builder writes RFC 5322 messages that mail programs read back: headers, encoded words, parts.

import { buildEml, encodedWords, rfc5322Date, type EmlMessage } from '../../dev/apps/eml';

const SENDER = { name: 'Lead Tracker', address: 'noreply@example.com' };
const MAY_10_11AM_SHANGHAI = new Date('2024-05-10T03:00:00Z');

function message(overrides: Partial<EmlMessage> = {}): EmlMessage {
  return {
    from: SENDER,
    to: 'wanglei@example.com',
    subject: '【线索跟踪】王磊：3 条线索需要处理',
    date: MAY_10_11AM_SHANGHAI,
    utcOffsetMinutes: 480,
    text: '202405001-展会 首次联系截止 2024-05-11 11:00',
    html: '<p>202405001-展会 &amp; 首次联系截止</p>',
    ...overrides,
  };
}

/** Headers of the message (folded lines joined) and the body after the blank line. */
function split(eml: string): { headers: Map<string, string>; body: string } {
  const end = eml.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of eml
    .slice(0, end)
    .replace(/\r\n[ \t]/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: eml.slice(end + 4) };
}

function decodeWords(value: string): string {
  return value
    .split(' ')
    .map((word) => {
      const match = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=$/.exec(word);
      if (!match) throw new Error(`not an encoded word: ${word}`);
      return Buffer.from(match[1], 'base64').toString('utf8');
    })
    .join('');
}

/** The decoded content of each part, keyed by its Content-Type. */
function parts(eml: string): Map<string, string> {
  const { headers, body } = split(eml);
  const boundary = /boundary="([^"]+)"/.exec(headers.get('content-type') ?? '')?.[1];
  if (!boundary) throw new Error('no boundary');
  const found = new Map<string, string>();
  for (const section of body.split(`--${boundary}`).slice(1, -1)) {
    const part = split(section.replace(/^\r\n/, ''));
    found.set(
      part.headers.get('content-type') ?? '',
      Buffer.from(part.body.replace(/\r\n/g, ''), 'base64').toString('utf8'),
    );
  }
  return found;
}

describe('rfc5322Date', () => {
  it('writes the wall-clock time at the given offset', () => {
    expect(rfc5322Date(MAY_10_11AM_SHANGHAI, 480)).toBe('Fri, 10 May 2024 11:00:00 +0800');
  });

  it('writes negative and half-hour offsets', () => {
    expect(rfc5322Date(MAY_10_11AM_SHANGHAI, -210)).toBe('Thu, 9 May 2024 23:30:00 -0330');
  });

  it('writes UTC without an offset given', () => {
    expect(rfc5322Date(MAY_10_11AM_SHANGHAI)).toBe('Fri, 10 May 2024 03:00:00 +0000');
  });
});

describe('encodedWords', () => {
  it('encodes a short subject as one word', () => {
    expect(encodedWords('Hi')).toEqual(['=?UTF-8?B?SGk=?=']);
  });

  it('splits a long subject between characters, each word at most 75 characters', () => {
    const subject = '【线索跟踪】新分配的线索与逾期提醒：请尽快联系客户并记录跟进结果😀';
    const words = encodedWords(subject);
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75);
      expect(decodeWords(word)).not.toContain('\uFFFD');
    }
    expect(decodeWords(words.join(' '))).toBe(subject);
  });
});

describe('buildEml', () => {
  it('ends every line with CRLF and keeps lines within 78 characters', () => {
    const eml = buildEml(message({ text: '跟进'.repeat(200), subject: '提醒'.repeat(60) }));
    expect(eml).not.toMatch(/[^\r]\n/);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('writes the headers of RFC 5322 and MIME', () => {
    const { headers } = split(buildEml(message({ messageId: '1.2@example.com' })));
    expect(headers.get('from')).toBe('"Lead Tracker" <noreply@example.com>');
    expect(headers.get('to')).toBe('wanglei@example.com');
    expect(headers.get('date')).toBe('Fri, 10 May 2024 11:00:00 +0800');
    expect(headers.get('message-id')).toBe('<1.2@example.com>');
    expect(headers.get('mime-version')).toBe('1.0');
    expect(headers.get('content-type')).toMatch(/^multipart\/alternative; boundary="/);
  });

  it('encodes the subject so it reads back exactly', () => {
    const { headers } = split(buildEml(message()));
    expect(headers.get('subject')).toMatch(/^=\?UTF-8\?B\?/);
    expect(decodeWords(headers.get('subject') ?? '')).toBe(message().subject);
  });

  it('carries the plain text and the HTML as base64 UTF-8 parts', () => {
    const decoded = parts(buildEml(message()));
    expect(decoded.get('text/plain; charset=UTF-8')).toBe(message().text);
    expect(decoded.get('text/html; charset=UTF-8')).toBe(message().html);
  });

  it('writes the line breaks of the text as CRLF, the canonical form of MIME text', () => {
    const decoded = parts(buildEml(message({ text: '王磊，您好：\n\n- 202405001-展会' })));
    expect(decoded.get('text/plain; charset=UTF-8')).toBe('王磊，您好：\r\n\r\n- 202405001-展会');
  });

  it('sends a message without HTML as plain text only', () => {
    const eml = buildEml(message({ html: undefined }));
    const { headers, body } = split(eml);
    expect(headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(headers.get('content-transfer-encoding')).toBe('base64');
    expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe(message().text);
  });

  it('lists several recipients', () => {
    const { headers } = split(buildEml(message({ to: 'a@example.com,b@example.com' })));
    expect(headers.get('to')).toBe('a@example.com, b@example.com');
  });

  it('folds a long list of recipients', () => {
    const to = Array.from({ length: 8 }, (_, i) => `manager${i}@example.com`).join(',');
    const eml = buildEml(message({ to }));
    expect(split(eml).headers.get('to')?.split(', ')).toHaveLength(8);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('quotes an ASCII sender name and encodes any other', () => {
    const quoted = split(buildEml(message({ from: { ...SENDER, name: 'Lead "LT" Tracker' } })));
    expect(quoted.headers.get('from')).toBe('"Lead \\"LT\\" Tracker" <noreply@example.com>');
    const chinese = split(buildEml(message({ from: { ...SENDER, name: '线索跟踪' } })));
    const [name] = (chinese.headers.get('from') ?? '').split(' <');
    expect(decodeWords(name)).toBe('线索跟踪');
  });

  it('refuses a recipient with a line break, which would forge headers', () => {
    expect(() => buildEml(message({ to: 'a@example.com\r\nBcc: x@example.com' }))).toThrow(
      /Not an e-mail address/,
    );
  });

  it('refuses a message without a recipient', () => {
    expect(() => buildEml(message({ to: ' , ' }))).toThrow(/at least one recipient/);
  });
});
