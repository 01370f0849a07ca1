import { createHash } from 'node:crypto';
import { readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { cacheDir, exists } from '../runner.ts';

/**
 * The framework assemblies a program of ours loads (`MONO_LOG_MASK=aot MONO_LOG_LEVEL=info`
 * lists them): Debian ships an ahead-of-time image of mscorlib only, so Mono compiles these
 * anew, method by method, in every run.
 */
const FRAMEWORK = [
  'System',
  'System.Core',
  'System.Net.Http',
  'System.Web.Extensions',
  'System.Web',
  'System.Xml',
  'System.Configuration',
  'Mono.Security',
];

/**
 * Native images (`mono --aot`) of those assemblies and of the SDK double, made once per Mono
 * version into .cache/, so a run starts from compiled code: `--aot-path=<folder>` points Mono
 * at them, and an image beside an assembly (the double's) is found without it. A start-up
 * setting only: Mono checks each image against its assembly and ignores one that does not
 * match, so a stale or missing image costs time, never a wrong result.
 *
 * Returns the folder for `--aot-path`, or undefined when Mono's GAC is not where Debian puts it.
 */
export async function monoAotImages(double: string): Promise<string | undefined> {
  await aotCompile(double, `${double}.so`);
  const gac = join(
    dirname(dirname((await execa('readlink', ['-f', (await execa('which', ['mono'])).stdout])).stdout)),
    'lib',
    'mono',
    'gac',
  );
  if (!(await exists(gac))) return undefined;
  const version = (await execa('mono', ['--version'])).stdout.split('\n')[0] ?? '';
  const dir = await cacheDir('csharp', `aot-${createHash('sha256').update(version).digest('hex').slice(0, 12)}`);
  for (const name of FRAMEWORK) {
    const versions = (await readdir(join(gac, name)).catch(() => [] as string[])).filter((v) => v.startsWith('4.0.0.0__'));
    if (versions[0]) await aotCompile(join(gac, name, versions[0], `${name}.dll`), join(dir, `${name}.dll.so`));
  }
  return dir;
}

/** Compiles one assembly's image, aside and moved in whole: Mono must never map a half-written one. */
async function aotCompile(assembly: string, image: string): Promise<void> {
  if (await exists(image)) return;
  const partial = `${image}.partial-${process.pid}`;
  const result = await execa('mono', [`--aot=outfile=${partial}`, assembly], { reject: false, all: true });
  if (result.exitCode === 0 && (await exists(partial))) await rename(partial, image);
  else await rm(partial, { force: true });
}
