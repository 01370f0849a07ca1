import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, causeCode, inProcessServer, RESERVE_BODY, type Reply } from '../../tests/support/sandbox.ts';
import { ApiError } from './api-error.ts';
import { ManualClock } from './clock.ts';
import { createSandbox, type Sandbox } from './sandbox.ts';

const mp = inProcessServer();
beforeAll(mp.start);
afterAll(mp.stop);

let clock: ManualClock;
let sandbox: Sandbox;
beforeEach(() => {
  clock = new ManualClock();
  sandbox = createSandbox({ clock });
  mp.serve(sandbox);
});

const client = api();

/** `{message, error, status, cause: [{code, description, data}]}`, with `status` equal to the HTTP status. */
function expectEnvelope(reply: Reply, status: number, error: string) {
  expect(reply.status).toBe(status);
  expect(reply.body).toEqual({
    message: expect.any(String),
    error,
    status,
    cause: expect.any(Array),
  });
  for (const cause of (reply.body as { cause: unknown[] }).cause) {
    expect(cause).toEqual({
      code: expect.any(Number),
      description: expect.any(String),
      data: expect.toSatisfy((d) => d === null || typeof d === 'string'),
    });
  }
}

describe('errors', () => {
  it.each([
    ['no Authorization header', {}],
    ['an empty bearer', { Authorization: 'Bearer ' }],
    ['a bare "Bearer"', { Authorization: 'Bearer' }],
    ['another scheme', { Authorization: 'Basic dXNlcjpwYXNz' }],
  ])('%s: 401 cause 5, data null, on every route', async (_, headers) => {
    const reserve = sandbox.createPayment();
    const anonymous = api('');
    for (const reply of [
      await anonymous.request('GET', `/v1/payments/${reserve.id}`, { headers }),
      await anonymous.request('PUT', `/v1/payments/${reserve.id}`, { headers, body: { status: 'cancelled' } }),
      await anonymous.request('POST', '/v1/payments', { headers, body: RESERVE_BODY, key: 'k' }),
      await anonymous.request('POST', '/v1/card_tokens', { headers, body: {} }),
    ]) {
      expectEnvelope(reply, 401, 'unauthorized');
      expect(reply.body).toEqual({
        message: 'Must provide your access_token to proceed',
        error: 'unauthorized',
        status: 401,
        cause: [{ code: 5, description: 'Must provide your access_token to proceed', data: null }],
      });
    }
    expect((await client.get(reserve.id)).body.status).toBe('authorized');
  });

  it('an unknown payment: 404 cause 2000, stamped with the date and the request id', async () => {
    const reply = await client.get(4242424242);
    expectEnvelope(reply, 404, 'not_found');
    const requestId = reply.headers.get('x-request-id');
    expect(reply.body).toMatchObject({
      message: 'Payment not found',
      cause: [{ code: 2000, description: 'Payment not found', data: `26-11-2026T14:00:00UTC;${requestId}` }],
    });
  });

  it('an unknown route: 404 in the envelope', async () => {
    const reply = await client.request('GET', '/v1/nothing-here');
    expectEnvelope(reply, 404, 'not_found');
    expect(reply.body).toMatchObject({ message: 'Resource /v1/nothing-here not found.', cause: [] });
  });

  it('a known path with another method: 405 with Allow', async () => {
    const reply = await client.request('DELETE', '/v1/payments/1');
    expectEnvelope(reply, 405, 'method_not_allowed');
    expect(reply.headers.get('allow')).toBe('GET, PUT');
  });

  it.each([
    ['POST /v1/payments', 'POST', '/v1/payments'],
    ['PUT /v1/payments/{id}', 'PUT', '/v1/payments/1'],
    ['POST /v1/card_tokens', 'POST', '/v1/card_tokens'],
  ])('malformed JSON on %s: 400 bad_request', async (_, method, path) => {
    const reply = await client.request(method, path, { body: '{"status": "cancelled"', key: 'k' });
    expectEnvelope(reply, 400, 'bad_request');
  });

  it('a JSON body that is not an object: 400', async () => {
    const reserve = sandbox.createPayment();
    expectEnvelope(await client.request('PUT', `/v1/payments/${reserve.id}`, { body: '["cancelled"]' }), 400, 'bad_request');
    expect((await client.get(reserve.id)).body.status).toBe('authorized');
  });

  it('a body over 1 MiB: 413', async () => {
    const reply = await client.request('POST', '/v1/payments', { body: { description: 'x'.repeat(1024 * 1024) }, key: 'k' });
    expectEnvelope(reply, 413, 'request_entity_too_large');
  });

  it('every error the suite provokes is in the envelope', async () => {
    const reserve = sandbox.createPayment();
    const replies: [Reply, number, string][] = [
      [await client.createPayment({ ...RESERVE_BODY, token: 'nope' }), 400, 'bad_request'],
      [await client.createPayment({ ...RESERVE_BODY }, null), 400, 'bad_request'],
      [await client.cancel(reserve.id, 'canceled'), 400, 'bad_request'],
      [await client.update(reserve.id, {}), 400, 'bad_request'],
      [await client.capture(reserve.id, 1000), 400, 'bad_request'],
      [await client.update(reserve.id, { capture: 'yes' }), 400, 'bad_request'],
      [await client.cardToken('APRO', { card_number: '1234' }), 400, 'bad_request'],
    ];
    for (const [reply, status, error] of replies) expectEnvelope(reply, status, error);
  });
});

