// The pages' own shell snippets (not the examples, which `npm run verify` runs) must work as
// printed: "Try it against the sandbox" on the reserve page makes a reserve, and the capture,
// partial capture and cancel pages go on from it, as a reader following them in order would;
// the refund pages go on from a captured reserve, and the pending payment's page makes its own.
// "What goes wrong" on each page names errors the sandbox really gives, with their envelope.
// Each snippet is taken from the built pages (dist/, from `npm run build`) and run with bash
// and curl against `npm run sandbox` started on a free port.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOperations } from '../../examples/operations.ts';
import { ROOT } from '../../scripts/verify/runner.ts';
import { checkChildJournal } from '../support/openapi-conformance.ts';
import { RESERVE_BODY, TEST_CARD } from '../support/sandbox.ts';

const OPERATIONS = loadOperations();
const pagePath = (operation: string) => join(ROOT, 'dist', operation, 'index.html');
const DOCUMENTED_BASE = 'http://127.0.0.1:3001';

/** Each page's built HTML, by operation. */
const pages: Record<string, string> = {};
let base: string;
let sandbox: ChildProcess | undefined;
let shims: string;

function decode(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] === '#')
      return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    const value = named[ref.toLowerCase()];
    if (value === undefined) throw new Error(`unexpected character reference ${match}`);
    return value;
  });
}

/** The code blocks (as their copy buttons copy them) under the heading with this id, up to the next h2. */
function blocksUnder(html: string, headingId: string): string[] {
  const start = html.indexOf(`<h2 id="${headingId}"`);
  if (start === -1) throw new Error(`the built page has no heading #${headingId}`);
  const next = html.indexOf('<h2 ', start + 1);
  // Without the closed "Your own program" panel: its lines run the reader's program through the
  // proxy, not curl against this sandbox (tests/site/own-program.test.ts holds them to the table).
  const part = html.slice(start, next === -1 ? undefined : next).replace(/<details[^>]*\bdata-own-code\b[\s\S]*?<\/details>/g, '');
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

async function api(method: string, path: string, body?: unknown, key: string | null = crypto.randomUUID()) {
  const headers: Record<string, string> = { Authorization: 'Bearer TEST-sandbox', 'Content-Type': 'application/json' };
  if (key !== null) headers['X-Idempotency-Key'] = key;
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function cardToken(cardholder = 'APRO'): Promise<string> {
  return (await api('POST', '/v1/card_tokens', { ...TEST_CARD, cardholder: { ...TEST_CARD.cardholder, name: cardholder } })).body.id;
}

async function reserve(): Promise<number> {
  const payment = await api('POST', '/v1/payments', { ...RESERVE_BODY, token: await cardToken() });
  expect(payment.body.status).toBe('authorized');
  return payment.body.id;
}

async function approved(): Promise<number> {
  const payment = await api('POST', '/v1/payments', { ...RESERVE_BODY, capture: true, token: await cardToken() });
  expect(payment.body.status).toBe('approved');
  return payment.body.id;
}

const refund = (id: number, body?: unknown) => api('POST', `/v1/payments/${id}/refunds`, body);

/**
 * How to make the sandbox give each cause a page names, whichever page names it. A page that
 * names a cause missing here fails, so every error a page promises is one the sandbox gives.
 */
const PROVOKE: Record<number, () => Promise<{ status: number; body: Record<string, any> }>> = {
  2000: () => api('PUT', '/v1/payments/999999999999', { status: 'cancelled' }),
  2006: () => api('POST', '/v1/payments', { ...RESERVE_BODY, token: 'ff8080814c11e237014c1ff593b57b4d' }),
  2016: async () => api('PUT', `/v1/payments/${await reserve()}`, { status: 'canceled' }),
  2017: async () => api('PUT', `/v1/payments/${await reserve()}`, { capture: true, transaction_amount: 150 }),
  2018: async () => {
    const id = await reserve();
    expect((await api('PUT', `/v1/payments/${id}`, { capture: true })).status).toBe(200);
    return api('PUT', `/v1/payments/${id}`, { status: 'cancelled' });
  },
  2032: async () => api('GET', `/v1/payments/${await approved()}/refunds/999999999999`, undefined, null),
  2063: async () => {
    const id = await approved();
    expect((await refund(id)).status).toBe(201);
    return refund(id);
  },
  3024: async () => {
    const id = await approved();
    for (let i = 0; i < 20; i++) expect((await refund(id, { amount: 1 })).status).toBe(201);
    return refund(id, { amount: 1 });
  },
  4040: async () => refund(await approved(), { amount: 0 }),
  4041: async () => refund(await approved(), { amount: '25.5' }),
  4292: async () => api('POST', '/v1/payments', { ...RESERVE_BODY, token: await cardToken() }, null),
};

/** The `**`400`, cause `2018`**, "message"` items of a page's "What goes wrong". */
function namedErrors(html: string): { status: number; code: number; message: string }[] {
  const start = html.indexOf('<h2 id="what-goes-wrong"');
  const part = decode(html.slice(start, html.indexOf('<h2 ', start + 1)).replace(/<[^>]+>/g, ''));
  return [...part.matchAll(/(\d{3}), cause (\d+), “([^”]+)”|(\d{3}), cause (\d+), "([^"]+)"/g)].map((m) => ({
    status: Number(m[1] ?? m[4]),
    code: Number(m[2] ?? m[5]),
    // Astro's smart quotes turn the prose's "can't" into "can’t"; the API's messages use the plain apostrophe.
    message: (m[3] ?? m[6]!).replaceAll('\u2019', "'"),
  }));
}

