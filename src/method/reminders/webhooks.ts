// Chat webhook requests (SPEC §7): WeCom and DingTalk robots, Google Chat and Slack, each in its own format.

import { ERRORS, inEveryLanguage } from '../../sheet/text';

export type ChatProvider = 'wecom' | 'dingtalk' | 'googleChat' | 'slack';

export interface ChatRequestOptions {
  now: Date;
  /** Base64 of HMAC-SHA256(message) keyed by `secret`; the platform supplies it (core has no crypto). */
  hmacSha256Base64?: (secret: string, message: string) => string;
}

export interface ChatRequest {
  url: string;
  /** JSON body, to be POSTed as `application/json`. */
  payload: string;
}

const PROVIDER_HOSTS: Readonly<Record<string, ChatProvider>> = {
  'qyapi.weixin.qq.com': 'wecom',
  'oapi.dingtalk.com': 'dingtalk',
  'chat.googleapis.com': 'googleChat',
  'hooks.slack.com': 'slack',
};

/** Documented limits on a text message's content, in UTF-8 bytes. */
const WECOM_MAX_BYTES = 2048;
const GOOGLE_CHAT_MAX_BYTES = 32_000;
/**
 * Slack cuts messages past 40,000 characters, counted after its escaping, which turns one
 * character into at most five (`&amp;`); 8,000 bytes before escaping can never reach that.
 */
const SLACK_MAX_BYTES = 8_000;

const ELLIPSIS = '…';

/**
 * The host of a URL, lower-cased, without user info or port. The scheme is optional here so that
 * an address pasted without `https://` is still recognised and gets a precise complaint.
 */
function hostOf(url: string): string {
  const withoutScheme = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const authority = withoutScheme.split(/[/?#]/, 1)[0];
  return authority
    .slice(authority.lastIndexOf('@') + 1)
    .replace(/:\d*$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** Which chat service a webhook URL belongs to, from its host; undefined for any other host. */
export function providerOf(url: string): ChatProvider | undefined {
  const host = hostOf(url);
  return Object.prototype.hasOwnProperty.call(PROVIDER_HOSTS, host)
    ? PROVIDER_HOSTS[host]
    : undefined;
}

/** UTF-8 length of one code point; a lone surrogate counts as the 3-byte U+FFFD it is sent as. */
function utf8BytesOfCodePoint(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** The number of bytes `text` takes in UTF-8. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += utf8BytesOfCodePoint(char.codePointAt(0) ?? 0);
  return bytes;
}

/**
 * `text` if it fits in `maxBytes` of UTF-8; otherwise as many whole characters as fit with `…`
 * after them. Iterating by code point never splits a character (or a surrogate pair).
 */
export function cutToUtf8Bytes(text: string, maxBytes: number): string {
  if (utf8ByteLength(text) <= maxBytes) return text;
  const budget = maxBytes - utf8ByteLength(ELLIPSIS);
  let kept = '';
  let bytes = 0;
  for (const char of text) {
    const size = utf8BytesOfCodePoint(char.codePointAt(0) ?? 0);
    if (bytes + size > budget) break;
    kept += char;
    bytes += size;
  }
  return kept + ELLIPSIS;
}

/** Slack reads `&`, `<` and `>` as control characters (links, mentions); it asks for these three escaped. */
function escapeForSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface SplitUrl {
  base: string;
  params: string[];
  fragment: string;
}

function splitUrl(url: string): SplitUrl {
  const hashAt = url.indexOf('#');
  const fragment = hashAt < 0 ? '' : url.slice(hashAt);
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt < 0) return { base: beforeHash, params: [], fragment };
  const params = beforeHash
    .slice(queryAt + 1)
    .split('&')
    .filter((param) => param !== '');
  return { base: beforeHash.slice(0, queryAt), params, fragment };
}

function joinUrl({ base, params, fragment }: SplitUrl): string {
  return `${base}${params.length > 0 ? `?${params.join('&')}` : ''}${fragment}`;
}

/** A `+` stays a `+`: a pasted secret is more likely to hold one than to mean a space. */
function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const paramName = (param: string) => decodeComponent(param.split('=', 1)[0]);
const paramValue = (param: string) =>
  param.includes('=') ? decodeComponent(param.slice(param.indexOf('=') + 1)) : '';

/**
 * DingTalk's signed robots: the Settings cell holds the signing secret as `secret=SEC…` in the
 * URL. The secret must never travel, so it is replaced by `timestamp` and
 * `sign = urlencode(base64(HmacSHA256(key = secret, timestamp + "\n" + secret)))`. Any stale
 * `timestamp`/`sign` pasted with the URL is dropped. A URL without a secret is left as it is
 * (keyword-secured robots).
 */
function signedDingTalkUrl(url: string, options: ChatRequestOptions): string {
  const parts = splitUrl(url);
  const secretParam = parts.params.find((param) => paramName(param) === 'secret');
  if (secretParam === undefined) return url;
  const secret = paramValue(secretParam).trim();
  if (secret === '') {
    throw new Error(inEveryLanguage(ERRORS.dingTalkEmptySecret));
  }
  if (!options.hmacSha256Base64) {
    throw new Error(inEveryLanguage(ERRORS.dingTalkUnsigned));
  }
  const timestamp = String(options.now.getTime());
  const sign = options.hmacSha256Base64(secret, `${timestamp}\n${secret}`);
  const kept = parts.params.filter(
    (param) => !['secret', 'timestamp', 'sign'].includes(paramName(param)),
  );
  return joinUrl({
    ...parts,
    params: [...kept, `timestamp=${timestamp}`, `sign=${encodeURIComponent(sign)}`],
  });
}

function unsupportedHostError(url: string): Error {
  const host = hostOf(url) || '(none)';
  return new Error(inEveryLanguage(ERRORS.chatHostUnsupported, host));
}

/** The URL and JSON body that post `text` to the chat webhook at `url`. */
export function chatRequest(url: string, text: string, options: ChatRequestOptions): ChatRequest {
  const address = url.trim();
  const provider = providerOf(address);
  if (provider === undefined) throw unsupportedHostError(address);
  if (!/^https:\/\//i.test(address)) {
    // The URL carries the robot's key; it must not travel in clear text.
    throw new Error(inEveryLanguage(ERRORS.chatNotHttps, hostOf(address)));
  }
  switch (provider) {
    case 'wecom':
      return {
        url: address,
        payload: JSON.stringify({
          msgtype: 'text',
          text: { content: cutToUtf8Bytes(text, WECOM_MAX_BYTES) },
        }),
      };
    case 'dingtalk':
      return {
        url: signedDingTalkUrl(address, options),
        payload: JSON.stringify({ msgtype: 'text', text: { content: text } }),
      };
    case 'googleChat':
      return {
        url: address,
        payload: JSON.stringify({ text: cutToUtf8Bytes(text, GOOGLE_CHAT_MAX_BYTES) }),
      };
    case 'slack':
      return {
        url: address,
        payload: JSON.stringify({ text: escapeForSlack(cutToUtf8Bytes(text, SLACK_MAX_BYTES)) }),
      };
  }
}
