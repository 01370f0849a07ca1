import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_ORIGIN, api, inProcessServer, RESERVE_BODY } from '../../tests/support/sandbox.ts';
import { ManualClock } from './clock.ts';
import { createSandbox, type Sandbox } from './sandbox.ts';

/**
 * What a reader's retry code sees (sandbox/README.md, "Retries"): the status and the exact body
 * of a repeated capture, cancel, create and refund, with the same idempotency key and without it.
 */
const mp = inProcessServer();
beforeAll(mp.start);
afterAll(mp.stop);

const MINUTE_MS = 60_000;
let clock: ManualClock;
let sandbox: Sandbox;
beforeEach(() => {
  clock = new ManualClock();
  sandbox = createSandbox({ clock });
  mp.serve(sandbox);
});

const client = api();

/** One request, its body kept as the bytes sent back, so a replay can be compared byte for byte. */
async function send(method: string, path: string, body: unknown, key?: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { Authorization: 'Bearer TEST-retries', 'Content-Type': 'application/json' };
  if (key) headers['X-Idempotency-Key'] = key;
  const response = await fetch(`${API_ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

/** The envelope of 400 cause 2018, without its per-request `data` stamp. */
const INVALID_STATE = {
  message: 'The action requested is not valid for the current payment state',
  error: 'bad_request',
  status: 400,
  cause: [{ code: 2018, description: 'The action requested is not valid for the current payment state', data: expect.any(String) }],
};

describe('capturing a payment already captured', () => {
  it('with the same key: the first capture again, 200 byte for byte, and nothing captured twice', async () => {
    const { id } = sandbox.createPayment({ amount: 100 });
    const key = randomUUID();
    const first = await send('PUT', `/v1/payments/${id}`, { capture: true, transaction_amount: 60 }, key);
    expect(first.status).toBe(200);
    clock.advance(MINUTE_MS);
    // Even a retry with another body: the key decides, and the first answer comes back.
    const again = await send('PUT', `/v1/payments/${id}`, { capture: true }, key);
    expect(again).toEqual(first);
    expect(sandbox.payments.get(id)).toMatchObject({ transaction_amount: 60, date_approved: JSON.parse(first.text).date_approved });
  });

  it('with a new key, or none (an SDK makes a new key on each call): 400 cause 2018, the payment unchanged', async () => {
    const { id } = sandbox.createPayment();
    expect((await send('PUT', `/v1/payments/${id}`, { capture: true }, randomUUID())).status).toBe(200);
    const before = JSON.stringify(sandbox.payments.get(id));
    for (const key of [randomUUID(), undefined]) {
      const retry = await send('PUT', `/v1/payments/${id}`, { capture: true }, key);
      expect(retry.status).toBe(400);
      expect(JSON.parse(retry.text)).toEqual(INVALID_STATE);
    }
    expect(JSON.stringify(sandbox.payments.get(id))).toBe(before);
  });
});

describe('cancelling twice', () => {
  it('with the same key: the first 200 again; with a new key: 400 cause 2018', async () => {
    const { id } = sandbox.createPayment();
    const key = randomUUID();
    const first = await send('PUT', `/v1/payments/${id}`, { status: 'cancelled' }, key);
    expect(first.status).toBe(200);
    expect(await send('PUT', `/v1/payments/${id}`, { status: 'cancelled' }, key)).toEqual(first);
    const retry = await send('PUT', `/v1/payments/${id}`, { status: 'cancelled' }, randomUUID());
    expect([retry.status, JSON.parse(retry.text)]).toEqual([400, INVALID_STATE]);
  });
});

describe('replaying an idempotency key on a create', () => {
  it('answers the first 201 byte for byte and makes no second payment, even after the payment changed', async () => {
    const key = randomUUID();
    const body = { ...RESERVE_BODY, token: await client.tokenId(), external_reference: 'retry-1' };
    const first = await send('POST', '/v1/payments', body, key);
    expect(first.status).toBe(201);
    const { id } = JSON.parse(first.text) as { id: number };
    // The payment moves on; a replay still answers the create as it was (a stored answer, not the payment now).
    expect((await send('PUT', `/v1/payments/${id}`, { capture: true }, randomUUID())).status).toBe(200);
    expect(await send('POST', '/v1/payments', body, key)).toEqual(first);
    expect(JSON.parse((await send('POST', '/v1/payments', body, key)).text)).toMatchObject({ status: 'authorized' });
    expect([...sandbox.payments.all()].map((payment) => payment.id)).toEqual([id]);
  });

  it('the same body with a new key is a new payment, or 2006 once its card token is used', async () => {
    const body = { ...RESERVE_BODY, token: await client.tokenId() };
    expect((await send('POST', '/v1/payments', body, randomUUID())).status).toBe(201);
    const retry = await send('POST', '/v1/payments', body, randomUUID());
    expect([retry.status, JSON.parse(retry.text).cause[0].code]).toEqual([400, 2006]);
  });

  it('a refused request is not stored: fixed and sent again with the same key, it is carried out', async () => {
    const key = randomUUID();
    const token = await client.tokenId();
    const refused = await send('POST', '/v1/payments', { ...RESERVE_BODY, token, installments: 0 }, key);
    expect(refused.status).toBe(400);
    expect((await send('POST', '/v1/payments', { ...RESERVE_BODY, token }, key)).status).toBe(201);
  });
});

describe('replaying an idempotency key on a refund', () => {
  it('answers the first 201 and its refund again, and refunds nothing more', async () => {
    const { id } = sandbox.createPayment({ capture: true, amount: 100 });
    const key = randomUUID();
    const first = await send('POST', `/v1/payments/${id}/refunds`, { amount: 30 }, key);
    expect(first.status).toBe(201);
    expect(await send('POST', `/v1/payments/${id}/refunds`, { amount: 30 }, key)).toEqual(first);
    expect(sandbox.payments.get(id)).toMatchObject({ transaction_amount_refunded: 30, status_detail: 'partially_refunded' });
    expect(sandbox.payments.get(id).refunds).toHaveLength(1);
  });
});
