/**
 * `npm pack` runs this (`prepack`): Node will not strip TypeScript types under node_modules, so
 * the package carries JavaScript. esbuild bundles the command and the handlers' entry, each with
 * the sandbox's modules and the language table it prints, into dist/; the dependencies
 * (msw, execa) stay imports, installed beside it. tsc writes the entry's type declarations.
 * Also copied in: the licence, and sandbox/README.md as dist/RULES.md, which the README links.
 */
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { execa } from 'execa';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..');
const DIST = join(HERE, 'dist');
const manifest = JSON.parse(await readFile(join(HERE, 'package.json'), 'utf8')) as { engines: { node: string } };

await rm(DIST, { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  // The lowest Node the manifest claims (">=22.12" → node22.12): esbuild then keeps its syntax.
  target: `node${manifest.engines.node.replace(/^>=/, '')}`,
  packages: 'external',
  legalComments: 'none',
  logLevel: 'warning',
} as const;
await build({ ...common, entryPoints: [join(HERE, 'cli.ts')], outfile: join(DIST, 'cli.js'), banner: { js: '#!/usr/bin/env node' } });
await build({ ...common, entryPoints: [join(HERE, 'index.ts')], outfile: join(DIST, 'index.js') });

await execa(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(HERE, 'tsconfig.types.json')], { stdio: 'inherit' });
// tsc keeps the sources' `.ts` specifiers; a reader's TypeScript resolves `.js` to the `.d.ts` beside it.
for (const entry of await readdir(join(DIST, 'types'), { recursive: true })) {
  if (!entry.endsWith('.d.ts')) continue;
  const file = join(DIST, 'types', entry);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/(['"])(\.{1,2}\/[^'"]+)\.ts\1/g, '$1$2.js$1'));
}

await copyFile(join(ROOT, 'LICENSE'), join(DIST, 'LICENSE'));
const rules = await readFile(join(ROOT, 'sandbox', 'README.md'), 'utf8');
await writeFile(
  join(DIST, 'RULES.md'),
  `<!-- sandbox/README.md of the repository this package is built from, copied at pack time. Paths in it name that repository's files. -->\n\n${rules}`,
);
