/**
 * A long-lived sandbox stays bounded: 100,000 seeded reserves fit in 512 MB resident,
 * `--max-payments` evicts the oldest payments (and says so), and the journal does not keep
 * megabyte bodies whole.
 */

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { getResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { API_ORIGIN } from '../../sandbox/core/handlers.ts';
import { MAX_JOURNALED_BODY } from '../../sandbox/core/journal.ts';
import { createSandbox } from '../../sandbox/core/sandbox.ts';
import { checkChildJournal } from '../support/openapi-conformance.ts';
import { RESERVE_BODY } from '../support/sandbox.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MB = 1024 * 1024;

type Child = ReturnType<typeof execa>;
const children: Child[] = [];
const urls: string[] = [];
afterEach(async () => {
  // Before each child stops: what it answered must match the spec (it runs outside this process).
  await Promise.all(urls.splice(0).map((url) => checkChildJournal(url).catch(() => undefined)));
  for (const child of children.splice(0)) {
    child.kill('SIGTERM');
    await child;
  }
});

/** Starts `npm run sandbox` with these options; resolves with its URL and everything it printed, once it is ready. */
async function start(args: string[]) {
  const { PORT: _, ...env } = process.env;
  const child = execa(process.execPath, ['sandbox/package/cli.ts', '--port', '0', ...args], {
    cwd: ROOT,
    env,
    extendEnv: false,
    reject: false,
  });
  children.push(child);
  let stdout = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (found && stdout.includes('Ctrl-C stops.')) resolve(found);
    });
    void child.then((result) => reject(new Error(`sandbox exited (${result.exitCode}):\n${stdout}\n${String(result.stderr)}`)));
  });
  urls.push(url);
  return { child, url, stdout: () => stdout };
}

/** Resident memory of a process, from /proc (Linux). */
function residentBytes(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) * 1024;
}

const get = (url: string, id: number) => fetch(`${url}/v1/payments/${id}`, { headers: { Authorization: 'Bearer TEST-memory' } });

describe('memory', () => {
  it('100,000 seeded reserves: under 512 MB resident, and served', { timeout: 120_000 }, async () => {
    const started = performance.now();
    const { child, url, stdout } = await start(['--seed-reserves', '100000']);
    const seconds = (performance.now() - started) / 1000;
    const [, first, last] = /Seeded 100000 reserves: ids (\d+) to (\d+)/.exec(stdout())!.map(Number);
    expect(last! - first!).toBe(99_999);
    for (const id of [first!, first! + 50_000, last!]) {
      expect(await (await get(url, id)).json()).toMatchObject({ id, status: 'authorized' });
    }
    const rss = residentBytes(child.pid!);
    console.log(`100,000 reserves: ${(rss / MB).toFixed(0)} MB resident, ready in ${seconds.toFixed(1)} s`);
    expect(rss).toBeLessThan(512 * MB);
  });

  it('--max-payments 1000 with 1005 reserves: the 5 oldest are evicted, and the log says so', async () => {
    const { url, stdout } = await start(['--max-payments', '1000', '--seed-reserves', '1005']);
    const first = Number(/ids (\d+) to/.exec(stdout())![1]);
    const evicted = stdout()
      .split('\n')
      .filter((line) => line.includes('evicted'));
    expect(evicted).toEqual(
      Array.from({ length: 5 }, (_, i) => `sandbox: payment ${first + i} evicted: more than 1000 payments are kept (--max-payments)`),
    );
    expect((await get(url, first)).status).toBe(404);
    expect((await get(url, first + 4)).status).toBe(404);
    expect((await get(url, first + 5)).status).toBe(200);
    expect((await get(url, first + 1004)).status).toBe(200);
  });

  it('in-process: payments made over the API past maxPayments evict the oldest, one log line each', async () => {
    const log: string[] = [];
    const sandbox = createSandbox({ maxPayments: 1000, log: (line) => log.push(line) });
    const ids: number[] = [];
    for (let i = 0; i < 1200; i++) {
      const response = await getResponse(
        sandbox.handlers,
        new Request(`${API_ORIGIN}/v1/payments`, {
          method: 'POST',
          headers: { Authorization: 'Bearer TEST-memory', 'Content-Type': 'application/json', 'X-Idempotency-Key': randomUUID() },
          body: JSON.stringify({ ...RESERVE_BODY, token: sandbox.createCardToken() }),
        }),
      );
      ids.push(((await response!.json()) as { id: number }).id);
    }
    expect(sandbox.payments.size).toBe(1000);
    expect(log).toHaveLength(200);
    expect(log[0]).toBe(`payment ${ids[0]} evicted: more than 1000 payments are kept (--max-payments)`);
    expect(log.at(-1)).toContain(`payment ${ids[199]} evicted`);
    expect([...sandbox.payments.all()].map((p) => p.id)).toEqual(ids.slice(200));
  });

  it('the journal keeps at most 64 KiB of each body: a full journal of 1 MiB bodies is not a gigabyte', async () => {
    const sandbox = createSandbox({ journalSize: 50 });
    const big = JSON.stringify({ status: 'cancelled', padding: 'x'.repeat(MB - 100) });
    for (let i = 0; i < 60; i++) {
      await getResponse(
        sandbox.handlers,
        new Request(`${API_ORIGIN}/v1/payments/1`, {
          method: 'PUT',
          headers: { Authorization: 'Bearer TEST-memory', 'Content-Type': 'application/json' },
          body: big,
        }),
      );
    }
    const entries = sandbox.journal.entries();
    expect(entries).toHaveLength(50);
    for (const entry of entries) {
      expect(entry).toMatchObject({ status: 404, bodyTruncated: true });
      expect(entry.body).toBe(big.slice(0, MAX_JOURNALED_BODY));
    }
    // The default journal (1000 entries) then holds at most 64 MiB of bodies, not 1 GiB.
    expect(MAX_JOURNALED_BODY).toBe(64 * 1024);
    // Small bodies are kept whole, without the flag.
    await getResponse(sandbox.handlers, new Request(`${API_ORIGIN}/v1/orders`));
    expect(sandbox.journal.entries().at(-1)).not.toHaveProperty('bodyTruncated');
  });
});
