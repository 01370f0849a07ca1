/**
 * Refunds through the HTTP surface (the msw handlers, in-process), as a reader's code makes them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_DATE, API_ORIGIN, api, causeCode, inProcessServer } from '../../tests/support/sandbox.ts';
import { DAY_MS, ManualClock } from './clock.ts';
import type { Payment } from './payment.ts';
import { MAX_PARTIAL_REFUNDS } from './refund-payment.ts';
import { createSandbox, type Sandbox } from './sandbox.ts';

const mp = inProcessServer();
beforeAll(mp.start);
afterAll(mp.stop);

let clock: ManualClock;
let sandbox: Sandbox;
beforeEach(() => {
  clock = new ManualClock(); // 2026-11-26T10:00:00.000-04:00
  sandbox = createSandbox({ clock });
  mp.serve(sandbox);
});

const client = api();

/** An approved (captured) payment of `amount`, made directly. */
const approved = (amount = 100): Payment => sandbox.createPayment({ capture: true, amount });

/** The refund object the sandbox writes: every field, always. */
const REFUND_FIELDS = [
  'id',
  'payment_id',
  'amount',
  'metadata',
  'source',
  'date_created',
  'unique_sequence_number',
  'refund_mode',
  'adjustment_amount',
  'status',
  'reason',
  'labels',
  'amount_refunded_to_payer',
  'partition_details',
  'external_refund_id',
  'expiration_date',
  'additional_data',
].sort();

describe('a full refund: POST /v1/payments/{id}/refunds without an amount', () => {
  it('is 201 with the refund of everything, and the payment becomes refunded / refunded', async () => {
    const payment = approved(100);
    clock.advance(60_000);
    const reply = await client.refund(payment.id);
    expect(reply.status).toBe(201);
    const refund = reply.body;
    expect(Object.keys(refund).sort()).toEqual(REFUND_FIELDS);
    expect(refund).toMatchObject({
      payment_id: payment.id,
      amount: 100,
      metadata: {},
      source: { id: '1234567890', type: 'collector' },
      date_created: '2026-11-26T10:01:00.000-04:00',
      unique_sequence_number: null,
      refund_mode: 'standard',
      adjustment_amount: 0,
      status: 'approved',
      reason: null,
      amount_refunded_to_payer: 100,
    });
    expect(Number.isSafeInteger(refund.id)).toBe(true);
    expect(refund.id).not.toBe(payment.id);

    const after = (await client.get(payment.id)).body;
    expect(after).toMatchObject({
      status: 'refunded',
      status_detail: 'refunded',
      transaction_amount: 100,
      transaction_amount_refunded: 100,
      captured: true,
      date_last_updated: '2026-11-26T10:01:00.000-04:00',
    });
    expect(after.refunds).toEqual([refund]);
  });

  it.each([
    ['no body and no Content-Type', {} as RequestInit],
    ['an empty body with a JSON Content-Type', { headers: { 'Content-Type': 'application/json' }, body: '' }],
    ['{}', { headers: { 'Content-Type': 'application/json' }, body: '{}' }],
    ['{"amount": null}', { headers: { 'Content-Type': 'application/json' }, body: '{"amount":null}' }],
  ])('%s: the same full refund', async (_, init) => {
    const payment = approved(80);
    const response = await fetch(`${API_ORIGIN}/v1/payments/${payment.id}/refunds`, {
      ...init,
      method: 'POST',
      headers: { ...(init.headers as Record<string, string>), Authorization: 'Bearer TEST-sandbox', 'X-Idempotency-Key': randomUUID() },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ amount: 80, status: 'approved' });
    expect(sandbox.payments.get(payment.id)).toMatchObject({ status: 'refunded', transaction_amount_refunded: 80 });
  });

  it('after a partial refund, refunds what is left', async () => {
    const payment = approved(100);
    await client.refund(payment.id, { amount: 30 });
    expect((await client.refund(payment.id)).body.amount).toBe(70);
    expect((await client.get(payment.id)).body).toMatchObject({ status: 'refunded', transaction_amount_refunded: 100 });
  });

  it('of a partly captured payment refunds what was captured', async () => {
    const reserve = sandbox.createPayment({ amount: 100 });
    await client.capture(reserve.id, 60);
    expect((await client.refund(reserve.id)).body.amount).toBe(60);
    expect(causeCode(await client.refund(reserve.id, { amount: 1 }))).toBe(2063);
  });
});

