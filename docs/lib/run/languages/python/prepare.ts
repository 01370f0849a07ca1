/**
 * The Python tab in the browser: Pyodide (npm `pyodide`, CPython for WebAssembly) in a module
 * Worker (./worker.ts), with the official SDK and its dependencies as PyPI's own wheels, which
 * pip fetches at build time and checks against the hashes below, and a lock of ours that lists
 * them (Pyodide's lock names its own rebuilds, whose hashes differ). The wheels are kept in
 * .cache/ after the first build, so a warm build needs no network.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { cacheDir, exists } from '../../../../../scripts/verify/runner.ts';
import type { PrepareStep } from '../../prepare.ts';
import { bundle } from '../bundle.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** The SDK and what it needs, pure-Python wheels, each with PyPI's sha256. */
const WHEELS = [
  {
    name: 'mercadopago',
    version: '3.6.0',
    imports: ['mercadopago'],
    depends: ['requests'],
    sha256: '9a405991f8520ee36b2857bf7b2c8fbd701a5f429fc8f60fcf9fd2a9e664bb0f',
  },
  {
    name: 'requests',
    version: '2.33.1',
    imports: ['requests'],
    depends: ['charset-normalizer', 'idna', 'urllib3', 'certifi'],
    sha256: '4e6d1ef462f3626a1f0a0a9c42dd93c63bad33f9f1c1937509b8c5c8718ab56a',
  },
  {
    name: 'urllib3',
    version: '2.6.3',
    imports: ['urllib3'],
    depends: [],
    sha256: 'bf272323e553dfb2e87d9bfd225ca7b0f467b919d7bbd355436d3fd37cb0acd4',
  },
  {
    name: 'idna',
    version: '3.11',
    imports: ['idna'],
    depends: [],
    sha256: '771a87f49d9defaf64091e6e6fe9c18d4833f140bd19464795bc32d966ca37ea',
  },
  {
    name: 'certifi',
    version: '2026.4.22',
    imports: ['certifi'],
    depends: [],
    sha256: '3cb2210c8f88ba2318d29b0388d1023c8492ff72ecdde4ebdaddbb13a31b1c4a',
  },
  {
    name: 'charset-normalizer',
    version: '3.4.7',
    imports: ['charset_normalizer'],
    depends: [],
    sha256: '3dce51d0f5e7951f8bb4900c257dad282f49190fdbebecd4ba99bcc41fef404d',
  },
];
/** Of the npm package, the files the Worker loads (the rest is a console, maps and types). */
const CORE = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip'];

const wheelFile = (w: (typeof WHEELS)[number]) => `${w.name.replaceAll('-', '_')}-${w.version}-py3-none-any.whl`;
const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

export const preparePython: PrepareStep = async ({ dir, root }) => {
  const pyodide = join(root, 'node_modules', 'pyodide');
  const { version } = JSON.parse(await readFile(join(pyodide, 'package.json'), 'utf8')) as { version: string };
  await mkdir(join(dir, 'pyodide'), { recursive: true });
  for (const file of CORE) await copyFile(join(pyodide, file), join(dir, 'pyodide', file));

  const wheels = await cacheDir('browser-runtimes', 'wheels');
  const missing = [];
  for (const w of WHEELS)
    if (!(await exists(join(wheels, wheelFile(w)))) || (await sha256(join(wheels, wheelFile(w)))) !== w.sha256) missing.push(w);
  if (missing.length > 0) {
    const requirements = join(wheels, 'requirements.txt');
    await writeFile(requirements, missing.map((w) => `${w.name}==${w.version} --hash=sha256:${w.sha256}\n`).join(''));
    // Only pure wheels (--platform any --abi none): a wheel compiled for this machine cannot load in Pyodide.
    await execa('python3', [
      '-m',
      'pip',
      'download',
      '--quiet',
      '--no-deps',
      '--only-binary=:all:',
      '--require-hashes',
      '--platform',
      'any',
      '--python-version',
      '3.14',
      '--implementation',
      'py',
      '--abi',
      'none',
      '-d',
      wheels,
      '-r',
      requirements,
    ]);
  }
  await mkdir(join(dir, 'wheels'), { recursive: true });
  const lock = JSON.parse(await readFile(join(pyodide, 'pyodide-lock.json'), 'utf8')) as { info: { python: string } };
  const packages: Record<string, unknown> = {};
  for (const w of WHEELS) {
    await copyFile(join(wheels, wheelFile(w)), join(dir, 'wheels', wheelFile(w)));
    packages[w.name] = {
      name: w.name,
      version: w.version,
      file_name: wheelFile(w),
      install_dir: 'site',
      sha256: w.sha256,
      package_type: 'package',
      imports: w.imports,
      depends: w.depends,
      unvendored_tests: false,
    };
  }
  // Pyodide's `info` (its Python, ABI and platform) and exactly our wheels.
  await writeFile(join(dir, 'site-lock.json'), `${JSON.stringify({ info: lock.info, packages })}\n`);
  await bundle({ entryPoints: [join(HERE, 'worker.ts')], outfile: join(dir, 'worker.mjs') });
  return {
    runtime: `Pyodide ${version} (CPython ${lock.info.python})`,
    sdk: `mercadopago (PyPI) ${WHEELS[0]!.version}`,
    files: ['worker.mjs', 'site-lock.json', ...CORE.map((f) => `pyodide/${f}`), ...WHEELS.map((w) => `wheels/${wheelFile(w)}`)],
  };
};
