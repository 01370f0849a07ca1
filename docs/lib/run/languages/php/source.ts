/**
 * The corresponding source of what the PHP tab serves under the GPL, offered beside it, in
 * `run/php/source/` (NOTICE). php-wasm is GPL-2.0-or-later, and the site distributes two of its
 * files: php_8_3.wasm, unmodified, and php-wasm.mjs, php-wasm's JavaScript bundled and changed
 * at build time (./php-wasm-patch.ts). GPLv2 §3 asks that whoever may copy those files from a
 * place may copy their source from the same place, so the build puts it there:
 *
 * - each npm package either file was made from, as the exact tarball npm installed (its sha512
 *   checked against package-lock.json's integrity): @php-wasm/web, universal, web-8-3 (the
 *   .wasm), and the small packages bundled with them, whatever their licence — the GPL asks for
 *   the whole work's source; the packages are read from the bundle's esbuild metafile, so the
 *   list follows the code;
 * - our own files that make php-wasm.mjs from them (the entry, the patch, the bundling step);
 * - the GPL's text (LICENSE), as php-wasm ships it;
 * - SOURCE.txt: what each served file is made of, and where upstream keeps what the tarballs
 *   do not hold — the TypeScript the JavaScript was compiled from, and the recipe that
 *   compiles PHP and its libraries into the .wasm — at the commit the packages were built from.
 *
 * The tarballs come from npm's cache, which `npm ci` filled (`npm pack <name>@<version>
 * --prefer-offline`): no network when the cache has them, the registry's same bytes when not.
 * No third-party file is kept in this repository; the build makes the folder from the installed
 * packages each time.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { execa } from 'execa';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** The folder's name under `run/php/`. */
export const SOURCE_DIR = 'source';

/** Where upstream's source and build recipe live, in php-wasm's repository (its packages' `repository`). */
const UPSTREAM_PATHS = {
  compile: 'packages/php-wasm/compile',
  typescript: 'packages/php-wasm',
};

/** Ours, the files that make php-wasm.mjs from the packages: copied in as they are (MIT). */
const OUR_BUILD_FILES = [
  ['php-wasm.js', join(HERE, 'php-wasm.js')],
  ['php-wasm-patch.ts', join(HERE, 'php-wasm-patch.ts')],
  ['prepare.ts', join(HERE, 'prepare.ts')],
  ['bundle.ts', join(HERE, '..', 'bundle.ts')],
] as const;

interface InstalledPackage {
  name: string;
  version: string;
  license: string;
  repository?: string;
  gitHead?: string;
  /** package-lock.json's sha512 of the tarball npm installed. */
  integrity: string;
  /** The tarball's file name in `source/`. */
  tarball: string;
}

/** `node_modules/a/node_modules/@b/c` for a path inside that package, wherever node_modules itself lives. */
function lockKey(path: string): string | undefined {
  const normalized = path.split('\\').join('/');
  const start = normalized.indexOf('node_modules/');
  if (start < 0) return undefined;
  return /^(?:node_modules\/(?:@[^/]+\/)?[^/]+\/?)+/.exec(normalized.slice(start))?.[0].replace(/\/$/, '');
}

/** The packages a bundle was made from, by their package-lock.json key, from its esbuild metafile. */
export function bundledPackages(metafile: Metafile): string[] {
  return [...new Set(Object.keys(metafile.inputs).flatMap((input) => lockKey(input) ?? []))].sort();
}

const tarballName = (name: string, version: string) => `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;

async function describe(root: string, key: string): Promise<InstalledPackage> {
  const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; integrity?: string }>;
  };
  const locked = lock.packages[key];
  const meta = JSON.parse(await readFile(join(root, key, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license?: string;
    repository?: string | { url?: string };
    gitHead?: string;
  };
  if (!locked?.integrity || locked.version !== meta.version) {
    throw new Error(
      `php-wasm source: package-lock.json has no integrity for ${key} at ${meta.version}; run \`npm ci\` so the installed packages match the lock`,
    );
  }
  const repository = typeof meta.repository === 'string' ? meta.repository : meta.repository?.url;
  return {
    name: meta.name,
    version: meta.version,
    license: meta.license ?? 'no licence field (its LICENSE file says)',
    ...(repository ? { repository: repository.replace(/^git\+/, '').replace(/\.git$/, '') } : {}),
    ...(meta.gitHead ? { gitHead: meta.gitHead } : {}),
    integrity: locked.integrity,
    tarball: tarballName(meta.name, meta.version),
  };
}

/** npm's own tarballs, from its cache when `npm ci` put them there; each checked against the lock. */
async function packTarballs(root: string, out: string, packages: InstalledPackage[]): Promise<void> {
  const packed = await execa(
    'npm',
    ['pack', '--prefer-offline', '--ignore-scripts', '--json', '--pack-destination', out, ...packages.map((p) => `${p.name}@${p.version}`)],
    { cwd: root, reject: false },
  );
  if (packed.exitCode !== 0) {
    throw new Error(
      `php-wasm source: \`npm pack\` could not get the installed packages' tarballs (${packed.stderr.trim().split('\n').at(-1)}); ` +
        'run `npm ci` (it fills npm’s cache), or build where the npm registry is reachable',
    );
  }
  for (const p of packages) {
    const sha512 = `sha512-${createHash('sha512')
      .update(await readFile(join(out, p.tarball)))
      .digest('base64')}`;
    if (sha512 !== p.integrity) {
      throw new Error(`php-wasm source: ${p.tarball} is not the tarball package-lock.json names (${p.integrity}); run \`npm ci\``);
    }
  }
}

