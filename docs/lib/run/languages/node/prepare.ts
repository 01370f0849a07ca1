/**
 * The Node tab in the browser: the official npm SDK, bundled for the browser, and a frame page
 * whose import map sends the tab's `import … from 'mercadopago'` (and 'node:crypto') to our
 * files. The tab's `.mjs` runs unchanged as a module in that same-origin frame (./frame.ts):
 * import maps do not reach into Workers, and the Service Worker controls the frame.
 */
import { rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrepareStep } from '../../prepare.ts';
import { bundle } from '../bundle.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

export const prepareNode: PrepareStep = async ({ dir, root }) => {
  const require = createRequire(join(root, 'examples', 'cancel-reserve', 'node', 'package.json'));
  const sdkMain = require.resolve('mercadopago');
  const { version } = require('mercadopago/package.json') as { version: string };
  // The SDK is CommonJS: `export *` from it would give no named exports, so name them.
  const names = Object.keys(require('mercadopago') as object).filter((name) => name !== 'default' && name !== '__esModule');
  const entry = join(dir, 'mercadopago-entry.mjs');
  await writeFile(entry, `export { ${names.join(', ')} } from ${JSON.stringify(sdkMain)};\n`);
  // The SDK's one Node built-in is crypto (randomUUID, randomInt): our Web Crypto stand-in is
  // bundled in, as a require() of an external module cannot become an import in ESM output.
  await bundle({ entryPoints: [entry], outfile: join(dir, 'mercadopago.mjs'), alias: { crypto: join(HERE, 'crypto.ts') } });
  await rm(entry);
  await bundle({ entryPoints: [join(HERE, 'crypto.ts')], outfile: join(dir, 'crypto.mjs') });
  await bundle({ entryPoints: [join(HERE, 'frame.ts')], outfile: join(dir, 'frame.mjs') });
  const importMap = { imports: { mercadopago: './mercadopago.mjs', 'node:crypto': './crypto.mjs', crypto: './crypto.mjs' } };
  await writeFile(
    join(dir, 'frame.html'),
    `<!doctype html><meta charset="utf-8"><title>Node tab</title>\n<script type="importmap">${JSON.stringify(importMap)}</script>\n<script type="module" src="./frame.mjs"></script>\n`,
  );
  return {
    runtime: 'the browser, with Node’s process and console',
    sdk: `mercadopago (npm) ${version}`,
    files: ['frame.html', 'frame.mjs', 'mercadopago.mjs', 'crypto.mjs'],
  };
};
