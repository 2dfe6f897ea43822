// npm run preview: serves the follow-up sidebar on 127.0.0.1 against a demo workbook held in the local
// Apps Script runtime, so the page can be tried (and tested) in a browser without Google.

import { labelIn, languageFromLocale } from '../../src/sheet/language';
import { demoCells } from './demoTraditional';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TAB_NAMES } from '../../src/sheet/tabs';
import { DEFAULT_LEAD_COUNT, DEMO_NOW } from './demo';
import { demoLeads } from './demoData';
import { LocalAppsScript } from '../../gas-local/runtime';

const DIST = join(__dirname, '..', '..', 'dist');
const SIDEBAR_FILE = join(DIST, 'Sidebar.html');
const SIDEBAR_MISSING = `${SIDEBAR_FILE} is missing: run npm run build`;
const HOST = '127.0.0.1';
const ZONE = 'Asia/Shanghai';
export const DEFAULT_PORT = 5178;
/** Requests bigger than this are no form a person filled in. */
const MAX_BODY_BYTES = 1_000_000;

/**
 * The server functions a sidebar page may call (src/main.ts). The bundle declares many more globals
 * (setupSheets, runHourly…); Google lets a page call any of them, but this sidebar has no business
 * with the rest, so the preview refuses them and a stray call shows up as a failure.
 */
export const SIDEBAR_FUNCTIONS: ReadonlySet<string> = new Set([
  'getSidebarStart',
  'searchLeads',
  'getLeadCard',
  'submitFollowUp',
  'getMyDay',
  'listPoolLeads',
  'claimPoolLead',
]);

/**
 * What HtmlService gives the page in Google: `google.script.run`, chainable, one server call per
 * function name, handlers called later. Each `with…` returns a new runner, so a handler set for one
 * call never leaks into another made from the shared `google.script.run`.
 */
const GOOGLE_SCRIPT_SHIM = `<script>
(function () {
  'use strict';
  function later(handler, value, userObject) {
    if (typeof handler === 'function') setTimeout(function () { handler(value, userObject); }, 0);
  }
  function call(name, args, handlers) {
    var failed = function (message) {
      var error = new Error(message);
      if (handlers.failure) later(handlers.failure, error, handlers.userObject);
      else setTimeout(function () { throw error; }, 0);
    };
    fetch('/rpc/' + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args: args }),
    })
      .then(function (response) { return response.json(); })
      .then(
        function (answer) {
          if (answer && answer.ok) later(handlers.success, answer.value, handlers.userObject);
          else failed(String((answer && answer.message) || 'The server call failed'));
        },
        function (error) { failed(String((error && error.message) || error)); }
      );
  }
  function runner(handlers) {
    return new Proxy({}, {
      get: function (_target, name) {
        // Not thenable: promise code must not mistake the runner for a promise.
        if (typeof name !== 'string' || name === 'then') return undefined;
        var chained = { withSuccessHandler: 'success', withFailureHandler: 'failure', withUserObject: 'userObject' }[name];
        if (chained) return function (value) {
          var next = Object.assign({}, handlers);
          next[chained] = value;
          return runner(next);
        };
        return function () { call(name, Array.prototype.slice.call(arguments), handlers); };
      },
    });
  }
  var noop = function () {};
  window.google = {
    script: {
      run: runner({}),
      host: { close: noop, setHeight: noop, setWidth: noop, editor: { focus: noop } },
    },
  };
})();
</script>
`;

export interface PreviewOptions {
  /** 0 picks a free port (tests); DEFAULT_PORT otherwise. */
  port?: number;
  /** Changes the demo workbook before the page is served (extra leads, a selection…). */
  workbook?: (runtime: LocalAppsScript) => void;
  /** The spreadsheet's locale: zh_CN by default; zh_TW serves a Traditional Chinese workbook. */
  locale?: string;
}

export interface Preview {
  /** `http://127.0.0.1:<port>/`, the sidebar page. */
  url: string;
  runtime: LocalAppsScript;
  close(): Promise<void>;
}

/** A failure the person starting the preview can act on, shown as one line. */
export class PreviewError extends Error {}

