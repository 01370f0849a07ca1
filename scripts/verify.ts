/**
 * `npm run verify`: runs every operation's program in every language, unchanged, in its
 * real runtime, against a fresh sandbox, and writes reports/verify.json and
 * reports/verify.junit.xml.
 *
 *   npm run verify -- [--op capture] [--lang python] [--sdk real|double|auto] [--timeout 120] [--jobs 4] [--via proxy]
 *
 * --op takes an operation's folder name or its start (capture → capture-reserve), or a section's
 * (refund → the refunds section); --lang a
 * language's id, label or alias. Both take several values (repeated or comma-separated). With CI=true a skipped
 * program (runtime missing) counts as a failure. --via proxy runs each program outside any namespace,
 * through a proxy of its own with the language table's proxy settings (as a reader runs theirs through
 * `npm run sandbox -- --proxy`; also how the verifier runs where there are no namespaces), and writes
 * reports/verify-via-proxy.json instead, so the pages' report stays the namespace's.
 */
import { access } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { findLanguage, LANGUAGES } from '../examples/languages.ts';
import { loadOperations, type Operation } from '../examples/operations.ts';
import { REPORT_JSON, readPreviousReport, writeReports } from './verify/report.ts';
import { ROOT, type SdkChoice } from './verify/runner.ts';
import { RUNNERS } from './verify/runners/index.ts';
import { createVerifier, exampleFile } from './verify/verifier.ts';
import type { Verification, Via } from './verify/verify-file.ts';

const { values } = parseArgs({
  options: {
    op: { type: 'string', multiple: true },
    lang: { type: 'string', multiple: true },
    sdk: { type: 'string', default: 'auto' },
    // Two minutes: a run with the API down waits out its SDK's retries and timeouts, and on a loaded
    // 2-core machine (a cold run compiling everything) one C# run took over 60 s once.
    timeout: { type: 'string', default: '120' },
    jobs: { type: 'string', default: '4' },
    'prepare-only': { type: 'boolean', default: false },
    via: { type: 'string', default: 'namespace' },
  },
});

