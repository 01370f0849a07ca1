/**
 * `npm run verify`: runs every example of the Cancel reserve page, unchanged, in its
 * real runtime, against a fresh sandbox, and writes reports/verify.json and
 * reports/verify.junit.xml.
 *
 *   npm run verify -- [--lang python] [--sdk real|double|auto] [--timeout 60] [--jobs 3]
 *
 * With CI=true a skipped example (runtime missing) counts as a failure.
 */
import { parseArgs } from 'node:util';
import { findRunner, RUNNERS } from './verify/languages.ts';
import { REPORT_JSON, writeReports } from './verify/report.ts';
import type { SdkChoice } from './verify/runner.ts';
import { createVerifier } from './verify/verifier.ts';
import type { Verification } from './verify/verify-file.ts';

const { values } = parseArgs({
  options: {
    lang: { type: 'string', multiple: true },
    sdk: { type: 'string', default: 'auto' },
    timeout: { type: 'string', default: '60' },
    jobs: { type: 'string', default: '3' },
  },
});

const fail = (message: string): never => {
  console.error(`verify: ${message}`);
  process.exit(2);
};
const sdk = values.sdk as SdkChoice;
if (!['real', 'double', 'auto'].includes(sdk)) fail(`--sdk must be real, double or auto, not "${values.sdk}"`);
const timeoutMs = Number(values.timeout) * 1000;
if (!(timeoutMs > 0)) fail(`--timeout is in seconds, e.g. --timeout 60, not "${values.timeout}"`);
const runners = (values.lang ?? []).flatMap((text) => text.split(',')).map((name) =>
  findRunner(name) ?? fail(`no example in "${name}"; choose from ${RUNNERS.map((r) => r.id).join(', ')}`),
);
const selected = runners.length > 0 ? runners : RUNNERS;
const ci = process.env.CI === 'true';

const started = performance.now();
const verifier = await createVerifier({ sdk, timeoutMs });
const results: Verification[] = [];
try {
  const queue = [...selected];
  const worker = async () => {
    for (let runner = queue.shift(); runner; runner = queue.shift()) {
      const result = await verifier.verify(runner);
      results.push(result);
      print(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(values.jobs)) }, worker));
} finally {
  await verifier.close();
}

// The page's order, whatever order they finished in.
results.sort((a, b) => RUNNERS.findIndex((r) => r.id === a.language) - RUNNERS.findIndex((r) => r.id === b.language));
await writeReports({ generatedAt: new Date().toISOString(), sdkChoice: sdk, results });

const count = (result: Verification['result']) => results.filter((r) => r.result === result).length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\n${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
console.log(`verify: ${seconds} s; report in ${REPORT_JSON}`);
if (ci && count('skipped') > 0) console.log('verify: CI=true, so a skipped example is a failure: install the missing runtime (npm run setup).');
process.exitCode = count('failed') > 0 || (ci && count('skipped') > 0) ? 1 : 0;

function print(r: Verification): void {
  const mark = { passed: '✔', failed: '✘', skipped: '-' }[r.result];
  const sdkText = !r.sdk ? '' : r.sdk.kind === 'double' ? `SDK double of ${r.sdk.name} ${r.sdk.version}` : r.sdk.kind === 'official' ? `${r.sdk.name} ${r.sdk.version}` : 'no SDK';
  console.log(`${mark} ${r.title.padEnd(7)} ${`${r.runtime.name} ${r.runtime.version}`.padEnd(18)} ${sdkText.padEnd(50)} ${(r.durationMs / 1000).toFixed(1).padStart(5)} s  ${r.result}`);
  if (r.result === 'passed') return;
  console.log(`    ${r.file}: ${r.reason}`);
  for (const check of r.checks) console.log(`    ${check.ok ? '✔' : '✘'} ${check.name}: ${check.detail}`);
  if (r.received.length > 0) console.log(`    the sandbox received:\n${r.received.map((line) => `      ${line}`).join('\n')}`);
  if (r.stderrTail) console.log(`    stderr (last lines):\n${r.stderrTail.split(' | ').map((line) => `      ${line}`).join('\n')}`);
}
