/**
 * The PHP tab in the browser: php-wasm (npm `@php-wasm/web`, PHP compiled to WebAssembly by
 * WordPress Playground) in a module Worker (./worker.ts), with our SDK double laid out as the
 * verifier runs it (include_path → the double, whose vendor/autoload.php the tab requires).
 *
 * php-wasm's loader imports every PHP version it knows by package name, and each version's
 * loader imports its .wasm as a bundler asset: the plugin below keeps PHP 8.3's JSPI build
 * only, and turns the .wasm import into the URL of the copy served beside the worker.
 */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import type { PrepareStep } from '../../prepare.ts';
import { bundle } from '../bundle.ts';
import { DOUBLE_FILE, PHP_WASM_FILE, WASM_FILE } from './files.ts';
import { phpWasmNoAnswer } from './php-wasm-patch.ts';
import { offerPhpWasmSource, SOURCE_DIR } from './source.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Where @php-wasm/web-8-3 keeps its JSPI build (JSPI only: the Python tab needs it already). */
const jspiDir = (root: string) => join(root, 'node_modules', '@php-wasm', 'web-8-3', 'jspi');

function onlyPhp83(root: string): Plugin {
  const loader = join(jspiDir(root), 'php_8_3.js');
  return {
    name: 'php-wasm-8.3-jspi',
    setup(build) {
      build.onResolve({ filter: /^@php-wasm\/web-\d-\d$/ }, (args) => ({ path: args.path, namespace: 'php-version' }));
      build.onLoad({ filter: /.*/, namespace: 'php-version' }, (args) => ({
        contents:
          args.path === '@php-wasm/web-8-3'
            ? `export const getPHPLoaderModule = () => import(${JSON.stringify(loader)});\n` +
              `export const getIntlExtensionPath = () => { throw new Error('intl is not served'); };\n`
            : `export const getPHPLoaderModule = () => { throw new Error('only PHP 8.3 is served'); };\n`,
        loader: 'js',
        resolveDir: root,
      }));
      // The loader's `import dependencyFilename from './8_3_33/php_8_3.wasm'`, and intl's ICU data.
      build.onResolve({ filter: /\.(wasm|dat)$/ }, (args) => ({ path: args.path, namespace: 'php-asset' }));
      build.onLoad({ filter: /.*/, namespace: 'php-asset' }, (args) => ({
        contents: args.path.endsWith('.wasm')
          ? `export default new URL(${JSON.stringify(WASM_FILE)}, import.meta.url).href;\n`
          : `export default '';\n`,
        loader: 'js',
      }));
    },
  };
}

/** Every file of the double the tab loads (vendor/autoload.php and src/), by its path in the double. */
async function doubleFiles(root: string): Promise<Record<string, string>> {
  const double = join(root, 'sandbox', 'sdk-doubles', 'php');
  const files: Record<string, string> = {};
  for (const folder of ['vendor', 'src']) {
    const entries = await readdir(join(double, folder), { recursive: true, withFileTypes: true });
    for (const e of entries.filter((e) => e.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(e.parentPath, e.name);
      files[relative(double, path).split('\\').join('/')] = await readFile(path, 'utf8');
    }
  }
  return files;
}

export const preparePhp: PrepareStep = async ({ dir, root }) => {
  const packageJson = async (name: string) =>
    JSON.parse(await readFile(join(root, 'node_modules', '@php-wasm', name, 'package.json'), 'utf8')) as { version: string };
  const { version } = await packageJson('web');
  const loader = await readFile(join(jspiDir(root), 'php_8_3.js'), 'utf8');
  const php = /phpVersionString = '([\d.]+)'/.exec(loader)?.[1];
  const wasm = /from '\.\/(8_3_\d+\/php_8_3\.wasm)'/.exec(loader)?.[1];
  if (!php || !wasm) throw new Error('php-wasm: the PHP 8.3 loader no longer names its version and .wasm as this step expects');
  await copyFile(join(jspiDir(root), wasm), join(dir, WASM_FILE));

  const double = JSON.parse(await readFile(join(root, 'sandbox', 'sdk-doubles', 'php', 'DOUBLE.json'), 'utf8')) as {
    double_of: string;
    version: string;
  };
  // One file for the double's 39 small ones: one request on the first Run, not 39.
  await writeFile(join(dir, DOUBLE_FILE), `${JSON.stringify(await doubleFiles(root))}\n`);

  // Ours (MIT) and php-wasm's (GPL-2.0-or-later) in two files: the Worker imports the other by URL.
  await bundle({ entryPoints: [join(HERE, 'worker.ts')], outfile: join(dir, 'worker.mjs') });
  const { metafile } = await bundle({
    entryPoints: [join(HERE, 'php-wasm.js')],
    outfile: join(dir, PHP_WASM_FILE),
    plugins: [onlyPhp83(root), phpWasmNoAnswer],
    // Imported by php-wasm only when it runs in Node.
    external: ['worker_threads'],
    // Kept, as their licence asks of copies.
    legalComments: 'inline',
    // GPLv2 §2(a): a changed file says it was changed; §3: and where its source is.
    banner: {
      js: `/* php-wasm ${version} (GPL-2.0-or-later), bundled and changed at build time by Verified docs (${SOURCE_DIR}/build/php-wasm-patch.ts); its source: ${SOURCE_DIR}/SOURCE.txt */`,
    },
    metafile: true,
  });
  // Beside the GPL files, their corresponding source (./source.ts).
  await offerPhpWasmSource({
    root,
    dir,
    bundledFrom: metafile!,
    wasmFrom: { key: 'node_modules/@php-wasm/web-8-3', path: `jspi/${wasm}` },
    served: { wasm: WASM_FILE, js: PHP_WASM_FILE, php },
  });
  return {
    runtime: `php-wasm ${version} (PHP ${php})`,
    sdk: `${double.double_of} ${double.version} (SDK double)`,
    files: ['worker.mjs', PHP_WASM_FILE, WASM_FILE, DOUBLE_FILE],
  };
};
