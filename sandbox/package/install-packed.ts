/**
 * The package as a reader gets it: `npm pack` (which builds dist/, see build.ts) and an
 * `npm install` of the tarball in an empty folder outside this repository. The tarball test and
 * `npm run bench:proxy` start from here. Not part of the package.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * This process's environment without npm's `npm_*` variables: a `npm run` that started us
 * exports its own config (the repository's .npmrc, a --workspace), which must not leak into a
 * reader's install. Kept: where the machine's npm cache and registry are and how to reach them.
 */
export function readerEnv(extra: Record<string, string> = {}): Record<string, string> {
  const machine = /^npm_config_(cache|registry|userconfig|proxy|https_proxy|noproxy|strict_ssl|cafile|ca)$/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) || machine.test(name)));
  return { ...(env as Record<string, string>), ...extra };
}

/**
 * Packs the package into `dir`/pack and installs it, with `alongside` (e.g. `mercadopago@3.6.1`),
 * into `dir`/reader, an npm project of its own. npm's cache is used first (`--prefer-offline`), so
 * only what the cache lacks comes from the registry. Resolves to the reader's folder and the tarball.
 */
export async function installPacked(dir: string, alongside: string[] = []): Promise<{ folder: string; tarball: string }> {
  const packDir = join(dir, 'pack');
  const folder = join(dir, 'reader');
  await mkdir(packDir, { recursive: true });
  await mkdir(folder, { recursive: true });
  const packed = await execa('npm', ['pack', '--workspace', 'sandbox/package', '--pack-destination', packDir, '--json'], {
    cwd: ROOT,
    env: readerEnv(),
    extendEnv: false,
  });
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  const tarball = join(packDir, filename);
  // A package.json of its own, so npm installs here rather than in a project above the folder.
  await writeFile(join(folder, 'package.json'), `${JSON.stringify({ name: 'reader', private: true, type: 'module' }, null, 2)}\n`);
  await execa('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--save-exact', tarball, ...alongside], {
    cwd: folder,
    env: readerEnv(),
    extendEnv: false,
  });
  return { folder, tarball };
}

/** The `mercadopago` version the repository's Node examples pin: what the reader's test installs. */
export async function pinnedNodeSdk(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(ROOT, 'examples', 'cancel-reserve', 'node', 'package.json'), 'utf8'));
  return `mercadopago@${manifest.dependencies.mercadopago}`;
}
