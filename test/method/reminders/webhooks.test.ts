// Chat webhook requests: provider detection, exact payloads, byte limits and DingTalk signing.

import { createHmac } from 'crypto';

import {
  chatRequest,
  cutToUtf8Bytes,
  providerOf,
  utf8ByteLength,
} from '../../../src/method/reminders/webhooks';

const NOW = new Date(1_715_306_400_000); // 2024-05-10T02:00:00Z
const nodeHmac = (secret: string, message: string) =>
  createHmac('sha256', secret).update(message, 'utf8').digest('base64');
const options = { now: NOW, hmacSha256Base64: nodeHmac };

const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-key';
const DINGTALK = 'https://oapi.dingtalk.com/robot/send?access_token=ding-token';
const GOOGLE_CHAT = 'https://chat.googleapis.com/v1/spaces/AAA/messages?key=gkey&token=gtoken';
const SLACK = 'https://hooks.slack.com/services/T000/B000/XXXX';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const roundTrips = (text: string) => Buffer.from(text, 'utf8').toString('utf8') === text;

describe('providerOf', () => {
  it('recognises each supported host', () => {
    expect(providerOf(WECOM)).toBe('wecom');
    expect(providerOf(DINGTALK)).toBe('dingtalk');
    expect(providerOf(GOOGLE_CHAT)).toBe('googleChat');
    expect(providerOf(SLACK)).toBe('slack');
  });

  it('ignores case, surrounding spaces, a port and user info', () => {
    expect(providerOf('  HTTPS://QYAPI.Weixin.QQ.com:443/cgi-bin/webhook/send?key=k ')).toBe(
      'wecom',
    );
    expect(providerOf('https://user@hooks.slack.com/services/x')).toBe('slack');
  });

  it('does not trust look-alike hosts', () => {
    expect(providerOf('https://qyapi.weixin.qq.com.example.com/send')).toBeUndefined();
    expect(providerOf('https://evilhooks.slack.com/services/x')).toBeUndefined();
    expect(providerOf('https://example.com/hooks.slack.com')).toBeUndefined();
    expect(providerOf('https://hooks.slack.com@example.com/services/x')).toBeUndefined();
  });

  it('returns undefined for unknown hosts and empty text', () => {
    expect(providerOf('https://example.com/webhook')).toBeUndefined();
    expect(providerOf('')).toBeUndefined();
  });
});

describe('utf8ByteLength', () => {
  it('counts 1, 2, 3 and 4 byte characters as Node does', () => {
    for (const text of ['a', 'é', '中', '😀', 'a中😀é…', '']) {
      expect(utf8ByteLength(text)).toBe(bytes(text));
    }
  });
});

describe('cutToUtf8Bytes', () => {
  it('leaves text that fits exactly', () => {
    const text = 'a'.repeat(2048);
    expect(cutToUtf8Bytes(text, 2048)).toBe(text);
  });

  it('cuts one byte too many and ends with …', () => {
    const cut = cutToUtf8Bytes('a'.repeat(2049), 2048);
    expect(cut).toBe(`${'a'.repeat(2045)}…`);
    expect(bytes(cut)).toBe(2048);
  });

  it('never splits an emoji surrogate pair', () => {
    const cut = cutToUtf8Bytes(`a${'😀'.repeat(600)}`, 2048);
    expect(roundTrips(cut)).toBe(true);
    expect(bytes(cut)).toBeLessThanOrEqual(2048);
    expect(cut).toBe(`a${'😀'.repeat(511)}…`);
  });
});

describe('chatRequest for WeCom', () => {
  it('posts a text message to the URL as given', () => {
    expect(chatRequest(WECOM, 'Lead Tracker: 3 assigned', options)).toEqual({
      url: WECOM,
      payload: '{"msgtype":"text","text":{"content":"Lead Tracker: 3 assigned"}}',
    });
  });

  it('cuts Chinese content to at most 2048 bytes on a character boundary', () => {
    const text = '线索跟踪'.repeat(250); // 1000 characters, 3000 bytes
    const { payload } = chatRequest(WECOM, `x${text}`, options);
    const content: string = JSON.parse(payload).text.content;
    expect(bytes(content)).toBeLessThanOrEqual(2048);
    expect(roundTrips(content)).toBe(true);
    expect(content).not.toContain('\uFFFD');
    expect(content.endsWith('…')).toBe(true);
    // 1 + 681 × 3 + 3 = 2047 bytes: one more character would not fit with the ellipsis.
    expect(content).toBe(`x${text.slice(0, 681)}…`);
  });

  it('escapes quotes and line breaks as JSON', () => {
    const { payload } = chatRequest(WECOM, 'say "hi"\nnext', options);
    expect(payload).toBe('{"msgtype":"text","text":{"content":"say \\"hi\\"\\nnext"}}');
  });
});

