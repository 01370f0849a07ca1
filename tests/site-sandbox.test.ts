// The guide's own shell snippets (not the seven examples, which `npm run verify` runs) must
// work as printed: "Before you start" makes a reserve, "Try it against the sandbox" reserves
// and cancels one, and "What goes wrong" shows the errors the sandbox gives. Each snippet is
// taken from the built page (dist/, from `npm run build`) and run with bash and curl against
// `npm run sandbox` started on a free port.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/verify/runner.ts';
import { RESERVE_BODY, TEST_CARD } from '../sandbox/testing.ts';

const PAGE = join(ROOT, 'dist', 'cancel-reserve', 'index.html');
const DOCUMENTED_BASE = 'http://127.0.0.1:3001';

let html: string;
let base: string;
let sandbox: ChildProcess | undefined;
let shims: string;

function decode(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    const value = named[ref.toLowerCase()];
    if (value === undefined) throw new Error(`unexpected character reference ${match}`);
    return value;
  });
}

/** The code blocks (as their copy buttons copy them) under the heading with this id, up to the next h2. */
function blocksUnder(headingId: string): string[] {
  const start = html.indexOf(`<h2 id="${headingId}"`);
  if (start === -1) throw new Error(`the built page has no heading #${headingId}`);
  const next = html.indexOf('<h2 ', start + 1);
  const part = html.slice(start, next === -1 ? undefined : next);
  return [...part.matchAll(/data-code="([^"]*)"/g)].map((m) => decode(m[1]!).replace(/\u007f/g, '\n'));
}

async function bash(script: string, env: Record<string, string> = {}) {
  return execa('bash', ['-euo', 'pipefail', '-c', script], {
    env: { PATH: `${shims}:${process.env.PATH}`, ...env },
    extendEnv: true,
    reject: false,
    timeout: 30_000,
  });
}

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(base + path, {
    method,
    headers: { Authorization: 'Bearer TEST-sandbox', 'Content-Type': 'application/json', 'X-Idempotency-Key': crypto.randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function reserve(): Promise<number> {
  const token = await api('POST', '/v1/card_tokens', TEST_CARD);
  const payment = await api('POST', '/v1/payments', { ...RESERVE_BODY, token: token.body.id });
  expect(payment.body.status).toBe('authorized');
  return payment.body.id;
}

beforeAll(async () => {
  if (!existsSync(PAGE)) throw new Error(`${PAGE} is missing: run \`npm run build\` first (the site tests read the built page)`);
  html = await readFile(PAGE, 'utf8');
  for (const tool of ['bash', 'curl', 'jq']) {
    const found = await execa('bash', ['-c', `command -v ${tool}`], { reject: false });
    if (found.exitCode !== 0) throw new Error(`${tool} is missing: the page's sandbox steps need it (Debian: apt-get install ${tool})`);
  }
  // Readers on Linux may lack uuidgen; the page's snippets must not depend on which one runs.
  shims = await mkdtemp(join(tmpdir(), 'site-shims-'));
  await writeFile(join(shims, 'uuidgen'), '#!/bin/sh\ncat /proc/sys/kernel/random/uuid\n');
  await chmod(join(shims, 'uuidgen'), 0o755);

  // The sandbox as the page starts it (`npm run sandbox` is `node scripts/sandbox.ts`), on a free port.
  const child = spawn(process.execPath, ['scripts/sandbox.ts', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  sandbox = child;
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}): ${out}`)));
  });
});

afterAll(async () => {
  sandbox?.kill('SIGTERM');
  if (shims) await rm(shims, { recursive: true, force: true });
});

describe('the guide\'s shell snippets, run against the sandbox', () => {
  it('"Try it against the sandbox" starts the sandbox with npm run sandbox, then reserves and cancels', async () => {
    const [start, steps] = blocksUnder('try-it-against-the-sandbox');
    expect(start).toBe('npm run sandbox');
    expect(steps).toContain(DOCUMENTED_BASE);
    const run = await bash(steps!.replaceAll(DOCUMENTED_BASE, base));
    expect(run.exitCode, run.stderr).toBe(0);
    const cancelled = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(cancelled).toMatchObject({ status: 'cancelled', status_detail: 'by_collector', captured: false });
    // The page: "Cancel it again and you get the 400 with cause 2018 above."
    const again = await api('PUT', `/v1/payments/${cancelled.id}`, { status: 'cancelled' });
    expect(again.status).toBe(400);
    expect(again.body.cause[0].code).toBe(2018);
  });

  it('"Before you start" makes a reserve', async () => {
    const [create] = blocksUnder('before-you-start');
    expect(create).toContain("'https://api.mercadopago.com/v1/payments'");
    const token = await api('POST', '/v1/card_tokens', TEST_CARD);
    const script = create!.replace('https://api.mercadopago.com', base).replace('CARD_TOKEN', token.body.id);
    const run = await bash(`${script} -sS --fail-with-body`, { MERCADOPAGO_ACCESS_TOKEN: 'TEST-sandbox' });
    expect(run.exitCode, run.stderr + run.stdout).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'authorized', status_detail: 'pending_capture', captured: false });
  });

  it('"What goes wrong" shows the envelope and causes the API gives', async () => {
    const envelopeText = blocksUnder('what-goes-wrong').find((block) => block.trimStart().startsWith('{'));
    expect(envelopeText, 'a JSON error envelope under "What goes wrong"').toBeDefined();
    const shown = JSON.parse(envelopeText!);

    const id = await reserve();
    expect((await api('PUT', `/v1/payments/${id}`, { capture: true })).status).toBe(200);
    const captured = await api('PUT', `/v1/payments/${id}`, { status: 'cancelled' });
    const { data: _shownData, ...shownCause } = shown.cause[0];
    const { data: _realData, ...realCause } = captured.body.cause[0];
    expect({ ...captured.body, cause: [realCause] }).toEqual({ ...shown, cause: [shownCause] });
    expect(captured.body.cause[0].data).toMatch(/^\d\d-\d\d-\d{4}T\d\d:\d\d:\d\dUTC;[0-9a-f-]{36}$/);
    expect(shown.cause[0].data).toMatch(/^\d\d-\d\d-\d{4}T\d\d:\d\d:\d\dUTC;[0-9a-f-]{36}$/);

    const text = decode(html.slice(html.indexOf('<h2 id="what-goes-wrong"')).replace(/<[^>]+>/g, ''));
    const spelled = await api('PUT', `/v1/payments/${await reserve()}`, { status: 'canceled' });
    const missing = await api('PUT', '/v1/payments/999999999999', { status: 'cancelled' });
    for (const { status, body } of [captured, spelled, missing]) {
      expect(text).toContain(String(status));
      expect(text).toContain(String(body.cause[0].code));
      expect(text).toContain(body.message);
    }
    expect([spelled.status, spelled.body.cause[0].code, missing.status, missing.body.cause[0].code]).toEqual([400, 2016, 404, 2000]);
  });
});
