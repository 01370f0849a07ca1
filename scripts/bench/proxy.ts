/**
 * `npm run bench:proxy` (and the end of `npm run bench`): the sandbox as an HTTPS proxy.
 * - Start: from spawning `npm run sandbox -- --proxy` to the first answer through it, cold (a new CA
 *   folder: the CA, its server certificate and the trust files are made) and with the CA reused;
 *   the same for `npx verified-mp-sandbox --proxy`, from its tarball installed in an empty folder
 *   (sandbox/package/install-packed.ts), npx's own start included.
 * - Throughput on one warm connection: GET /v1/payments/{id} back to back for --seconds, through
 *   the proxy's tunnel (TLS) and on the plain HTTP sandbox, both started by this run.
 * - With --verify: `npm run verify` (namespace) against `npm run verify -- --via proxy`, all
 *   programs, each run once to warm the caches and then --verify-runs times.
 * Prints the figures and writes reports/bench-proxy.json. A benchmark, not a test: nothing here asserts.
 *
 *   npm run bench:proxy -- [--seconds 5] [--verify] [--verify-runs 1]
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { parseArgs } from 'node:util';
import { execa, type ResultPromise } from 'execa';
import { installPacked } from '../../sandbox/package/install-packed.ts';
import { startInstalled } from '../../sandbox/package/start-installed.ts';
import { ROOT } from '../verify/runner.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    verify: { type: 'boolean', default: false },
    'verify-runs': { type: 'string', default: '1' },
  },
});
const seconds = Number(values.seconds);
const AUTH = { authorization: 'Bearer TEST-bench' };

interface Started {
  child: ResultPromise;
  output: () => string;
}

/** Starts `sandbox/package/cli.ts` with `args` and resolves once it has printed its banner. */
async function startSandbox(args: string[]): Promise<Started> {
  const child = execa(process.execPath, ['sandbox/package/cli.ts', ...args], { cwd: ROOT, all: true, reject: false });
  let printed = '';
  await new Promise<void>((resolve, reject) => {
    child.all!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('Ctrl-C stops.')) resolve();
    });
    void child.then(() => reject(new Error(`the sandbox stopped before it was ready:\n${printed}`)));
  });
  return { child, output: () => printed };
}

/** A keep-alive agent whose one connection is a CONNECT tunnel through the proxy, with TLS trusting `caPem`. */
function tunnelAgent(proxyPort: number, caPem: string): Agent {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  (agent as unknown as { createConnection: unknown }).createConnection = (
    _options: unknown,
    done: (error: Error | null, socket?: unknown) => void,
  ) => {
    const raw = connect(proxyPort, '127.0.0.1', () =>
      raw.write('CONNECT api.mercadopago.com:443 HTTP/1.1\r\nHost: api.mercadopago.com:443\r\n\r\n'),
    );
    raw.once('error', done);
    raw.once('data', (head: Buffer) => {
      if (!head.toString('latin1').startsWith('HTTP/1.1 200')) return done(new Error(`CONNECT refused: ${head}`));
      const tls = tlsConnect({ socket: raw, servername: 'api.mercadopago.com', ca: caPem });
      tls.once('secureConnect', () => done(null, tls));
      tls.once('error', done);
    });
  };
  return agent;
}