function sourceText(packages: InstalledPackage[], served: { wasm: string; wasmFrom: string; js: string; php: string }): string {
  const upstream = packages.find((p) => p.name === '@php-wasm/web') ?? packages[0]!;
  const at = (path: string) =>
    upstream.gitHead ? `${upstream.repository}/tree/${upstream.gitHead}/${path}` : `${upstream.repository} (${path})`;
  return `The corresponding source of run/php/, offered under GPL-2.0-or-later
===================================================================

This site's PHP tab runs PHP in the reader's browser with php-wasm, by the WordPress contributors,
licensed GPL-2.0-or-later. Two of the files it serves come from php-wasm:

  ../${served.wasm}
      PHP ${served.php}, with OpenSSL, libcurl and the other libraries php-wasm links in, compiled
      to WebAssembly by php-wasm: ${served.wasmFrom}, unmodified.

  ../${served.js}
      php-wasm's JavaScript, bundled by esbuild into one file from the packages below, with two
      changes made at build time by build/php-wasm-patch.ts (what each change does and why is
      written at the top of that file). It is distributed under GPL-2.0-or-later.

The rest of the site (our Worker, run/php/worker.mjs, among it) is the Verified docs project's
own work under the MIT licence and only loads these files by URL.

What is in this folder
----------------------

Each package the two files were made from, as the exact tarball npm installed when the site was
built (its sha512 is package-lock.json's integrity for it):

${packages
  .map(
    (p) =>
      `  ${p.tarball}\n      ${p.name} ${p.version}, ${p.license}${p.gitHead ? `, built from commit ${p.gitHead}` : ''}\n      ${p.integrity}`,
  )
  .join('\n')}

LICENSE is the GNU General Public License, version 2, as php-wasm ships it.

build/ holds our own files that make ${served.js} from those packages:
  php-wasm.js        the bundle's entry: the names our Worker imports
  php-wasm-patch.ts  the two changes, applied to @php-wasm/web's index.js and PHP 8.3's loader
  prepare.ts         the build step: which PHP build is kept, how the .wasm is named, esbuild's options
  bundle.ts          esbuild's shared options (minified, ES2022, for the browser)

Where the rest of the source is
-------------------------------

The packages hold php-wasm's JavaScript as it was compiled from TypeScript, and the .wasm as it
was compiled from C. php-wasm's repository holds the forms they were written in, at the commit
the packages record (gitHead):

  ${upstream.repository}, commit ${upstream.gitHead ?? '(not recorded)'}
  - the TypeScript of @php-wasm/web, @php-wasm/universal and the other php-wasm packages:
      ${at(UPSTREAM_PATHS.typescript)}
  - the recipe that compiles PHP and its libraries into php_8_3.wasm (Dockerfile, Makefile,
    php-wasm's own C, the patches it applies to PHP, and the exact versions of PHP and each
    library it downloads):
      ${at(UPSTREAM_PATHS.compile)}

PHP itself is at https://github.com/php/php-src (PHP License), each library at its own project.
`;
}

/**
 * Writes `source/` beside the served files; `bundledFrom` is php-wasm.mjs's esbuild metafile.
 * Not in the manifest's `files`: no runtime fetches it, and Run's byte counts leave it out.
 */
export async function offerPhpWasmSource(options: {
  root: string;
  dir: string;
  bundledFrom: Metafile;
  /** The lock key of the package the .wasm was copied from, and the file's path in it. */
  wasmFrom: { key: string; path: string };
  served: { wasm: string; js: string; php: string };
}): Promise<void> {
  const out = join(options.dir, SOURCE_DIR);
  await mkdir(join(out, 'build'), { recursive: true });
  const keys = [...new Set([...bundledPackages(options.bundledFrom), options.wasmFrom.key])].sort();
  const packages = await Promise.all(keys.map((key) => describe(options.root, key)));
  const wasmPackage = packages[keys.indexOf(options.wasmFrom.key)]!;
  packages.sort((a, b) => a.name.localeCompare(b.name));
  await packTarballs(options.root, out, packages);
  for (const [name, path] of OUR_BUILD_FILES) await copyFile(path, join(out, 'build', name));
  // GPLv2 §1: a copy of the licence goes with the program; php-wasm's own copy of its text.
  await copyFile(join(options.root, 'node_modules', '@php-wasm', 'web', 'LICENSE'), join(out, 'LICENSE'));
  await writeFile(
    join(out, 'SOURCE.txt'),
    sourceText(packages, { ...options.served, wasmFrom: `${options.wasmFrom.path} in ${wasmPackage.tarball} (${wasmPackage.name})` }),
  );
}
