/**
 * Faults on purpose: armed through the control route over HTTP, then met by plain requests
 * and by the official Node SDK (`mercadopago` 3.6.1), whose retries must end in exactly one
 * cancellation thanks to its idempotency key.
 *
 * The SDK's retry policy (node_modules/mercadopago/dist/utils/restClient/index.js): up to 3
 * retries on 429, 500, 502, 503, 504 and on network errors, reusing the call's one
 * X-Idempotency-Key; the wait is 1 s, then 2 s, then 4 s (no jitter by default), except that
 * a 429's `Retry-After` is used instead (a 503's `Retry-After` is ignored). So the 503 and
 * `after` cases below take 1–3 s each: the SDK's real backoff, not shortened.
 */
import { randomUUID } from 'node:crypto';
import { MercadoPagoConfig, Payment } from 'mercadopago';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../sandbox/core/faults.ts';
import type { JournalEntry } from '../../sandbox/core/journal.ts';
import { createSandbox, type Sandbox } from '../../sandbox/core/sandbox.ts';
import { inProcessServer, sandboxOverHttp } from '../support/sandbox.ts';

const TOKEN = 'TEST-1234567890-112614-abcdef-987654321';

describe('faults armed over HTTP', () => {
  const served = sandboxOverHttp();
  beforeEach(async () => {
    expect((await control('DELETE', '/__sandbox/faults')).body).toEqual([]);
  });

  async function control(method: string, path: string, body?: unknown) {
    const response = await fetch(`${served.server.url}${path}`, {
      method,
      ...(body !== undefined && { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }
  const arm = async (fault: Record<string, unknown>) => {
    const armed = await control('POST', '/__sandbox/faults', fault);
    expect(armed.status).toBe(201);
    return armed.body as Fault;
  };
  async function api(method: string, path: string, body?: unknown, key?: string) {
    const response = await fetch(`${served.server.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'Content-Type': 'application/json',
        ...(key && { 'X-Idempotency-Key': key }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  }
  const journal = async () => (await control('GET', '/__sandbox/requests')).body as JournalEntry[];

  it('429 with Retry-After, once, then the normal answer', async () => {
    const { id } = served.sandbox.createPayment();
    const fault = await arm({ status: 429, retryAfter: 7, method: 'GET', path: '/v1/payments/:id' });
    expect(fault).toEqual({
      id: expect.any(Number),
      method: 'GET',
      path: '/v1/payments/:id',
      status: 429,
      retryAfter: 7,
      when: 'before',
      remaining: 1,
    });

    const limited = await api('GET', `/v1/payments/${id}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(limited.body).toEqual({ message: 'Too many requests', error: 'too_many_requests', status: 429, cause: [] });
    expect((await api('GET', `/v1/payments/${id}`)).status).toBe(200);
    expect((await control('GET', '/__sandbox/faults')).body).toEqual([]);
  });

  it('500 and 503 (twice, Retry-After 1 by default) in the envelope; a PUT faulted `before` changes nothing', async () => {
    const { id } = served.sandbox.createPayment();
    await arm({ status: 500, method: 'PUT' });
    const broken = await api('PUT', `/v1/payments/${id}`, { status: 'cancelled' });
    expect(broken.body).toEqual({ message: 'Internal server error', error: 'internal_server_error', status: 500, cause: [] });
    expect(broken.headers.get('retry-after')).toBeNull();

    await arm({ status: 503, times: 2, path: '/v1/payments/:id' });
    expect((await control('GET', '/__sandbox/faults')).body).toMatchObject([{ status: 503, remaining: 2 }]);
    for (let i = 0; i < 2; i++) {
      const unavailable = await api('PUT', `/v1/payments/${id}`, { status: 'cancelled' });
      expect([unavailable.status, unavailable.headers.get('retry-after'), unavailable.body.error]).toEqual([
        503,
        '1',
        'service_unavailable',
      ]);
    }
    expect(served.sandbox.payments.get(id).status).toBe('authorized');
    expect((await api('PUT', `/v1/payments/${id}`, { status: 'cancelled' })).body).toMatchObject({ status: 'cancelled' });
  });

  it('a fault matches its method and path only, and `times: null` lasts until cleared', async () => {
    const { id } = served.sandbox.createPayment();
    await arm({ status: 502, times: null, method: 'put', path: '/v1/payments/:id' });
    expect((await api('GET', `/v1/payments/${id}`)).status).toBe(200);
    expect((await api('POST', '/v1/card_tokens', {})).status).toBe(400);
    for (let i = 0; i < 5; i++) expect((await api('PUT', `/v1/payments/${id}/`, { status: 'cancelled' })).status).toBe(502);
    expect((await control('GET', '/__sandbox/faults')).body).toMatchObject([{ status: 502, remaining: null }]);
    expect(await control('DELETE', '/__sandbox/faults')).toEqual({ status: 200, body: [] });
    expect((await api('PUT', `/v1/payments/${id}`, { status: 'cancelled' })).status).toBe(200);
  });

  it('a delay holds the answer back, then answers normally', async () => {
    const { id } = served.sandbox.createPayment();
    await arm({ delayMs: 300, method: 'GET' });
    const started = performance.now();
    const reply = await api('GET', `/v1/payments/${id}`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(reply.body).toMatchObject({ id, status: 'authorized' });
  });

  it('drop: the connection closes with no answer; `before`, nothing changed; journaled as status 0', async () => {
    const { id } = served.sandbox.createPayment();
    await arm({ drop: true, method: 'PUT' });
    await expect(api('PUT', `/v1/payments/${id}`, { status: 'cancelled' })).rejects.toThrow(/fetch failed/);
    expect(served.sandbox.payments.get(id).status).toBe('authorized');
    expect((await journal()).filter((e) => e.path === `/v1/payments/${id}`)).toMatchObject([{ method: 'PUT', status: 0, response: '' }]);
  });

  it('`after`: the cancel is carried out, its answer lost (503, or a dropped connection); the same key replays the stored 200', async () => {
    for (const fault of [{ status: 503 }, { drop: true }]) {
      const { id } = served.sandbox.createPayment();
      await arm({ ...fault, when: 'after', method: 'PUT', path: '/v1/payments/:id' });
      const key = randomUUID();
      const lost = api('PUT', `/v1/payments/${id}`, { status: 'cancelled' }, key);
      if ('drop' in fault) await expect(lost).rejects.toThrow(/fetch failed/);
      else expect((await lost).status).toBe(503);
      expect(served.sandbox.payments.get(id).status).toBe('cancelled');

      const retried = await api('PUT', `/v1/payments/${id}`, { status: 'cancelled' }, key);
      expect(retried).toMatchObject({ status: 200, body: { id, status: 'cancelled' } });
      // Without the key, the retry is a second cancellation, refused: the key is what makes it safe.
      const unkeyed = await api('PUT', `/v1/payments/${id}`, { status: 'cancelled' });
      expect([unkeyed.status, (unkeyed.body.cause as { code: number }[])[0]!.code]).toEqual([400, 2018]);
    }
  });

  it('`after` replaces whatever answer the request got, an error too: a fault is never spent unseen', async () => {
    await arm({ status: 504, when: 'after', path: '/v1/payments/:id' });
    const reply = await api('GET', '/v1/payments/abc');
    expect(reply.body).toEqual({ message: 'Gateway timeout', error: 'gateway_timeout', status: 504, cause: [] });
    expect((await control('GET', '/__sandbox/faults')).body).toEqual([]);
  });

  it('the control routes are never faulted and need no token', async () => {
    await arm({ status: 503, times: null });
    expect((await control('GET', '/__sandbox/faults')).status).toBe(200);
    expect((await control('GET', '/__sandbox/requests')).status).toBe(200);
    expect((await control('POST', '/__sandbox/faults', { status: 504 })).status).toBe(201);
    expect((await control('PATCH', '/__sandbox/faults')).status).toBe(405);
    expect((await api('GET', '/v1/payments/1')).status).toBe(503);
  });
});

describe('the official Node SDK meets faults (in-process: its fetch is answered by msw)', () => {
  const mp = inProcessServer();
  let sandbox: Sandbox;
  beforeAll(mp.start);
  afterAll(mp.stop);
  beforeEach(() => {
    sandbox = createSandbox();
    mp.serve(sandbox);
  });

  /** The SDK with its default retry policy; `onRetry` only records. */
  function sdk() {
    const retries: { attempt: number; error: string }[] = [];
    const config = new MercadoPagoConfig({
      accessToken: TOKEN,
      options: { onRetry: (attempt, error) => retries.push({ attempt, error: error.constructor.name }) },
    });
    return { payment: new Payment(config), retries };
  }
  const arm = (fault: Record<string, unknown>) =>
    fetch('https://api.mercadopago.com/__sandbox/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(fault),
    }).then((response) => expect(response.status).toBe(201));
  const putsTo = (id: number) => sandbox.journal.entries().filter((e) => e.method === 'PUT' && e.path === `/v1/payments/${id}`);

  /** Every PUT carried one key, the SDK's own; exactly one of them changed the payment. */
  function expectOneCancellation(id: number, statuses: number[]) {
    const puts = putsTo(id);
    expect(puts.map((e) => e.status)).toEqual(statuses);
    const keys = new Set(puts.map((e) => e.headers['x-idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sandbox.payments.get(id)).toMatchObject({ status: 'cancelled', status_detail: 'by_collector', captured: false });
  }

  it('503 twice: the SDK retries (1 s, 2 s) with the same key and reaches exactly one cancellation', async () => {
    const { id } = sandbox.createPayment();
    await arm({ status: 503, times: 2, method: 'PUT', path: '/v1/payments/:id' });
    const { payment, retries } = sdk();
    const started = performance.now();
    const cancelled = await payment.cancel({ id });
    expect(performance.now() - started).toBeGreaterThanOrEqual(2900);
    expect(cancelled).toMatchObject({ id, status: 'cancelled' });
    expect(retries).toEqual([
      { attempt: 1, error: 'MPServerError' },
      { attempt: 2, error: 'MPServerError' },
    ]);
    // Faults armed `before` stop the request: only the third PUT was carried out.
    expectOneCancellation(id, [503, 503, 200]);
  });

  it('429 with Retry-After: 0 twice: the SDK retries at once, one cancellation', async () => {
    const { id } = sandbox.createPayment();
    await arm({ status: 429, retryAfter: 0, times: 2, method: 'PUT' });
    const { payment, retries } = sdk();
    const started = performance.now();
    await expect(payment.cancel({ id })).resolves.toMatchObject({ status: 'cancelled' });
    expect(performance.now() - started).toBeLessThan(900);
    expect(retries.map((r) => r.error)).toEqual(['MPRateLimitError', 'MPRateLimitError']);
    expectOneCancellation(id, [429, 429, 200]);
  });

  it("`after` 503: the cancel happened but its answer was lost; the SDK's retry gets the stored 200 by idempotent replay", async () => {
    const { id } = sandbox.createPayment();
    await arm({ status: 503, when: 'after', method: 'PUT', path: '/v1/payments/:id' });
    const { payment, retries } = sdk();
    const cancelled = await payment.cancel({ id });
    expect(cancelled).toMatchObject({ id, status: 'cancelled', status_detail: 'by_collector' });
    expect(retries).toHaveLength(1);
    // Had the retry been carried out again it would be 400 cause 2018: its 200 is the replay.
    expectOneCancellation(id, [503, 200]);
    const [, replay] = putsTo(id);
    expect(JSON.parse(replay!.response)).toMatchObject({ id, status: 'cancelled' });
  });

  it('`after` drop: a network error after the cancel; the SDK retries and gets the stored 200', async () => {
    const { id } = sandbox.createPayment();
    await arm({ drop: true, when: 'after', method: 'PUT' });
    const { payment, retries } = sdk();
    await expect(payment.cancel({ id })).resolves.toMatchObject({ id, status: 'cancelled' });
    expect(retries).toEqual([{ attempt: 1, error: 'MPConnectionError' }]);
    expectOneCancellation(id, [0, 200]);
  });
});
