/**
 * The Go tab in the browser: each operation's program, built at build time with the official
 * sdk-go for GOOS=js GOARCH=wasm (net/http then calls fetch), and Go's own wasm_exec.js. The
 * builds are cached like the verifier's compiled programs, by the hash of their inputs, with
 * the verifier's Go settings (scripts/verify/runners/go.ts), offline. Go is compiled: a reader's
 * edit cannot run in the page, so the tab runs only as published.
 */
import { copyFile, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { compiledOnce } from '../../../../../scripts/verify/runner.ts';
import { exampleModules, goCommand, goEnv } from '../../../../../scripts/verify/runners/go.ts';
import type { PrepareStep } from '../../prepare.ts';
import { bundle } from '../bundle.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const WASM = ['GOOS=js', 'GOARCH=wasm', '-trimpath', '-ldflags=-s -w'];

export const prepareGo: PrepareStep = async ({ dir }) => {
  const go = await goCommand();
  const env = { ...(await goEnv()), GOOS: 'js', GOARCH: 'wasm', GOPROXY: 'off' };
  const goVersion = (await execa(go, ['version'])).stdout.trim();
  const binaries: Record<string, string> = {};
  for (const module of await exampleModules()) {
    const operation = basename(dirname(module));
    const inputs = await Promise.all(['main.go', 'go.mod', 'go.sum'].map((name) => readFile(join(module, name))));
    const built = await compiledOnce('go', [...inputs, goVersion, WASM.join(' ')], async (out) => {
      const result = await execa(go, ['build', '-trimpath', '-ldflags=-s -w', '-o', join(out, 'program.wasm'), '.'], {
        cwd: module,
        env,
        reject: false,
        all: true,
      });
      return result.exitCode === 0 ? undefined : { compileError: String(result.all) };
    });
    if ('compileError' in built) throw new Error(`examples/${operation}/go does not build for the browser:\n${built.compileError}`);
    await copyFile(join(built.dir, 'program.wasm'), join(dir, `${operation}.wasm`));
    binaries[operation] = `${operation}.wasm`;
  }
  const goroot = (await execa(go, ['env', 'GOROOT'])).stdout.trim();
  await copyFile(join(goroot, 'lib', 'wasm', 'wasm_exec.js'), join(dir, 'wasm_exec.js'));
  // A classic Worker script: it imports Go's wasm_exec.js (./worker.ts says why not importScripts).
  await bundle({ entryPoints: [join(HERE, 'worker.ts')], outfile: join(dir, 'worker.js'), format: 'iife' });
  return {
    runtime: goVersion.replace(/^go version go(\S+) .*/, 'Go $1, GOOS=js GOARCH=wasm'),
    sdk: `github.com/mercadopago/sdk-go (Go module proxy) ${await sdkVersion()}`,
    files: ['wasm_exec.js', 'worker.js'],
    binaries,
  };
};

async function sdkVersion(): Promise<string> {
  const [first] = await exampleModules();
  const mod = await readFile(join(first!, 'go.mod'), 'utf8');
  return /github\.com\/mercadopago\/sdk-go v(\S+)/.exec(mod)?.[1] ?? 'unknown';
}