/** Errors thrown inside the bundle come from another realm, so `instanceof Error` misses them. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/**
 * The demo's workbook: set up in the locale's language (Chinese by default), the demo leads typed
 * in as its team would type them and scored, clock at the demo's date.
 */
export function demoWorkbook(locale = 'zh_CN'): LocalAppsScript {
  if (!existsSync(join(DIST, 'Code.js')))
    throw new PreviewError(`${DIST} has no Code.js: run npm run build first`);
  const runtime = new LocalAppsScript({ locale, timeZone: ZONE, now: DEMO_NOW });
  runtime.loadBundle(DIST);
  runtime.invoke('setupSheets');
  const language = languageFromLocale(locale);
  runtime.type(
    labelIn(language, TAB_NAMES.leads),
    2,
    1,
    demoCells(language, demoLeads(DEFAULT_LEAD_COUNT, DEMO_NOW)),
  );
  runtime.invoke('scoreAllLeads');
  return runtime;
}

/**
 * The sidebar page with the google.script.run stand-in placed before the page's own scripts. Read
 * on every request, so a page rebuilt while the preview runs shows on the next reload.
 */
function sidebarPage(): string {
  if (!existsSync(SIDEBAR_FILE)) throw new PreviewError(SIDEBAR_MISSING);
  const page = readFileSync(SIDEBAR_FILE, 'utf8');
  // Function replacements, so a `$&` in the page or the shim stays literal.
  if (/<script\b/i.test(page)) return page.replace(/<script\b/i, (tag) => GOOGLE_SCRIPT_SHIM + tag);
  if (/<head\b[^>]*>/i.test(page))
    return page.replace(/<head\b[^>]*>/i, (tag) => tag + GOOGLE_SCRIPT_SHIM);
  return GOOGLE_SCRIPT_SHIM + page;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

const sendJson = (response: ServerResponse, status: number, value: unknown) =>
  send(response, status, 'application/json', JSON.stringify(value));

/**
 * The request's JSON body. It must be sent as application/json: a page on another site can only
 * do that after a CORS preflight, which this server never grants, so no other site can write here.
 */
async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? ''))
    throw new HttpError(415, 'Send the body as application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request body is too large');
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new HttpError(400, 'The request body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(400, 'The request body must be a JSON object');
  return body as Record<string, unknown>;
}

function decodePathPart(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new HttpError(400, `${encoded} is not a valid path`);
  }
}

/** A tab named in the path (`/workbook/销售线索跟进记录表`), which must exist. */
function tabFrom(runtime: LocalAppsScript, encoded: string): string {
  const name = decodePathPart(encoded);
  if (!runtime.spreadsheet._sheet(name)) throw new HttpError(404, `No tab named ${name}`);
  return name;
}

/** Counts cells holding a formula: text a person typed must never have become one. */
function formulaCount(runtime: LocalAppsScript, tab: string): number {
  return Array.from(runtime.sheet(tab)._data.formulas.keys()).length;
}

/** Answers one request; `tick` moves the runtime's clock on before the bundle runs. */
async function route(
  runtime: LocalAppsScript,
  tick: () => void,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = new URL(request.url ?? '/', `http://${HOST}`).pathname;
  const method = request.method ?? 'GET';
  const only = (allowed: string) => {
    if (method !== allowed) throw new HttpError(405, `Use ${allowed} for ${path}`);
  };

  if (path === '/') {
    only('GET');
    return send(response, 200, 'text/html', sidebarPage());
  }
  if (path.startsWith('/rpc/')) {
    only('POST');
    const name = decodePathPart(path.slice('/rpc/'.length));
    if (!SIDEBAR_FUNCTIONS.has(name))
      return sendJson(response, 404, {
        ok: false,
        message: `${name} is not one of the sidebar's server functions`,
      });
    const { args = [] } = await readJson(request);
    if (!Array.isArray(args)) throw new HttpError(400, 'args must be an array');
    tick();
    try {
      const value = runtime.invoke(name, args, { execution: 'sidebar' });
      return sendJson(response, 200, { ok: true, value });
    } catch (error) {
      return sendJson(response, 200, { ok: false, message: messageOf(error) });
    }
  }
  if (path.startsWith('/workbook/')) {
    only('GET');
    const tab = tabFrom(runtime, path.slice('/workbook/'.length));
    // JSON turns the Dates into ISO strings.
    return sendJson(response, 200, runtime.values(tab));
  }
  if (path.startsWith('/formulas/')) {
    only('GET');
    const tab = tabFrom(runtime, path.slice('/formulas/'.length));
    return sendJson(response, 200, { tab, formulas: formulaCount(runtime, tab) });
  }
  if (path === '/select') {
    only('POST');
    const { tab, row } = await readJson(request);
    if (typeof tab !== 'string' || !runtime.spreadsheet._sheet(tab))
      throw new HttpError(404, `No tab named ${String(tab)}`);
    if (typeof row !== 'number' || !Number.isInteger(row) || row < 1)
      throw new HttpError(400, 'row must be a whole number from 1');
    runtime.select(tab, row);
    return sendJson(response, 200, { ok: true });
  }
  throw new HttpError(404, `Nothing at ${path}`);
}

