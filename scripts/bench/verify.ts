/**
 * `npm run bench:verify`: how long `npm run verify` takes for every operation in every
 * language, cold (the verifier's caches emptied: the virtualenv, the Java classpath and class
 * archive, the Go modules and build cache, the C# double and Mono's images, Node's code cache, the
 * CA and every compiled program are redone; the machine's pip and Maven download caches are kept)
 * and then warm, a few times. A benchmark, not a test.
 *
 *   npm run bench:verify -- [--warm-runs 3]
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { CACHE, ROOT } from '../verify/runner.ts';

const { values } = parseArgs({ options: { 'warm-runs': { type: 'string', default: '3' } } });

async function timedVerify(): Promise<number> {
  const started = performance.now();
  const result = await execa(process.execPath, ['scripts/verify.ts'], { cwd: ROOT, reject: false, all: true });
  const seconds = (performance.now() - started) / 1000;
  if (result.exitCode !== 0) throw new Error(`verify failed:\n${result.all}`);
  return seconds;
}

// The verifier's caches only: .cache/ also holds what the set-up command installs for the rest
// (actionlint in bin/, Run's browser runtimes), which a cold verification does not redo.
const VERIFIER_CACHES = ['compiled', 'csharp', 'go', 'java', 'python', 'node-compile', 'verify-ca'];
for (const name of VERIFIER_CACHES) await rm(join(CACHE, name), { recursive: true, force: true });
const cold = await timedVerify();
const warm: number[] = [];
for (let i = 0; i < Number(values['warm-runs']); i++) warm.push(await timedVerify());
warm.sort((a, b) => a - b);
console.log(`cold: ${cold.toFixed(1)} s`);
console.log(`warm: ${warm.map((s) => s.toFixed(1)).join(', ')} s (median ${warm[Math.floor(warm.length / 2)]!.toFixed(1)} s)`);
console.log(`cold ÷ warm median: ${(cold / warm[Math.floor(warm.length / 2)]!).toFixed(1)}×`);
