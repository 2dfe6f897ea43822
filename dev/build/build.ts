// npm run build: bundles src/main.ts with esbuild into dist/Code.js for Apps Script, adds one
// top-level function per entry point (google.script.run and triggers need real declarations),
// and copies the manifest. dist/ is exactly what clasp pushes. It first regenerates the Traditional
// Chinese tables from the catalogue.

import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSidebar } from './buildSidebar';
import { writeHantTables } from './hantTables';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const NAMESPACE = 'LeadTracker';

export async function buildBundle(): Promise<string[]> {
  // The Traditional tables follow the catalogue: a string added since the last build is converted.
  await writeHantTables();
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  const entryPoints = Object.keys(await import('../../src/main')).filter(
    (name) => name !== 'default',
  );
  const result = await build({
    entryPoints: [join(ROOT, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: NAMESPACE,
    // Apps Script's V8 runs ES2019 reliably; later syntax is lowered.
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    tsconfig: join(ROOT, 'tsconfig.app.json'),
  });
  const stubs = entryPoints
    .map((name) => `function ${name}(...args) {\n  return ${NAMESPACE}.${name}(...args);\n}`)
    .join('\n\n');
  const code = `// Lead Tracker — built bundle. Edit the TypeScript sources, not this file.\n${result.outputFiles[0].text}\n${stubs}\n`;
  writeFileSync(join(DIST, 'Code.js'), code);
  copyFileSync(join(ROOT, 'appsscript.json'), join(DIST, 'appsscript.json'));
  await buildSidebar(DIST);
  return entryPoints;
}

if (require.main === module) {
  buildBundle().then(
    (entries) =>
      console.log(
        `dist/ written: Code.js (${entries.length} entry points: ${entries.join(', ')}), appsscript.json`,
      ),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
