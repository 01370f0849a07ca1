import { createHash } from 'node:crypto';
import { access, copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { cacheDir, chooseDoubleOrFail, commandVersion, compiledOnce, doubleDir, type Runner } from '../runner.ts';
import { monoAotImages } from './mono-aot.ts';

/**
 * C#: an SDK double of the mercadopago-sdk NuGet package (NuGet is out of reach),
 * compiled once into MercadoPago.dll with Mono's mcs; each file is compiled against it
 * as C# 7 and run with mono.
 */
export const csharp: Runner = {
  id: 'csharp',
  runtime: {
    name: 'Mono',
    install: 'apt-get install -y mono-devel',
    version: () => commandVersion('mono', ['--version']),
  },
  async prepare(choice) {
    const sdk = await chooseDoubleOrFail(choice, { name: 'NuGet', url: 'https://api.nuget.org/v3/index.json' }, 'csharp');
    const dll = await buildCsharpDouble();
    const mcsVersion = (await execa('mcs', ['--version'])).stdout;
    const aotPath = await monoAotImages(dll);
    const mono = (exe: string) => [...(aotPath ? [`--aot-path=${aotPath}`] : []), exe];
    return {
      sdk,
      async command(file, ca, workDir) {
        const compiled = await compiledOnce('csharp', [await readFile(file), await readFile(dll), mcsVersion], async (out) => {
          const mcs = await execa('mcs', ['-langversion:7', `-r:${dll}`, '-r:System.Net.Http', `-out:${join(out, 'program.exe')}`, file], {
            reject: false,
            all: true,
          });
          return mcs.exitCode === 0 ? undefined : { compileError: String(mcs.all) };
        });
        if ('compileError' in compiled) return compiled;
        const exe = join(compiled.dir, 'program.exe');
        if (!ca) return { command: 'mono', args: mono(exe), env: { MONO_PATH: join(dll, '..') } as Record<string, string> };
        // Mono ignores SSL_CERT_FILE and trusts its own stores; a per-run config folder
        // holds a user store with only the run's CA (the file name is OpenSSL's subject hash).
        const trust = join(workDir, 'xdg', '.mono', 'new-certs', 'Trust');
        await mkdir(trust, { recursive: true });
        const hash = (await execa('openssl', ['x509', '-subject_hash', '-noout', '-in', ca.caFile])).stdout.trim();
        await copyFile(ca.caFile, join(trust, `${hash}.0`));
        return {
          command: 'mono',
          args: mono(exe),
          env: { MONO_PATH: join(dll, '..'), XDG_CONFIG_HOME: join(workDir, 'xdg') },
        };
      },
    };
  },
};

/** Builds sandbox/sdk-doubles/csharp into a cached MercadoPago.dll, rebuilt when its sources change. */
export async function buildCsharpDouble(): Promise<string> {
  const src = join(doubleDir('csharp'), 'src');
  const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith('.cs')).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(await readFile(join(src, file)));
  const dir = join(await cacheDir('csharp'), hash.digest('hex').slice(0, 12));
  const dll = join(dir, 'MercadoPago.dll');
  if (
    !(await access(dll).then(
      () => true,
      () => false,
    ))
  ) {
    // Built aside and moved in whole, so an interrupted build is never taken for a good one.
    // (The assembly's name comes from the file name, so the file itself keeps its name.)
    const partial = `${dir}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial, { recursive: true });
    await execa('mcs', [
      '-langversion:7',
      '-warnaserror+',
      '-target:library',
      '-r:System.Net.Http',
      '-r:System.Web.Extensions',
      `-out:${join(partial, 'MercadoPago.dll')}`,
      ...files.map((file) => join(src, file)),
    ]);
    await rm(dir, { recursive: true, force: true });
    await rename(partial, dir);
  }
  return dll;
}
