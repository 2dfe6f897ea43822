// The browser tests' headless Chromium (the system's, else the npm package's) and Chinese font.

import { execFile } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Flags for every Chromium: headless, and nothing that talks to Google behind the tests' back. The
 * bundled one needs no more: the package's own flags (one process, no zygote, software WebGL) are for
 * AWS Lambda's sandbox, and these tests run no WebGL.
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Debian and Ubuntu put their Chromium; the names it goes by on PATH elsewhere. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_NAMES = ['chromium', 'chromium-browser'];

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * The system's Chromium: CHROMIUM_PATH if set, else Debian's, else one on PATH. With
 * LEAD_TRACKER_BUNDLED_CHROMIUM=1 there is none, so the bundled one runs even where the system has
 * its own: the way to check the fallback that a machine with nothing but Node gets.
 */
function systemChromium(): string | undefined {
  if (process.env.LEAD_TRACKER_BUNDLED_CHROMIUM === '1') return undefined;
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!isExecutable(chosen)) throw new Error(`CHROMIUM_PATH=${chosen} is not an executable file`);
    return chosen;
  }
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => CHROMIUM_NAMES.map((name) => join(dir, name)));
  return [SYSTEM_CHROMIUM, ...onPath].find(isExecutable);
}

/** A Chromium to launch: its path, and what its process needs in its environment. */
interface Executable {
  path: string;
  env?: Record<string, string>;
}

/**
 * Unpacks the package's Chromium once per version into its own folder under the temp dir. The
 * package is ESM-only and ts-jest compiles these tests to CommonJS, where a dynamic import fails
 * without jest's experimental VM modules; a child Node process imports it instead. The package
 * unpacks into os.tmpdir() and reuses whatever it finds there, so the child gets a fresh folder as
 * its TMPDIR, renamed into place when complete: parallel test files, or a run cut short, never
 * launch a half-written binary.
 */
async function bundledChromium(): Promise<Executable> {
  const entry = require.resolve('@sparticuz/chromium');
  const packageDir = join(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const home = join(tmpdir(), `lead-tracker-chromium-${version}-${process.getuid?.() ?? 'user'}`);
  const binary = join(home, 'chromium');
  if (!isExecutable(binary)) {
    const staging = mkdtempSync(`${home}.partial-`);
    try {
      // Its Chromium and fonts, and the NSS libraries the binary links to, which the package ships
      // for Amazon Linux: a machine with only Node may have no libnss3 either.
      const script = [
        `import Chromium, { inflate } from ${JSON.stringify(pathToFileURL(entry).href)};`,
        `await Chromium.executablePath();`,
        `await inflate(${JSON.stringify(join(packageDir, 'bin', 'al2023.tar.br'))});`,
      ].join('\n');
      await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, TMPDIR: staging },
      });
      // The system's fonts where it has a font setup, plus the package's Open Sans where it has none.
      writeFileSync(
        join(staging, 'fonts.conf'),
        [
          '<?xml version="1.0"?>',
          '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
          '<fontconfig>',
          '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
          `  <dir>${join(home, 'fonts', 'fonts')}</dir>`,
          `  <cachedir>${join(home, 'fonts-cache')}</cachedir>`,
          '</fontconfig>',
          '',
        ].join('\n'),
      );
      renameSync(staging, home);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      // Another test file unpacked it first: theirs is as good as ours.
      if (!isExecutable(binary)) throw error;
    }
  }
  const libraries = join(home, 'al2023', 'lib');
  const inherited = process.env.LD_LIBRARY_PATH;
  return {
    path: binary,
    env: {
      LD_LIBRARY_PATH: inherited ? `${libraries}${delimiter}${inherited}` : libraries,
      FONTCONFIG_FILE: join(home, 'fonts.conf'),
    },
  };
}

/** A headless Chromium; the system's is used as it is, the bundled one with its own libraries. */
export async function launchChromium(): Promise<Browser> {
  const system = systemChromium();
  const { path, env } = system ? { path: system, env: undefined } : await bundledChromium();
  return chromium.launch({
    executablePath: path,
    args: FLAGS,
    env: env && { ...(process.env as Record<string, string>), ...env },
  });
}

/**
 * The Chinese family both pages' font stacks name first (macOS's); Noto Sans SC goes in under that
 * name, since a web font wins over any machine's font of the same name and the rest of the stack is
 * left as the page wrote it.
 */
const CHINESE_FAMILY = 'PingFang SC';

/** The family the Traditional Chinese font stacks name first (macOS's). */
const TRADITIONAL_FAMILY = 'PingFang TC';

const fonts = new Map<string, string>();

/** A font file of an installed @fontsource package, as base64. */
function fontBytes(file: string): string {
  let bytes = fonts.get(file);
  if (bytes === undefined) {
    bytes = readFileSync(require.resolve(file)).toString('base64');
    fonts.set(file, bytes);
  }
  return bytes;
}

/** Adds a face under `family` from bytes before the page's own scripts run. */
async function addFace(target: Page | BrowserContext, family: string, font: string): Promise<void> {
  await target.addInitScript(
    ({ family, font }) => {
      // Every new page starts as about:blank, which has no text to show.
      if (location.href === 'about:blank') return;
      const bytes = Uint8Array.from(atob(font), (char) => char.charCodeAt(0));
      // FontFaceSet is a set; its add() is typed only in lib.dom.iterable, which these tests leave out.
      (document.fonts as unknown as Set<FontFace>).add(new FontFace(family, bytes));
    },
    { family, font },
  );
}

/**
 * Makes a page, or every page of a context, show Chinese on any machine, so screenshots show
 * characters and not boxes: the bundled Chromium sees no Chinese font, and a machine may have none.
 * Before the page's own scripts run, Noto Sans SC's simplified-Chinese face (regular; bold is
 * synthesised) is added from bytes, so it is loaded before any text is laid out: a face fetched
 * while text already showed in a system font earlier in the stack left those characters as boxes.
 * The page itself is unchanged and asks for nothing more.
 */
export async function showChinese(target: Page | BrowserContext): Promise<void> {
  await addFace(
    target,
    CHINESE_FAMILY,
    fontBytes('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff2'),
  );
}

/**
 * As showChinese, for Traditional Chinese pages: Noto Sans TC's traditional-Chinese face under the
 * family their stacks name first, since the simplified face lacks many Traditional characters.
 */
export async function showTraditionalChinese(target: Page | BrowserContext): Promise<void> {
  await addFace(
    target,
    TRADITIONAL_FAMILY,
    fontBytes('@fontsource/noto-sans-tc/files/noto-sans-tc-chinese-traditional-400-normal.woff2'),
  );
}