/** Serves the sidebar against a demo workbook; resolves once it listens. */
export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  // Say what is missing now, rather than on the first page load.
  if (!existsSync(SIDEBAR_FILE)) throw new PreviewError(SIDEBAR_MISSING);
  const runtime = demoWorkbook(options.locale);
  options.workbook?.(runtime);
  // The clock runs on from the demo's date as real time passes, so what the server stamps with
  // "now" (a follow-up sent without a time, deadlines met or missed) moves on as it would in Google.
  const clockStart = runtime.kernel.now();
  const startedAt = performance.now();
  const tick = () => runtime.kernel.setNow(clockStart + Math.round(performance.now() - startedAt));

  let port = options.port ?? DEFAULT_PORT;
  const server = createServer((request, response) => {
    // Only names of this machine: a DNS name pointed at 127.0.0.1 by another site is turned away.
    const host = request.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
      send(response, 421, 'text/plain', `Unknown host ${host}`);
      return;
    }
    route(runtime, tick, request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (request.url?.startsWith('/rpc/'))
        sendJson(response, status, { ok: false, message: messageOf(error) });
      else send(response, status, 'text/plain', messageOf(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new PreviewError(`Port ${port} is in use; pick another with --port`)
          : error,
      ),
    );
    server.listen(port, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/`,
    runtime,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A browser keeps connections open; end them so close does not wait for its timeout.
        server.closeAllConnections();
      }),
  };
}

const USAGE = 'usage: npm run preview [-- --port 5178] [--locale zh_TW]';

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65_535)
    throw new PreviewError(`--port must be a whole number from 0 to 65535; ${USAGE}`);
  return port;
}

/**
 * Reads `--port 5178`, `--locale zh_TW` and their `=` forms; npm keeps `npm run preview --port
 * 5178` as npm_config_port.
 */
function parseArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): { port: number; locale: string } {
  let port = env.npm_config_port;
  let locale = env.npm_config_locale ?? 'zh_CN';
  const args = argv.filter((arg) => arg !== '--');
  for (let i = 0; i < args.length; i++) {
    const match = /^--(port|locale)(?:=(.*))?$/.exec(args[i]);
    if (!match) throw new PreviewError(`Unknown argument ${args[i]}; ${USAGE}`);
    const value = match[2] ?? args[++i] ?? '';
    if (match[1] === 'port') port = value;
    else locale = value;
  }
  if (!/^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/i.test(locale))
    throw new PreviewError(`--locale must be a locale such as zh_TW, zh_CN or en_US; ${USAGE}`);
  return { port: parsePort(port), locale };
}

async function main(): Promise<void> {
  const { port, locale } = parseArgs(process.argv.slice(2), process.env);
  const preview = await startPreview({ port, locale });
  console.log(`Follow-up sidebar preview (demo workbook, clock from ${DEMO_NOW.toISOString()}):`);
  console.log(`  ${preview.url}`);
  console.log(
    `  workbook: ${preview.url}workbook/${encodeURI(labelIn(languageFromLocale(locale), TAB_NAMES.followups))} (any tab by name)`,
  );
  console.log('Press Ctrl+C to stop.');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`preview: ${messageOf(error).replace(/\s*\n\s*/g, ' ')}`);
    process.exit(1);
  });
}