beforeAll(async () => {
  for (const { id } of OPERATIONS) {
    if (!existsSync(pagePath(id)))
      throw new Error(`${pagePath(id)} is missing: run \`npm run build\` first (the site tests read the built pages)`);
    pages[id] = await readFile(pagePath(id), 'utf8');
  }
  for (const tool of ['bash', 'curl', 'jq']) {
    const found = await execa('bash', ['-c', `command -v ${tool}`], { reject: false });
    if (found.exitCode !== 0) throw new Error(`${tool} is missing: the page's sandbox steps need it (Debian: apt-get install ${tool})`);
  }
  // Readers on Linux may lack uuidgen; the page's snippets must not depend on which one runs.
  shims = await mkdtemp(join(tmpdir(), 'site-shims-'));
  await writeFile(join(shims, 'uuidgen'), '#!/bin/sh\ncat /proc/sys/kernel/random/uuid\n');
  await chmod(join(shims, 'uuidgen'), 0o755);

  // The sandbox as the page starts it (`npm run sandbox` is `node sandbox/package/cli.ts`), on a free port.
  const child = spawn(process.execPath, ['sandbox/package/cli.ts', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
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
  // What the child answered must match the spec (it runs outside this process).
  if (base) await checkChildJournal(base);
  sandbox?.kill('SIGTERM');
  if (shims) await rm(shims, { recursive: true, force: true });
});

/** The reserve page's steps, then the snippet under "Try it" of each page named, in one shell, as a reader runs them. */
async function followPages(...operations: string[]) {
  const [start, steps] = blocksUnder(pages['reserve-funds']!, 'try-it-against-the-sandbox');
  expect(start).toBe('npm run sandbox');
  expect(steps).toContain(DOCUMENTED_BASE);
  const snippets = operations.map((op) => {
    const blocks = blocksUnder(pages[op]!, 'try-it-against-the-sandbox');
    expect(blocks, `one snippet under "Try it" on the ${op} page`).toHaveLength(1);
    return blocks[0]!;
  });
  // Each command's output on a line of its own.
  const script = [steps!.replaceAll(DOCUMENTED_BASE, base), ...snippets].join('\necho\n');
  const run = await bash(script);
  expect(run.exitCode, run.stderr).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, any>);
}

describe("the pages' shell snippets, followed in order against the sandbox", () => {
  it('reserve, capture part, then try to cancel: 400, cause 2018', async () => {
    const [reserved, captured, cancel] = await followPages('partial-capture', 'cancel-reserve');
    expect(reserved).toMatchObject({ status: 'authorized', status_detail: 'pending_capture', captured: false, transaction_amount: 100 });
    expect(captured).toMatchObject({
      id: reserved!.id,
      status: 'approved',
      status_detail: 'accredited',
      captured: true,
      transaction_amount: 75,
    });
    expect(cancel).toMatchObject({ status: 400, cause: [{ code: 2018 }] });
  });

  it('reserve, capture, then capture again: 400, cause 2018', async () => {
    const [reserved, captured, again] = await followPages('capture-reserve', 'capture-reserve');
    expect(captured).toMatchObject({
      id: reserved!.id,
      status: 'approved',
      status_detail: 'accredited',
      captured: true,
      transaction_amount: 100,
    });
    expect(again).toMatchObject({ status: 400, cause: [{ code: 2018 }] });
  });

  it('reserve, cancel, then cancel again: 400, cause 2018', async () => {
    const [reserved, cancelled, again] = await followPages('cancel-reserve', 'cancel-reserve');
    expect(cancelled).toMatchObject({ id: reserved!.id, status: 'cancelled', status_detail: 'by_collector', captured: false });
    expect(again).toMatchObject({ status: 400, cause: [{ code: 2018 }] });
  });
});

describe("the refund pages' snippets, followed in order from a captured reserve", () => {
  it('capture, refund part, list, read a refund, refund the rest, then refund again: 400, cause 2063', async () => {
    const [reserved, captured, partial, listed, read, rest, again] = await followPages(
      'capture-reserve',
      'partial-refund',
      'list-refunds',
      'get-refund',
      'refund-payment',
      'refund-payment',
    );
    const paymentId = reserved!.id;
    expect(captured).toMatchObject({ id: paymentId, status: 'approved', transaction_amount: 100 });
    expect(partial).toMatchObject({ payment_id: paymentId, amount: 25.5, status: 'approved', refund_mode: 'standard' });
    expect(listed).toEqual([partial]);
    expect(read).toEqual(partial);
    expect(rest).toMatchObject({ payment_id: paymentId, amount: 74.5, status: 'approved' });
    expect(again).toMatchObject({ status: 400, cause: [{ code: 2063 }] });
    const payment = await api('GET', `/v1/payments/${paymentId}`, undefined, null);
    expect(payment.body).toMatchObject({ status: 'refunded', status_detail: 'refunded', transaction_amount_refunded: 100 });
  });

  it("the pending payment's page makes a payment in process and cancels it: cancelled / by_collector", async () => {
    const [reserved, cancelled] = await followPages('cancel-pending');
    expect(cancelled).toMatchObject({ status: 'cancelled', status_detail: 'by_collector', transaction_amount: 100 });
    expect(cancelled!.id).not.toBe(reserved!.id);
  });
});

describe.each(OPERATIONS.map((op) => [op.id] as const))('"What goes wrong" on the %s page', (id) => {
  it('names only errors the sandbox gives, each with its status and message', async () => {
    const named = namedErrors(pages[id]!);
    expect(named.length, 'at least one error named').toBeGreaterThan(0);
    for (const error of named) {
      expect(PROVOKE[error.code], `a way to provoke cause ${error.code} in this test`).toBeDefined();
      const reply = await PROVOKE[error.code]!();
      expect([reply.status, reply.body.cause[0].code, reply.body.message], `cause ${error.code}`).toEqual([
        error.status,
        error.code,
        error.message,
      ]);
    }
  });

  it('shows the envelope exactly as the sandbox sends it, but for the stamp', async () => {
    const envelopeText = blocksUnder(pages[id]!, 'what-goes-wrong').find((block) => block.trimStart().startsWith('{'));
    expect(envelopeText, 'a JSON error envelope under "What goes wrong"').toBeDefined();
    const shown = JSON.parse(envelopeText!);
    const real = await PROVOKE[shown.cause[0].code]!();
    const { data: _shownData, ...shownCause } = shown.cause[0];
    const { data: _realData, ...realCause } = real.body.cause[0];
    expect({ ...real.body, cause: [realCause] }).toEqual({ ...shown, cause: [shownCause] });
    expect(real.body.cause[0].data).toMatch(/^\d\d-\d\d-\d{4}T\d\d:\d\d:\d\dUTC;[0-9a-f-]{36}$/);
    expect(shown.cause[0].data).toMatch(/^\d\d-\d\d-\d{4}T\d\d:\d\d:\d\dUTC;[0-9a-f-]{36}$/);
  });
});

describe('what the reserve page says of a declined card and of a payment without capture false', () => {
  it('a declined card answers 201, rejected, never a reserve', async () => {
    const reply = await api('POST', '/v1/payments', { ...RESERVE_BODY, token: await cardToken('OTHE') });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: 'rejected', status_detail: 'cc_rejected_other_reason', captured: false });
    expect(pages['reserve-funds']).toContain('cc_rejected_other_reason');
  });

  it('without capture false the payment is captured at once', async () => {
    const { capture: _capture, ...body } = RESERVE_BODY;
    const reply = await api('POST', '/v1/payments', { ...body, token: await cardToken() });
    expect(reply.body).toMatchObject({ status: 'approved', status_detail: 'accredited', captured: true });
  });
});