const fail = (message: string): never => {
  console.error(`verify: ${message}`);
  process.exit(2);
};
const list = (option: string[] | undefined) => (option ?? []).flatMap((text) => text.split(',')).filter(Boolean);
const sdk = values.sdk as SdkChoice;
if (!['real', 'double', 'auto'].includes(sdk)) fail(`--sdk must be real, double or auto, not "${values.sdk}"`);
const timeoutMs = Number(values.timeout) * 1000;
if (!(timeoutMs > 0)) fail(`--timeout is in seconds, e.g. --timeout 60, not "${values.timeout}"`);
const via = values.via as Via;
if (via !== 'namespace' && via !== 'proxy') fail(`--via is namespace (the default) or proxy, not "${values.via}"`);
const reportFile = via === 'proxy' ? REPORT_JSON.replace(/verify\.json$/, 'verify-via-proxy.json') : REPORT_JSON;
const jobs = Number(values.jobs);
if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs is how many programs run at once, e.g. --jobs 4, not "${values.jobs}"`);

const operations = loadOperations();
/**
 * Operations by a folder's name, or by the start of folder names or of a section's name:
 * `capture` is capture-reserve, `refund` every operation of the refunds section.
 */
const pickOperations = (name: string): Operation[] => {
  const exact = operations.find((op) => op.id === name);
  if (exact) return [exact];
  const matches = operations.filter((op) => op.id.startsWith(name) || op.section.startsWith(name));
  if (matches.length > 0) return matches;
  return fail(
    `no operation "${name}"; choose from ${operations.map((op) => op.id).join(', ')}, or a section: ${[...new Set(operations.map((op) => op.section))].join(', ')}`,
  );
};
const pickedOps = [...new Set(list(values.op).flatMap(pickOperations))];
const pickedLangs = list(values.lang).map(
  (name) => findLanguage(name) ?? fail(`no examples in "${name}"; choose from ${LANGUAGES.map((l) => l.id).join(', ')}`),
);
const work = (pickedOps.length > 0 ? pickedOps : operations).flatMap((operation) =>
  (pickedLangs.length > 0 ? pickedLangs : LANGUAGES).map((language) => ({ operation, runner: RUNNERS[language.id] })),
);
const ci = process.env.CI === 'true';

if (values['prepare-only']) {
  // Readies each language's runtime and SDK (downloads, virtualenvs, builds) and runs nothing.
  const verifier = await createVerifier({ sdk, timeoutMs });
  let failed = false;
  try {
    for (const runner of new Set(work.map((item) => item.runner))) {
      const started = performance.now();
      const { version, prepared, error } = await verifier.ready(runner);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (!prepared) failed = true;
      const what = prepared
        ? `${runner.runtime.name} ${version}, ${prepared.sdk.name} ${prepared.sdk.version}`
        : version
          ? `could not ready the SDK: ${error}`
          : `${runner.runtime.name} is missing; install it with: ${runner.runtime.install}`;
      console.log(`verify --prepare-only: ${runner.id.padEnd(7)} ${seconds.padStart(5)} s  ${what}`);
    }
  } finally {
    await verifier.close();
  }
  process.exit(failed ? 1 : 0);
}

const started = performance.now();
const previous = await readPreviousReport(reportFile);
const verifier = await createVerifier({ sdk, timeoutMs, jobs, via, history: previous?.results });
const results: Verification[] = [];
const missing: string[] = [];
try {
  // All at once: the verifier runs `jobs` of them against the sandbox at a time (and as many with the API down).
  await Promise.all(
    work.map(async (item) => {
      const file = exampleFile(item.operation, item.runner);
      if (
        !(await access(file).then(
          () => true,
          () => false,
        ))
      ) {
        missing.push(relative(ROOT, file));
        return;
      }
      const result = await verifier.verify(item.operation, item.runner);
      results.push(result);
      print(item.operation, result);
    }),
  );
} finally {
  await verifier.close();
}

// The pages' order (operations in lifecycle order, languages in tab order), whatever order they finished in.
const rank = (r: Verification) =>
  operations.findIndex((op) => op.id === r.operation) * LANGUAGES.length + LANGUAGES.findIndex((l) => l.id === r.language);
// A run with --op or --lang replaces its own entries in the report and keeps the others: each
// entry names the bytes it verified, so a kept entry still claims nothing for a changed file.
const filtered = pickedOps.length > 0 || pickedLangs.length > 0;
const kept = filtered
  ? (previous?.results ?? []).filter(
      (old) => !work.some(({ operation, runner }) => operation.id === old.operation && runner.id === old.language),
    )
  : [];
await writeReports(
  {
    generatedAt: new Date().toISOString(),
    sdkChoice: sdk,
    results: [...results, ...kept].sort((a, b) => rank(a) - rank(b)),
  },
  reportFile,
);

const count = (result: Verification['result']) => results.filter((r) => r.result === result).length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
for (const file of missing)
  console.log(`✘ ${file} is missing: every operation has a program in every language (examples/languages.ts names the file)`);
console.log(`\n${count('passed')} passed, ${count('failed') + missing.length} failed, ${count('skipped')} skipped`);
console.log(
  `verify: ${seconds} s; report in ${relative(process.cwd(), reportFile)}${kept.length > 0 ? ` (with ${kept.length} earlier entries this run did not redo)` : ''}`,
);
if (ci && count('skipped') > 0)
  console.log('verify: CI=true, so a skipped program is a failure: install the missing runtime (bash scripts/setup.sh).');
process.exitCode = count('failed') > 0 || missing.length > 0 || (ci && count('skipped') > 0) ? 1 : 0;

function print(operation: Operation, r: Verification): void {
  const mark = { passed: '✔', failed: '✘', skipped: '-' }[r.result];
  const sdkText = !r.sdk
    ? ''
    : r.sdk.kind === 'double'
      ? `SDK double of ${r.sdk.name} ${r.sdk.version}`
      : r.sdk.kind === 'official'
        ? `${r.sdk.name} ${r.sdk.version}`
        : 'no SDK';
  const label = `${operation.id} · ${LANGUAGES.find((l) => l.id === r.language)!.label}`;
  console.log(
    `${mark} ${label.padEnd(26)} ${`${r.runtime.name} ${r.runtime.version}`.padEnd(18)} ${sdkText.padEnd(50)} ${(r.durationMs / 1000).toFixed(1).padStart(5)} s  ${r.result}`,
  );
  if (r.result === 'passed') return;
  console.log(`    ${r.file}: ${r.reason}`);
  for (const check of r.checks) console.log(`    ${check.ok ? '✔' : '✘'} ${check.name}: ${check.detail}`);
  if (r.received.length > 0) console.log(`    the sandbox received:\n${r.received.map((line) => `      ${line}`).join('\n')}`);
  if (r.stderrTail)
    console.log(
      `    stderr (last lines):\n${r.stderrTail
        .split(' | ')
        .map((line) => `      ${line}`)
        .join('\n')}`,
    );
}