describe('chatRequest for DingTalk', () => {
  it('posts a text message and leaves an unsigned URL alone', () => {
    expect(chatRequest(DINGTALK, '线索跟踪：新分配 3 条', options)).toEqual({
      url: DINGTALK,
      payload: '{"msgtype":"text","text":{"content":"线索跟踪：新分配 3 条"}}',
    });
  });

  it('signs with timestamp and sign computed as DingTalk documents', () => {
    const secret = 'SECtest3';
    const timestamp = '1715306400000';
    const expectedSign = encodeURIComponent(
      createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'),
    );
    const { url } = chatRequest(`${DINGTALK}&secret=${secret}`, 'hi', options);
    expect(url).toBe(`${DINGTALK}&timestamp=${timestamp}&sign=${expectedSign}`);
  });

  it('matches a fixed signature, URL-encoding +, / and =', () => {
    const { url } = chatRequest(`${DINGTALK}&secret=SECtest3`, 'hi', options);
    expect(url).toBe(
      `${DINGTALK}&timestamp=1715306400000` +
        '&sign=h%2FoATwWu2WmCRW9IjROTGP%2FuLjhB3FBiblI%2BSXgl57Q%3D',
    );
  });

  it('removes the secret from the URL wherever it stands', () => {
    const { url } = chatRequest(
      'https://oapi.dingtalk.com/robot/send?secret=SECabc123&access_token=ding-token',
      'hi',
      options,
    );
    expect(url).not.toContain('secret');
    expect(url).not.toContain('SECabc123');
    expect(url.startsWith(`${DINGTALK}&timestamp=1715306400000&sign=`)).toBe(true);
  });

  it('replaces a stale timestamp and sign pasted with the URL', () => {
    const { url } = chatRequest(`${DINGTALK}&timestamp=1&sign=old&secret=SECabc123`, 'hi', options);
    expect(url.match(/timestamp=/g)).toHaveLength(1);
    expect(url.match(/sign=/g)).toHaveLength(1);
    expect(url).not.toContain('sign=old');
  });

  it('throws when signing is needed but no signer is given', () => {
    expect(() => chatRequest(`${DINGTALK}&secret=SECabc123`, 'hi', { now: NOW })).toThrow(
      /HMAC-SHA256/,
    );
  });

  it('throws on an empty secret', () => {
    expect(() => chatRequest(`${DINGTALK}&secret=`, 'hi', options)).toThrow(/empty secret/);
  });
});

describe('chatRequest for Google Chat', () => {
  it('posts {"text": …} to the URL as given', () => {
    expect(chatRequest(GOOGLE_CHAT, 'Lead Tracker: 3 assigned', options)).toEqual({
      url: GOOGLE_CHAT,
      payload: '{"text":"Lead Tracker: 3 assigned"}',
    });
  });

  it('cuts text to at most 32,000 bytes', () => {
    const { payload } = chatRequest(GOOGLE_CHAT, '中'.repeat(20_000), options);
    const text: string = JSON.parse(payload).text;
    expect(bytes(text)).toBeLessThanOrEqual(32_000);
    expect(text).toBe(`${'中'.repeat(10_665)}…`);
  });
});

describe('chatRequest for Slack', () => {
  it('posts {"text": …} to the URL as given', () => {
    expect(chatRequest(SLACK, 'Lead Tracker: 3 assigned', options)).toEqual({
      url: SLACK,
      payload: '{"text":"Lead Tracker: 3 assigned"}',
    });
  });

  it('escapes &, < and > so text cannot become a link or mention', () => {
    const { payload } = chatRequest(SLACK, 'A & B <!channel> <http://x|y>', options);
    expect(JSON.parse(payload).text).toBe('A &amp; B &lt;!channel&gt; &lt;http://x|y&gt;');
  });

  it('stays under the 40,000 characters Slack keeps, even when every character is escaped', () => {
    const { payload } = chatRequest(SLACK, '&'.repeat(100_000), options);
    const text: string = JSON.parse(payload).text;
    expect(text.length).toBeLessThanOrEqual(40_000);
    expect(text.endsWith('&amp;…')).toBe(true);
  });
});

describe('chatRequest for other addresses', () => {
  it('names the host and the supported services in English and Chinese', () => {
    const call = () => chatRequest('https://example.com/hook?key=abc', 'hi', options);
    expect(call).toThrow(/"example\.com"/);
    expect(call).toThrow(/WeCom.*DingTalk.*Google Chat.*Slack/);
    expect(call).toThrow(/企业微信、钉钉、Google Chat 或 Slack/);
  });

  it('keeps the rest of the address, which may hold a key, out of the message', () => {
    expect(() => chatRequest('https://example.com/hook?key=abc', 'hi', options)).not.toThrow(
      /key=abc/,
    );
  });

  it('refuses a supported host reached over plain http', () => {
    expect(() =>
      chatRequest('http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', 'hi', options),
    ).toThrow(/https:\/\//);
  });

  it('refuses an address without a scheme', () => {
    expect(() =>
      chatRequest('qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', 'hi', options),
    ).toThrow(/https:\/\//);
  });
});
