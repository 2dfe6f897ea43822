// The HTML every e-mail is laid out in: one column of table rows with inline styles, which mail
// apps render alike and which reads on a 360 px phone screen, and the links from mail to the sheet.

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Makes text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** Google's own spreadsheet links are about 100 characters; anything far longer is not one. */
const MAX_LINK_CHARS = 500;

/** Only web addresses become links, so a stored value can never turn into a script link. */
export function safeLink(url: string | undefined): string | undefined {
  const trimmed = (url ?? '').trim();
  return trimmed.length <= MAX_LINK_CHARS && /^https?:\/\/[^\s]+$/i.test(trimmed)
    ? trimmed
    : undefined;
}

/**
 * A link that opens the spreadsheet on one row of one tab (`…/edit#gid=<sheet ID>&range=A<row>`):
 * one tap from a phone's mail to the lead. Undefined when the spreadsheet's address is not one.
 */
export function rowLink(
  spreadsheetUrl: string | undefined,
  sheetId: number,
  row: number,
): string | undefined {
  const base = safeLink(spreadsheetUrl)?.replace(/#.*$/, '');
  if (!base || !Number.isInteger(sheetId) || !Number.isInteger(row) || row < 1) return undefined;
  return `${base}#gid=${sheetId}&range=A${row}`;
}

/** A link that opens the spreadsheet on one tab. */
export function tabLink(spreadsheetUrl: string | undefined, sheetId: number): string | undefined {
  const base = safeLink(spreadsheetUrl)?.replace(/#.*$/, '');
  return base && Number.isInteger(sheetId) ? `${base}#gid=${sheetId}` : undefined;
}

const FONT = "font-family:Arial,'PingFang SC','Microsoft YaHei',sans-serif";
const CELL = 'padding:8px 12px';
/** Kept short: a digest repeats it for each of up to 200 items within its byte budget. */
const ITEM = 'padding:6px 12px;border-top:1px solid #ddd';

/** One row of the page's single column; `html` is already escaped. */
export const block = (html: string, style = '') =>
  `<tr><td style="${CELL}${style}">${html}</td></tr>`;

export const paragraph = (text: string) => block(escapeHtml(text));

export const heading = (text: string) =>
  block(
    `<strong style="font-size:16px">${escapeHtml(text)}</strong>`,
    ';padding-top:16px;border-bottom:2px solid #1a73e8',
  );

/** A link styled as a button, wide enough to tap; nothing when there is no safe address. */
export function button(url: string | undefined, label: string): string {
  if (!url) return '';
  const style =
    'display:inline-block;padding:10px 16px;background:#1a73e8;color:#ffffff;' +
    'text-decoration:none;border-radius:4px;font-weight:bold';
  return block(`<a href="${escapeHtml(url)}" style="${style}">${escapeHtml(label)}</a>`);
}

/** A plain link inside a row's text. */
export const anchor = (url: string, text: string) =>
  `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;

/** An item of a list: one row with a rule above it. */
export const itemRow = (html: string) => `<tr><td style="${ITEM}">${html}</td></tr>`;

/** The whole HTML body around its rows, at most 600 px wide and as narrow as the screen. */
export function page(rows: readonly string[]): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1"></head>',
    `<body style="margin:0;padding:0;background:#f4f4f4;${FONT}">`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" ' +
      'style="border-collapse:collapse"><tr><td align="center" style="padding:8px 0">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" ' +
      'style="max-width:600px;border-collapse:collapse;background:#ffffff;' +
      `${FONT};font-size:15px;line-height:1.5;color:#222222;word-break:break-word">`,
    ...rows.filter((row) => row !== ''),
    '</table></td></tr></table></body></html>',
  ].join('\n');
}
