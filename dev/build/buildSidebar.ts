// Builds the follow-up sidebar into one self-contained Sidebar.html: the bundled script and the
// stylesheet inlined into sidebar/index.html, nothing left to fetch (HtmlService serves one file).

import { build, transform } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SIDEBAR = join(ROOT, 'sidebar');
const STYLE_MARKER = '<!-- inline: style.css -->';
const SCRIPT_MARKER = '<!-- inline: main.ts -->';

/**
 * Writes `${outDir}/Sidebar.html` and returns its path. Throws when index.html lacks a marker, or
 * when the page would reach for anything outside itself.
 */
export async function buildSidebar(outDir: string): Promise<string> {
  const [script, style] = await Promise.all([bundleScript(), minifyStyle()]);
  const shell = readFileSync(join(SIDEBAR, 'index.html'), 'utf8');
  const page = inline(
    inline(shell, STYLE_MARKER, `<style>${style}</style>`),
    SCRIPT_MARKER,
    `<script>${script}</script>`,
  );
  assertSelfContained(page);
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, 'Sidebar.html');
  writeFileSync(path, page);
  return path;
}

async function bundleScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(SIDEBAR, 'main.ts')],
    bundle: true,
    format: 'iife',
    // The same floor as the server bundle; Chromium-based sidebars run it all.
    target: 'es2019',
    platform: 'browser',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    tsconfig: join(ROOT, 'tsconfig.sidebar.json'),
  });
  const script = result.outputFiles[0].text.trim();
  // `</script` inside the code would end the inline element early.
  if (/<\/script/i.test(script)) throw new Error('The sidebar script contains "</script".');
  return script;
}

async function minifyStyle(): Promise<string> {
  const css = readFileSync(join(SIDEBAR, 'style.css'), 'utf8');
  const result = await transform(css, { loader: 'css', minify: true, target: 'chrome80' });
  const style = result.code.trim();
  if (/<\/style/i.test(style)) throw new Error('The sidebar stylesheet contains "</style".');
  const fetched = /@import\b|url\(\s*["']?(?!data:)/i.exec(style);
  if (fetched) throw new Error(`The sidebar stylesheet must fetch nothing; found "${fetched[0]}".`);
  return style;
}

/** Puts `content` where `marker` is; a function replacement, so `$&` in the code stays literal. */
function inline(page: string, marker: string, content: string): string {
  if (page.split(marker).length !== 2) {
    throw new Error(`sidebar/index.html must hold "${marker}" exactly once.`);
  }
  return page.replace(marker, () => content);
}

/** HtmlService serves one file, and a sidebar that loads nothing works offline and leaks nothing. */
function assertSelfContained(page: string): void {
  const reachesOut =
    /\b(?:src|href|srcset|action|poster)\s*=\s*["']?\s*(?:[a-z][a-z\d+.-]*:|\/\/)/i;
  const found = reachesOut.exec(page) ?? /<link\b[^>]*>/i.exec(page);
  if (found) throw new Error(`Sidebar.html must load nothing from outside; found "${found[0]}".`);
}

if (require.main === module) {
  const outDir = process.argv[2] ?? join(ROOT, 'dist');
  buildSidebar(outDir).then(
    (path) => console.log(`Sidebar written: ${path}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