describe('a partial refund: {"amount": 25.5}', () => {
  it('is 201; the payment stays approved, partially_refunded, with the amount refunded so far', async () => {
    const payment = approved(100);
    const first = await client.refund(payment.id, { amount: 25.5 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ payment_id: payment.id, amount: 25.5, amount_refunded_to_payer: 25.5, status: 'approved' });
    expect((await client.get(payment.id)).body).toMatchObject({
      status: 'approved',
      status_detail: 'partially_refunded',
      transaction_amount: 100,
      transaction_amount_refunded: 25.5,
      captured: true,
    });

    const second = await client.refund(payment.id, { amount: 10 });
    expect(second.body.id).not.toBe(first.body.id);
    const after = (await client.get(payment.id)).body;
    expect(after).toMatchObject({ status: 'approved', status_detail: 'partially_refunded', transaction_amount_refunded: 35.5 });
    expect(after.refunds.map((refund) => refund.amount)).toEqual([25.5, 10]);
  });

  it('partial refunds that add up to the whole make it refunded, counted in cents (0.1 + 0.2 + 0.7 = 1)', async () => {
    const payment = approved(1);
    for (const amount of [0.1, 0.2]) expect((await client.refund(payment.id, { amount })).status).toBe(201);
    expect((await client.get(payment.id)).body).toMatchObject({ status: 'approved', transaction_amount_refunded: 0.3 });
    expect((await client.refund(payment.id, { amount: 0.7 })).status).toBe(201);
    expect((await client.get(payment.id)).body).toMatchObject({
      status: 'refunded',
      status_detail: 'refunded',
      transaction_amount_refunded: 1,
    });
  });

  it('an amount with more decimals than cents is rounded to the cent', async () => {
    const payment = approved(10);
    expect((await client.refund(payment.id, { amount: 2.345 })).body.amount).toBe(2.35);
  });

  it('the refund date has exactly three fractional digits, as sdk-java parses it', async () => {
    const payment = approved();
    clock.advance(7);
    const refund = (await client.refund(payment.id, { amount: 1 })).body;
    expect(refund.date_created).toBe('2026-11-26T10:00:00.007-04:00');
    expect(refund.date_created).toMatch(API_DATE);
    // The system clock too (a real millisecond count, not the manual clock's round one).
    const live = createSandbox();
    const made = live.refund(live.createPayment({ capture: true }).id, 1);
    expect(made.date_created).toMatch(API_DATE);
  });
});