function get(agent: Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { ...AUTH, host: 'api.mercadopago.com' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** GETs back to back on the agent's one connection for `seconds`: requests per second, and the non-200 count. */
async function backToBack(agent: Agent, port: number, path: string): Promise<{ rps: number; non200: number }> {
  await get(agent, port, path); // opens (and, through the proxy, handshakes) the connection first: warm from here
  let count = 0;
  let non200 = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    if ((await get(agent, port, path)) !== 200) non200++;
    count++;
  }
  return { rps: count / ((performance.now() - started) / 1000), non200 };
}

/** From spawning `--proxy` (the repository's command, or `installed`'s with npx) to the first 200 through it. */
async function timeToFirstAnswer(caDir: string, port: number, installed?: string): Promise<number> {
  const args = ['--proxy', '--port', String(port), '--ca-dir', caDir, '--seed-reserves', '1'];
  const started = performance.now();
  const sandbox = installed
    ? await startInstalled(installed, args)
    : await startSandbox(args).then((s) => ({
        ...s,
        stop: async () => {
          s.child.kill('SIGTERM');
          await s.child;
        },
      }));
  const id = /Seeded 1 reserves: ids (\d+)/.exec(sandbox.output())![1];
  const agent = tunnelAgent(port, await readFile(join(caDir, 'ca.pem'), 'utf8'));
  const status = await get(agent, port, `/v1/payments/${id}`);
  const ms = performance.now() - started;
  agent.destroy();
  await sandbox.stop();
  if (status !== 200) throw new Error(`the first answer through the proxy was ${status}`);
  return ms;
}

const work = await mkdtemp(join(tmpdir(), 'bench-proxy-'));
const figures: Record<string, unknown> = {};
try {
  const caDir = join(work, 'ca');
  figures.coldStartMs = await timeToFirstAnswer(caDir, 3111);
  figures.reusedCaStartMs = await timeToFirstAnswer(caDir, 3111);
  console.log(
    `--proxy, start to first answer: ${(figures.coldStartMs as number).toFixed(0)} ms cold (CA made), ${(figures.reusedCaStartMs as number).toFixed(0)} ms with the CA reused`,
  );
  const { folder } = await installPacked(join(work, 'package'));
  const packageCaDir = join(work, 'package-ca');
  figures.packageColdStartMs = await timeToFirstAnswer(packageCaDir, 3114, folder);
  figures.packageReusedCaStartMs = await timeToFirstAnswer(packageCaDir, 3114, folder);
  console.log(
    `npx verified-mp-sandbox --proxy (packed, installed), start to first answer: ${(figures.packageColdStartMs as number).toFixed(0)} ms cold, ${(figures.packageReusedCaStartMs as number).toFixed(0)} ms with the CA reused`,
  );

  const plain = await startSandbox(['--port', '3112', '--seed-reserves', '1']);
  const viaProxy = await startSandbox(['--proxy', '--port', '3113', '--ca-dir', caDir, '--seed-reserves', '1']);
  try {
    const idOf = (s: Started) => /Seeded 1 reserves: ids (\d+)/.exec(s.output())![1];
    const plainAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    const plainFigures = await backToBack(plainAgent, 3112, `/v1/payments/${idOf(plain)}`);
    const proxyAgent = tunnelAgent(3113, await readFile(join(caDir, 'ca.pem'), 'utf8'));
    const proxyFigures = await backToBack(proxyAgent, 3113, `/v1/payments/${idOf(viaProxy)}`);
    plainAgent.destroy();
    proxyAgent.destroy();
    figures.warmConnection = { seconds, plain: plainFigures, proxy: proxyFigures, ratio: proxyFigures.rps / plainFigures.rps };
    console.log(
      `one warm connection, GET back to back for ${seconds} s: plain HTTP ${plainFigures.rps.toFixed(0)} req/s, ` +
        `through the proxy (TLS) ${proxyFigures.rps.toFixed(0)} req/s: ${((100 * proxyFigures.rps) / plainFigures.rps).toFixed(0)} % ` +
        `(non-200: ${plainFigures.non200} / ${proxyFigures.non200})`,
    );
  } finally {
    plain.child.kill('SIGTERM');
    viaProxy.child.kill('SIGTERM');
    await Promise.all([plain.child, viaProxy.child]);
  }

  if (values.verify) {
    const runs = Number(values['verify-runs']);
    const timeVerify = async (args: string[]) => {
      const started = performance.now();
      const result = await execa(process.execPath, ['scripts/verify.ts', ...args], { cwd: ROOT, reject: false, all: true });
      const summary = /(\d+) passed, (\d+) failed/.exec(String(result.all))?.[0] ?? 'no summary';
      return { seconds: (performance.now() - started) / 1000, summary };
    };
    const verify: Record<string, { seconds: number; summary: string }[]> = { namespace: [], proxy: [] };
    // One run of each first, so both are warm (compiled programs, SDKs) when timed.
    await timeVerify([]);
    await timeVerify(['--via', 'proxy']);
    for (let i = 0; i < runs; i++) {
      verify.namespace!.push(await timeVerify([]));
      verify.proxy!.push(await timeVerify(['--via', 'proxy']));
    }
    figures.verify = verify;
    for (const [via, list] of Object.entries(verify))
      console.log(`verify --via ${via}, warm: ${list.map((r) => `${r.seconds.toFixed(1)} s (${r.summary})`).join(', ')}`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
await mkdir(join(ROOT, 'reports'), { recursive: true });
await writeFile(join(ROOT, 'reports', 'bench-proxy.json'), `${JSON.stringify({ date: new Date().toISOString(), ...figures }, null, 2)}\n`);
