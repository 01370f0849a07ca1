/**
 * The real HTTP adapter: `npm run sandbox` (sandbox/package/cli.ts) as a child process, driven over HTTP.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { checkChildJournal } from '../support/openapi-conformance.ts';
import { RESERVE_BODY as RESERVE } from '../support/sandbox.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_MS = 15_000;

type Child = ResultPromise<{ cwd: string; env: NodeJS.ProcessEnv; extendEnv: false; reject: false }>;
const children: Child[] = [];
const urls: string[] = [];

afterEach(async () => {
  // Before each child stops: what it answered must match the spec (it runs outside this process).
  await Promise.all(urls.splice(0).map((url) => checkChildJournal(url).catch(() => undefined)));
  for (const child of children.splice(0)) {
    child.kill('SIGTERM'); // a no-op once the child has exited
    await child;
  }
});

/** The environment without PORT, so the runner's own PORT cannot change what is tested. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { PORT: _, ...rest } = process.env;
  return { ...rest, ...extra };
}

function run(args: string[], extraEnv: Record<string, string> = {}): Child {
  const child = execa(process.execPath, ['sandbox/package/cli.ts', ...args], {
    cwd: ROOT,
    env: env(extraEnv),
    extendEnv: false,
    reject: false,
  });
  children.push(child);
  return child;
}

interface Started {
  child: Child;
  /** Everything printed up to the banner's last line. */
  banner: string;
  url: string;
  token: string;
}

/** Starts the sandbox and waits for its banner. */
async function start(args: string[] = ['--port', '0'], extraEnv: Record<string, string> = {}): Promise<Started> {
  const child = run(args, extraEnv);
  let banner = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within ${STARTUP_MS} ms:\n${banner}`)), STARTUP_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      banner += chunk.toString();
      if (banner.includes('Ctrl-C stops.')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void child.then((result) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited (${result.exitCode}) before it was ready:\n${result.stdout}\n${result.stderr}`));
    });
  });
  const url = /listening on (http:\/\/\S+)/.exec(banner)?.[1];
  const token = /Ready card token \(APRO, single use\): (\S+)/.exec(banner)?.[1];
  if (!url || !token) throw new Error(`unexpected banner:\n${banner}`);
  urls.push(url);
  return { child, banner, url, token };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function call(url: string, method: string, path: string, body?: unknown, key?: string) {
  const headers: Record<string, string> = { Authorization: 'Bearer TEST-sandbox', 'Content-Type': 'application/json' };
  if (key) headers['X-Idempotency-Key'] = key;
  const response = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, requestId: response.headers.get('x-request-id'), body: (await response.json()) as Record<string, any> };
}

describe('npm run sandbox (HTTP)', () => {
  it('prints its base URL, a ready card token and a sample curl line', async () => {
    const { banner, url, token } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:0$/);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(banner).toContain(`curl -s ${url}/v1/payments -H 'Authorization: Bearer TEST-sandbox'`);
    expect(banner).toContain(`"token":"${token}"`);
    expect(banner).toContain(`curl -s -X PUT ${url}/v1/payments/PAYMENT_ID`);
  });

  it('makes and cancels a reserve over HTTP with the printed card token', async () => {
    const { url, token } = await start();
    const reserve = await call(url, 'POST', '/v1/payments', { ...RESERVE, token }, randomUUID());
    expect(reserve.status).toBe(201);
    expect(reserve.requestId).toBeTruthy();
    expect(reserve.body).toMatchObject({ status: 'authorized', status_detail: 'pending_capture', captured: false });

    const cancelled = await call(url, 'PUT', `/v1/payments/${reserve.body.id}`, { status: 'cancelled' }, randomUUID());
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: reserve.body.id, status: 'cancelled', status_detail: 'by_collector', captured: false });

    const again = await call(url, 'PUT', `/v1/payments/${reserve.body.id}`, { status: 'cancelled' });
    expect(again.status).toBe(400);
    expect(again.body.cause[0].code).toBe(2018);
    expect((await call(url, 'GET', `/v1/payments/${reserve.body.id}`)).body.status).toBe('cancelled');
  });

  it('the printed curl lines work as printed', async () => {
    const { banner } = await start();
    const [create, cancel] = banner
      .split(/\n(?=\S)/)
      .filter((block) => block.startsWith('Make a reserve:') || block.startsWith('Cancel it:'))
      .map((block) => block.slice(block.indexOf('\n') + 1));
    const made = await execa('bash', ['-c', create!], { cwd: ROOT });
    const reserve = JSON.parse(made.stdout);
    expect(reserve).toMatchObject({ status: 'authorized', captured: false });
    const done = await execa('bash', ['-c', cancel!.replace('PAYMENT_ID', String(reserve.id))], { cwd: ROOT });
    expect(JSON.parse(done.stdout)).toMatchObject({ id: reserve.id, status: 'cancelled', status_detail: 'by_collector' });
  });

  it('listens on PORT, and --port wins over PORT', async () => {
    const [a, b] = [await freePort(), await freePort()];
    const fromEnv = await start([], { PORT: String(a) });
    expect(fromEnv.url).toBe(`http://127.0.0.1:${a}`);
    const missing = await call(fromEnv.url, 'GET', '/v1/payments/1');
    expect(missing.status).toBe(404);
    expect(missing.body.cause[0].code).toBe(2000);

    const fromFlag = await start(['--port', String(b)], { PORT: String(a) });
    expect(fromFlag.url).toBe(`http://127.0.0.1:${b}`);
    expect((await call(fromFlag.url, 'GET', '/v1/payments/1')).status).toBe(404);
  });

  it('stops cleanly on SIGINT with exit code 0', async () => {
    const { child, url } = await start();
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(0);
    expect(result.signal).toBeUndefined();
    expect(result.stdout).toContain('sandbox: stopped');
    expect(result.stderr).toBe('');
    await expect(fetch(`${url}/v1/payments/1`)).rejects.toThrow();
  });

  it('a second server on the same port fails, saying what to do, and the first keeps serving', async () => {
    const first = await start();
    const port = Number(new URL(first.url).port);
    const second = await run(['--port', String(port)]);
    expect(second.exitCode).toBe(1);
    expect(second.stderr).toContain(`cannot listen on 127.0.0.1:${port}`);
    expect(second.stderr).toContain('Another program uses that port');
    expect(second.stderr).toContain(`pass --port ${port + 1} (or PORT=${port + 1})`);
    expect((await call(first.url, 'GET', '/v1/payments/1')).status).toBe(404);
  });

  it('refuses a port that is not a number, exit code 2', async () => {
    const result = await run(['--port', 'http']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--port must be a number, got "http"');
  });
});