describe('X-Request-Id', () => {
  it('is on every response, success or error, and differs per request', async () => {
    const reserve = await client.reserve();
    const replies = [
      await client.cardToken(),
      await client.get(reserve.id),
      await client.cancel(reserve.id),
      await client.cancel(reserve.id),
      await client.get(1),
      await client.request('GET', '/nowhere'),
      await client.request('PATCH', '/v1/payments'),
      await api('').get(reserve.id),
      await client.request('POST', '/v1/payments', { body: '{', key: 'k' }),
    ];
    const ids = replies.map((reply) => reply.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('state per sandbox instance', () => {
  it('a payment made in one sandbox is 404 in another', async () => {
    const reserve = await client.reserve();
    const other = createSandbox({ clock });
    mp.serve(other);
    const reply = await client.get(reserve.id);
    expect(reply.status).toBe(404);
    expect(causeCode(reply)).toBe(2000);
    expect(causeCode(await client.cancel(reserve.id))).toBe(2000);
    mp.serve(sandbox);
    expect((await client.get(reserve.id)).body.status).toBe('authorized');
  });

  it('a card token made in one sandbox is unknown (2006) in another', async () => {
    const token = await client.tokenId();
    mp.serve(createSandbox({ clock }));
    expect(causeCode(await client.createPayment({ ...RESERVE_BODY, token }))).toBe(2006);
  });

  it('idempotency keys do not carry over between sandboxes', async () => {
    const first = await client.createPayment({ ...RESERVE_BODY, token: await client.tokenId() }, 'same-key');
    const other = createSandbox({ clock });
    mp.serve(other);
    const second = await client.createPayment({ ...RESERVE_BODY, token: await client.tokenId() }, 'same-key');
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(other.payments.size).toBe(1);
  });

  it('payments made with the helper are served over HTTP', async () => {
    const reserve = sandbox.createPayment({ amount: 250 });
    const captured = sandbox.createPayment({ capture: true });
    expect((await client.get(reserve.id)).body).toMatchObject({ status: 'authorized', transaction_amount: 250 });
    expect((await client.get(captured.id)).body).toMatchObject({ status: 'approved', captured: true });
  });
});

describe('staging without HTTP: the states a verifier starts a program from', () => {
  it('an approved payment: createPayment({ capture: true })', async () => {
    const payment = sandbox.createPayment({ capture: true, amount: 80 });
    expect((await client.get(payment.id)).body).toMatchObject({ status: 'approved', status_detail: 'accredited', transaction_amount: 80 });
  });

  it('an approved payment that already has a refund: createPayment, then refund(id, amount)', async () => {
    const payment = sandbox.createPayment({ capture: true });
    const refund = sandbox.refund(payment.id, 30);
    expect(refund).toMatchObject({ payment_id: payment.id, amount: 30, status: 'approved' });
    expect((await client.get(payment.id)).body).toMatchObject({
      status: 'approved',
      status_detail: 'partially_refunded',
      transaction_amount_refunded: 30,
      refunds: [refund],
    });
    expect((await client.getRefund(payment.id, refund.id)).body).toEqual(refund);
    // Without an amount, the rest.
    expect(sandbox.refund(payment.id).amount).toBe(70);
    expect((await client.get(payment.id)).body).toMatchObject({ status: 'refunded', status_detail: 'refunded' });
  });

  it('an in_process payment: createPayment({ cardholderName: "CONT" })', async () => {
    const payment = sandbox.createPayment({ cardholderName: 'CONT' });
    expect((await client.get(payment.id)).body).toMatchObject({ status: 'in_process', status_detail: 'pending_contingency' });
  });

  it('none of it is journaled; a refund the route would refuse throws its ApiError', () => {
    const reserve = sandbox.createPayment();
    const error = (() => {
      try {
        sandbox.refund(reserve.id);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 2063 });
    expect(() => sandbox.refund(4242424242)).toThrow('Payment not found');
    expect(sandbox.journal.entries()).toEqual([]);
  });
});

describe('maxPayments', () => {
  it('evicts the oldest payment past the bound, and logs it', async () => {
    const log: string[] = [];
    mp.serve(createSandbox({ clock, maxPayments: 2, log: (message) => log.push(message) }));
    const [a, b, c] = [await client.reserve(), await client.reserve(), await client.reserve()];
    expect((await client.get(a.id)).status).toBe(404);
    expect((await client.get(b.id)).status).toBe(200);
    expect((await client.get(c.id)).status).toBe(200);
    expect(log).toEqual([expect.stringContaining(`payment ${a.id} evicted`)]);
  });
});

describe('the journal', () => {
  it('records what the sandbox received and answered', async () => {
    const reserve = await client.reserve();
    await client.cancel(reserve.id);
    const last = sandbox.journal.entries().at(-1)!;
    expect(last).toMatchObject({
      method: 'PUT',
      path: `/v1/payments/${reserve.id}`,
      status: 200,
      body: '{"status":"cancelled"}',
      headers: expect.objectContaining({ authorization: 'Bearer TEST-sandbox' }),
    });
    expect(JSON.parse(last.response)).toMatchObject({ status: 'cancelled' });
  });
});

describe('a snapshot, restored into a new sandbox (how the in-browser sandbox outlives a page)', () => {
  it('keeps payments, unused card tokens, the next id and replayable answers', async () => {
    const reserve = await client.reserve();
    const key = 'replayed-key';
    const captured = await client.createPayment({ ...RESERVE_BODY, capture: true, token: await client.tokenId() }, key);
    const unused = await client.tokenId();

    const restored = createSandbox({ clock, restore: JSON.parse(JSON.stringify(sandbox.snapshot())) });
    mp.serve(restored);

    expect((await client.get(reserve.id)).body).toEqual(reserve);
    const cancelled = await client.cancel(reserve.id);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', status_detail: 'by_collector' });
    // The replay gives the first answer, not a new payment.
    const replay = await client.createPayment({ ...RESERVE_BODY, capture: true, token: 'spent' }, key);
    expect(replay.body).toEqual(captured.body);
    expect((await client.pay('APRO', { token: unused })).status).toBe(201);
    const next = await client.reserve();
    expect(next.id).toBeGreaterThan(captured.body.id);
  });

  it('keeps refunds: listed after the restore, and a new refund gets a new id', async () => {
    const payment = sandbox.createPayment({ capture: true });
    const before = sandbox.refund(payment.id, 10);
    const restored = createSandbox({ clock, restore: JSON.parse(JSON.stringify(sandbox.snapshot())) });
    mp.serve(restored);
    expect((await client.refunds(payment.id)).body).toEqual([before]);
    const after = (await client.refund(payment.id)).body;
    expect(after).toMatchObject({ amount: 90 });
    expect(after.id).toBeGreaterThan(before.id);
    expect((await client.get(payment.id)).body).toMatchObject({ status: 'refunded', transaction_amount_refunded: 100 });
  });

  it("keeps a reserve's deadline: it still lapses after the restore", async () => {
    const reserve = await client.reserve();
    const restored = createSandbox({ clock, restore: JSON.parse(JSON.stringify(sandbox.snapshot())) });
    mp.serve(restored);
    clock.advance(8 * 24 * 60 * 60 * 1000);
    expect((await client.get(reserve.id)).body).toMatchObject({ status: 'cancelled', status_detail: 'expired' });
  });
});