describe('what is refused', () => {
  it('no X-Idempotency-Key: 400 cause 4292, before any other rule, and nothing is refunded', async () => {
    const payment = approved();
    for (const key of [null, '', '   ']) {
      const reply = await client.refund(payment.id, undefined, key);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ cause: [{ code: 4292, description: "Header X-Idempotency-Key can't be null" }] });
    }
    expect(causeCode(await client.refund(4242424242, { amount: -1 }, null))).toBe(4292);
    expect(sandbox.payments.get(payment.id)).toMatchObject({ status: 'approved', transaction_amount_refunded: 0, refunds: [] });
  });

  it('nothing left to refund: 400 cause 2063', async () => {
    const payment = approved();
    await client.refund(payment.id);
    for (const body of [undefined, { amount: 1 }]) {
      const reply = await client.refund(payment.id, body);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({
        message: 'The action requested is not valid for the current payment state',
        error: 'bad_request',
        cause: [{ code: 2063, description: 'The action requested is not valid for the current payment state' }],
      });
    }
    expect(sandbox.payments.get(payment.id).refunds).toHaveLength(1);
  });

  it.each([
    ['a reserve never captured', () => sandbox.createPayment(), 'authorized'],
    ['an in_process payment (CONT)', () => sandbox.createPayment({ cardholderName: 'CONT' }), 'in_process'],
    ['a rejected payment', () => sandbox.createPayment({ cardholderName: 'OTHE', capture: true }), 'rejected'],
    [
      'a cancelled reserve',
      () => {
        const reserve = sandbox.createPayment();
        sandbox.payments.update(reserve.id, { status: 'cancelled' });
        return reserve;
      },
      'cancelled',
    ],
  ])('%s: 400 cause 2063, unchanged', async (_, make, status) => {
    const payment = make();
    const before = JSON.stringify(sandbox.payments.get(payment.id));
    expect(causeCode(await client.refund(payment.id))).toBe(2063);
    expect(causeCode(await client.refund(payment.id, { amount: 1 }))).toBe(2063);
    expect(sandbox.payments.get(payment.id).status).toBe(status);
    expect(JSON.stringify(sandbox.payments.get(payment.id))).toBe(before);
  });

  it('a reserve that lapsed is cancelled: 2063', async () => {
    const reserve = sandbox.createPayment();
    clock.advance(8 * DAY_MS);
    expect(causeCode(await client.refund(reserve.id))).toBe(2063);
    expect(sandbox.payments.get(reserve.id)).toMatchObject({ status: 'cancelled', status_detail: 'expired' });
  });

  it('more than what is left: 400 cause 2017, unchanged; exactly what is left is fine', async () => {
    const payment = approved(100);
    const over = await client.refund(payment.id, { amount: 100.01 });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ cause: [{ code: 2017, description: 'Invalid transaction_amount for update' }] });
    await client.refund(payment.id, { amount: 60 });
    expect(causeCode(await client.refund(payment.id, { amount: 41 }))).toBe(2017);
    expect(sandbox.payments.get(payment.id)).toMatchObject({ status: 'approved', transaction_amount_refunded: 60 });
    expect((await client.refund(payment.id, { amount: 40 })).status).toBe(201);
    expect(sandbox.payments.get(payment.id).status).toBe('refunded');
  });

  it.each([[0], [-5], [0.004]])('amount %j: 400 cause 4040 "amount attribute must be positive"', async (amount) => {
    const payment = approved();
    const reply = await client.refund(payment.id, { amount });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ cause: [{ code: 4040, description: 'amount attribute must be positive' }] });
    expect(sandbox.payments.get(payment.id).refunds).toEqual([]);
  });

  it.each([['25.5'], [true], [[]], [{}]])('amount %j: 400 cause 4041 "amount attribute must be numeric"', async (amount) => {
    const payment = approved();
    const reply = await client.refund(payment.id, { amount });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ cause: [{ code: 4041, description: 'amount attribute must be numeric' }] });
    // 1e400 is Infinity once parsed: not a number the API can refund either.
    expect(causeCode(await client.refund(payment.id, '{"amount":1e400}'))).toBe(4041);
    expect(sandbox.payments.get(payment.id).refunds).toEqual([]);
  });

  it('the amount is checked before the state: a reserve with amount "x" is 4041', async () => {
    expect(causeCode(await client.refund(sandbox.createPayment().id, { amount: 'x' }))).toBe(4041);
  });

  it(`the ${MAX_PARTIAL_REFUNDS + 1}st partial refund: 400 cause 3024; refunding all that is left still works`, async () => {
    const payment = approved(100);
    for (let i = 0; i < MAX_PARTIAL_REFUNDS; i++) expect((await client.refund(payment.id, { amount: 1 })).status).toBe(201);
    const refused = await client.refund(payment.id, { amount: 1 });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      cause: [{ code: 3024, description: 'Not valid action - partial refund unsupported for this transaction' }],
    });
    expect((await client.refund(payment.id, { amount: 80 })).status).toBe(201);
    expect(sandbox.payments.get(payment.id)).toMatchObject({ status: 'refunded', transaction_amount_refunded: 100 });
    expect(sandbox.payments.get(payment.id).refunds).toHaveLength(MAX_PARTIAL_REFUNDS + 1);
  });

  it('an unknown payment: 404 cause 2000 on every refund route, whatever the refund id', async () => {
    for (const reply of [
      await client.refund(4242424242),
      await client.refunds(4242424242),
      await client.getRefund(4242424242, 1),
      await client.getRefund(4242424242, 'abc'),
      await client.refund('abc'),
      await client.refunds('-1'),
    ]) {
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ message: 'Payment not found', error: 'not_found', cause: [{ code: 2000 }] });
    }
  });

  it('an unknown refund of a known payment: 404 cause 2032 "Refund not found"', async () => {
    const payment = approved();
    const other = approved();
    const othersRefund = sandbox.refund(other.id, 5);
    for (const refundId of [othersRefund.id, payment.id, 'abc', '-1', '1.5', '99999999999999999999']) {
      const reply = await client.getRefund(payment.id, refundId);
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({
        message: 'Refund not found',
        error: 'not_found',
        cause: [{ code: 2032, description: 'Refund not found' }],
      });
    }
  });

  it('a body that is not JSON: 415; malformed JSON or a JSON array: 400 with an empty cause', async () => {
    const payment = approved();
    expect(
      (
        await client.request('POST', `/v1/payments/${payment.id}/refunds`, {
          body: 'amount=5',
          key: randomUUID(),
          headers: { 'Content-Type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
    for (const body of ['{"amount":', '[5]']) {
      const reply = await client.refund(payment.id, body);
      expect([reply.status, (reply.body as unknown as { cause: unknown[] }).cause]).toEqual([400, []]);
    }
    expect(sandbox.payments.get(payment.id).refunds).toEqual([]);
  });

  it('no access token: 401 cause 5 on every refund route', async () => {
    const payment = approved();
    const refund = sandbox.refund(payment.id, 1);
    const anonymous = api('');
    for (const reply of [
      await anonymous.refund(payment.id),
      await anonymous.refunds(payment.id),
      await anonymous.getRefund(payment.id, refund.id),
    ]) {
      expect(reply.status).toBe(401);
      expect(causeCode(reply)).toBe(5);
    }
  });

  it('other methods: 405 with Allow', async () => {
    const payment = approved();
    const refund = sandbox.refund(payment.id, 1);
    const onList = await client.request('PUT', `/v1/payments/${payment.id}/refunds`, { body: {} });
    expect([onList.status, onList.headers.get('allow')]).toEqual([405, 'POST, GET']);
    const onOne = await client.request('POST', `/v1/payments/${payment.id}/refunds/${refund.id}`, { body: {}, key: randomUUID() });
    expect([onOne.status, onOne.headers.get('allow')]).toEqual([405, 'GET']);
    expect(sandbox.payments.get(payment.id).refunds).toHaveLength(1);
  });
});

describe('X-Idempotency-Key on POST /v1/payments/{id}/refunds', () => {
  it('a replayed key makes no second refund: it answers the first 201 again, byte for byte', async () => {
    const payment = approved(100);
    const key = randomUUID();
    const first = await client.refund(payment.id, { amount: 10 }, key);
    const replay = await client.refund(payment.id, { amount: 10 }, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    // Another amount under the same key is still the replay (our choice, as on POST /v1/payments).
    expect((await client.refund(payment.id, { amount: 50 }, key)).body).toEqual(first.body);
    // A trailing slash is the same route.
    expect((await client.request('POST', `/v1/payments/${payment.id}/refunds/`, { key })).body).toEqual(first.body);
    expect(sandbox.payments.get(payment.id)).toMatchObject({ transaction_amount_refunded: 10 });
    expect(sandbox.payments.get(payment.id).refunds).toHaveLength(1);
  });

  it('a replay after the payment was refunded in full still gets the first answer, not 2063', async () => {
    const payment = approved(100);
    const key = randomUUID();
    const first = await client.refund(payment.id, undefined, key);
    expect((await client.refund(payment.id, undefined, key)).body).toEqual(first.body);
    expect(causeCode(await client.refund(payment.id))).toBe(2063);
  });

  it('a refused request is not stored: fixed, it can be sent again with the same key', async () => {
    const payment = approved(100);
    const key = randomUUID();
    expect(causeCode(await client.refund(payment.id, { amount: 500 }, key))).toBe(2017);
    expect((await client.refund(payment.id, { amount: 50 }, key)).status).toBe(201);
  });

  it('the same key on two payments makes two refunds (keys are scoped by path)', async () => {
    const key = randomUUID();
    const a = approved();
    const b = approved();
    expect((await client.refund(a.id, undefined, key)).body.payment_id).toBe(a.id);
    expect((await client.refund(b.id, undefined, key)).body.payment_id).toBe(b.id);
  });
});

describe('reading refunds', () => {
  it('GET /v1/payments/{id}/refunds: 200 with the array, oldest first; [] when there are none', async () => {
    const payment = approved();
    const none = await client.refunds(payment.id);
    expect([none.status, none.body]).toEqual([200, []]);
    const made = [sandbox.refund(payment.id, 10), sandbox.refund(payment.id, 20)];
    const listed = await client.refunds(payment.id);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(JSON.parse(JSON.stringify(made)));
    // The Node SDK's list() adds a trailing slash.
    expect((await client.request('GET', `/v1/payments/${payment.id}/refunds/`)).body).toEqual(listed.body);
    // The payment's own `refunds` lists the same objects.
    expect((await client.get(payment.id)).body.refunds).toEqual(listed.body);
  });

  it('GET /v1/payments/{id}/refunds/{refund_id}: 200 with that refund', async () => {
    const payment = approved();
    const created = (await client.refund(payment.id, { amount: 12.5 })).body;
    sandbox.refund(payment.id, 1);
    const reply = await client.getRefund(payment.id, created.id);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(created);
    expect((await client.getRefund(payment.id, `${created.id}/`)).body).toEqual(created);
  });

  it('reading changes nothing, and ignores an idempotency key (Python sends one on GET)', async () => {
    const payment = approved();
    sandbox.refund(payment.id, 5);
    const before = JSON.stringify(sandbox.payments.get(payment.id));
    await client.request('GET', `/v1/payments/${payment.id}/refunds`, { key: 'k' });
    await client.request('GET', `/v1/payments/${payment.id}/refunds`, { key: 'k' });
    expect(JSON.stringify(sandbox.payments.get(payment.id))).toBe(before);
  });
});

describe('cancelling instead of refunding: PUT /v1/payments/{id} {"status": "cancelled"}', () => {
  it('an in_process payment (CONT): 200 cancelled / by_collector', async () => {
    const payment = sandbox.createPayment({ cardholderName: 'CONT', capture: true });
    expect(payment.status).toBe('in_process');
    const reply = await client.cancel(payment.id);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'cancelled', status_detail: 'by_collector', captured: false, refunds: [] });
  });

  it.each([
    ['an approved', () => approved()],
    [
      'a partially refunded',
      () => {
        const payment = approved();
        sandbox.refund(payment.id, 1);
        return payment;
      },
    ],
    [
      'a refunded',
      () => {
        const payment = approved();
        sandbox.refund(payment.id);
        return payment;
      },
    ],
  ])('%s payment: 400 cause 2018 (refund it instead), and a capture is 2018 too', async (_, make) => {
    const payment = make();
    const before = JSON.stringify(sandbox.payments.get(payment.id));
    const reply = await client.cancel(payment.id);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      cause: [{ code: 2018, description: 'The action requested is not valid for the current payment state' }],
    });
    expect(causeCode(await client.capture(payment.id))).toBe(2018);
    expect(JSON.stringify(sandbox.payments.get(payment.id))).toBe(before);
  });
});
