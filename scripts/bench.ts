/**
 * `npm run bench`: load on the standalone sandbox, against the peers, on this machine.
 * For each target — the sandbox, the msw floor (one trivial msw handler behind the sandbox's
 * own adapter: what msw costs by itself), Stoplight Prism mocking sandbox/openapi.yaml, and a
 * bare node:http server answering a fixed JSON body (the ceiling) — it measures the first
 * response after start, then runs autocannon (50 connections, 10 s) on
 * GET /v1/payments/{id} and on the cancel PUT (each on a fresh reserve for the sandbox).
 * Prints a table with the sandbox's throughput divided by each other's, then the two ratios
 * the goals are set in (sandbox ÷ msw floor, sandbox ÷ Prism), and writes reports/bench.json.
 * A benchmark, not a test: nothing here asserts.
 *
 *   npm run bench -- [--duration 10] [--connections 50]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { execa, type ResultPromise } from 'execa';
import { ROOT } from './verify/runner.ts';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const AUTH = { authorization: 'Bearer TEST-bench', 'content-type': 'application/json' };

interface Target {
  name: string;
  port: number;
  /** `loaded`: started for the load runs (the sandbox then seeds reserves to cancel). */
  start(port: number, loaded: boolean): ResultPromise;
}

const nodeBin = process.execPath;
// Enough reserves for the PUT run to cancel a fresh one each time at up to 15,000 req/s (more
// than this machine's sandbox reaches): a far larger seeded heap only measures the garbage
// collector. Should the run outpace them, the PUTs meet 404s, counted in non-2xx.
const reservesNeeded = duration * 15_000;

const targets: Target[] = [
  {
    name: 'sandbox',
    port: 3101,
    start: (port, loaded) =>
      execa(
        nodeBin,
        [
          'sandbox/package/cli.ts',
          '--port',
          String(port),
          ...(loaded ? ['--seed-reserves', String(reservesNeeded), '--max-payments', String(reservesNeeded + 1000)] : []),
        ],
        { cwd: ROOT },
      ),
  },
  {
    name: 'prism',
    port: 3102,
    start: (port) =>
      execa(
        join(ROOT, 'node_modules', '.bin', 'prism'),
        ['mock', 'sandbox/openapi.yaml', '-p', String(port), '-h', '127.0.0.1', '-v', 'silent'],
        {
          cwd: ROOT,
          env: { SCARF_ANALYTICS: 'false' },
        },
      ),
  },
  { name: 'msw floor', port: 3104, start: (port) => execa(nodeBin, ['scripts/bench/msw-floor.ts', String(port)], { cwd: ROOT }) },
  { name: 'bare node:http', port: 3103, start: (port) => execa(nodeBin, ['scripts/bench/bare-server.ts', String(port)], { cwd: ROOT }) },
];

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}
const results: Record<string, { firstResponseMs: number; get: Figures; cancel: Figures }> = {};

for (const target of targets) {
  // First response after start, on a plain start (no seeded reserves).
  const coldStart = performance.now();
  const cold = target.start(target.port, false);
  cold.catch(() => {});
  const firstResponseMs = await firstResponse(target.port, coldStart);
  cold.kill('SIGTERM');
  await cold.catch(() => {});

  const started = performance.now();
  const child = target.start(target.port, true);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.catch(() => {});
  await firstResponse(target.port, started);
  // The sandbox says which ids it seeded; the others answer any id.
  const seeded = /ids (\d+) to (\d+)/.exec(output);
  let next = seeded ? Number(seeded[1]) : 1;
  const getId = seeded ? Number(seeded[2]) : 1;

  const get = await load(target.port, { method: 'GET', path: `/v1/payments/${getId}` });
  const cancel = await load(target.port, {
    method: 'PUT',
    body: '{"status":"cancelled"}',
    setupRequest: (request: Record<string, unknown>) => ({ ...request, path: `/v1/payments/${seeded ? next++ : 1}` }),
  });
  results[target.name] = { firstResponseMs, get, cancel };
  child.kill('SIGTERM');
  await child.catch(() => {});
  console.error(`bench: ${target.name} done`);
}

const base = results.sandbox!;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const rows = Object.entries(results).map(([name, r]) => [
  name,
  `${r.firstResponseMs.toFixed(0)} ms`,
  `${r.get.rps.toFixed(0)} (${ratio(base.get.rps, r.get.rps)})`,
  `${r.get.p50} / ${r.get.p99} ms`,
  `${r.cancel.rps.toFixed(0)} (${ratio(base.cancel.rps, r.cancel.rps)})`,
  `${r.cancel.p50} / ${r.cancel.p99} ms`,
  `${r.get.non2xx + r.cancel.non2xx} / ${r.get.errors + r.cancel.errors}`,
]);
const header = [
  'target',
  'first response',
  'GET req/s (sandbox ÷ it)',
  'GET p50 / p99',
  'PUT cancel req/s (sandbox ÷ it)',
  'PUT p50 / p99',
  'non-2xx / errors',
];
console.log(
  `\n${connections} connections, ${duration} s per route, on ${process.platform} with ${(await import('node:os')).cpus().length} cores\n`,
);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
const floor = results['msw floor']!;
const prism = results.prism!;
const percent = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} %`;
console.log(
  `\nsandbox ÷ msw floor: GET ${percent(base.get.rps, floor.get.rps)}, PUT cancel ${percent(base.cancel.rps, floor.cancel.rps)} (goal ≥ 85 %)`,
);
console.log(
  `sandbox ÷ Prism:     GET ${ratio(base.get.rps, prism.get.rps)}, PUT cancel ${ratio(base.cancel.rps, prism.cancel.rps)} (goal ≥ 3×)`,
);
await mkdir(join(ROOT, 'reports'), { recursive: true });
await writeFile(
  join(ROOT, 'reports', 'bench.json'),
  `${JSON.stringify({ date: new Date().toISOString(), connections, duration, results }, null, 2)}\n`,
);

async function firstResponse(port: number, started: number): Promise<number> {
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/v1/payments/1`, { headers: AUTH });
      return performance.now() - started;
    } catch {
      if (performance.now() - started > 60_000) throw new Error(`nothing answered on port ${port} within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

async function load(port: number, request: Record<string, unknown>): Promise<Figures> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    headers: AUTH,
    requests: [request],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
