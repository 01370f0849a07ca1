import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_DATE, api, causeCode, inProcessServer, RESERVE_BODY } from '../../tests/support/sandbox.ts';
import { DAY_MS, ManualClock } from './clock.ts';
import type { Payment } from './payment.ts';
import { createSandbox, type Sandbox } from './sandbox.ts';

const mp = inProcessServer();
beforeAll(mp.start);
afterAll(mp.stop);

const HOUR_MS = 60 * 60 * 1000;
let clock: ManualClock;
let sandbox: Sandbox;
beforeEach(() => {
  clock = new ManualClock(); // 2026-11-26T10:00:00.000-04:00
  sandbox = createSandbox({ clock });
  mp.serve(sandbox);
});

const client = api();

describe('POST /v1/payments with capture:false: a reserve', () => {
  it('is 201 with the full authorized payment resource', async () => {
    const token = await client.tokenId('APRO');
    const reply = await client.createPayment({ ...RESERVE_BODY, token, external_reference: 'order-1', metadata: { order: 1 } });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    const payment = reply.body;
    expect(Number.isSafeInteger(payment.id)).toBe(true);
    expect(payment).toMatchObject({
      status: 'authorized',
      status_detail: 'pending_capture',
      captured: false,
      transaction_amount: 100,
      transaction_amount_refunded: 0,
      installments: 1,
      description: 'Reserve',
      external_reference: 'order-1',
      metadata: { order: 1 },
      payment_method_id: 'visa',
      payment_type_id: 'credit_card',
      operation_type: 'regular_payment',
      currency_id: 'ARS',
      live_mode: false,
      date_created: '2026-11-26T10:00:00.000-04:00',
      date_last_updated: '2026-11-26T10:00:00.000-04:00',
      date_approved: null,
      money_release_date: null,
      date_of_expiration: '2026-12-03T10:00:00.000-04:00',
      payer: { email: 'test_user_123@testuser.com', identification: { type: 'DNI', number: '12345678' } },
      card: {
        first_six_digits: '450995',
        last_four_digits: '3704',
        expiration_month: 11,
        expiration_year: 2030,
        cardholder: { name: 'APRO' },
      },
      transaction_details: { net_received_amount: 0, total_paid_amount: 100, installment_amount: 100 },
      fee_details: [],
      refunds: [],
    });
    expect(payment.date_created).toMatch(API_DATE);
  });

  it('takes capture as the string "false", as old docs send it', async () => {
    expect((await client.pay('APRO', { capture: 'false' })).body.status).toBe('authorized');
  });

  it('gives different ids to different payments', async () => {
    const a = await client.reserve();
    const b = await client.reserve();
    expect(a.id).not.toBe(b.id);
  });
});

describe('POST /v1/payments without capture:false', () => {
  it.each([
    ['capture left out', { capture: undefined }],
    ['capture:true', { capture: true }],
  ])('%s: an approved card is approved / accredited and captured', async (_, body) => {
    const reply = await client.pay('APRO', body);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'approved',
      status_detail: 'accredited',
      captured: true,
      date_approved: '2026-11-26T10:00:00.000-04:00',
      money_release_date: expect.stringMatching(API_DATE),
    });
    expect(reply.body.fee_details.length).toBeGreaterThan(0);
  });

  it('declines are 201 rejected payments with their status_detail', async () => {
    const reply = await client.pay('OTHE');
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: 'rejected', status_detail: 'cc_rejected_other_reason', captured: false });
  });

  it('CONT is in_process / pending_contingency', async () => {
    const reply = await client.pay('CONT');
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: 'in_process', status_detail: 'pending_contingency', captured: false });
  });
});

describe('POST /v1/payments validation', () => {
  it.each([
    ['no transaction_amount', { transaction_amount: undefined }, 4002],
    ['a text transaction_amount', { transaction_amount: 'cien' }, 4003],
    ['no token', { token: undefined }, 4000],
    ['an empty payment_method_id', { payment_method_id: '' }, 4001],
    ['no installments', { installments: undefined }, 4004],
    ['an invalid payer email', { payer: { email: 'nope' } }, 4050],
  ])('%s: 400 cause %i, and the card token stays usable', async (_, override, code) => {
    const token = await client.tokenId();
    const reply = await client.createPayment({ ...RESERVE_BODY, token, ...override });
    expect(reply.status).toBe(400);
    expect(causeCode(reply)).toBe(code);
    if ('token' in override) return;
    expect((await client.createPayment({ ...RESERVE_BODY, token })).status).toBe(201);
  });
});

describe('payment_method_id', () => {
  it("may be left out: the API works it out from the card, as it does for each country's test cards", async () => {
    for (const [number, brand] of [
      ['5031 4332 1540 6351', 'master'],
      ['4235 6477 2802 5682', 'visa'],
      ['3753 651535 56885', 'amex'],
      ['4009 1753 3280 6176', 'visa'],
    ]) {
      const token = await client.cardToken('APRO', { card_number: number, security_code: brand === 'amex' ? '1234' : '123' });
      const reply = await client.createPayment({ ...RESERVE_BODY, token: token.body.id, payment_method_id: undefined });
      expect([number, reply.status, reply.body.payment_method_id]).toEqual([number, 201, brand]);
    }
  });

  it('left out for a card of no known brand: 400 cause 2131, and the token stays usable; named, it is taken', async () => {
    // A Luhn-valid number outside Visa's, Mastercard's and American Express's ranges.
    const token = (await client.cardToken('APRO', { card_number: '6011000990139424' })).body.id;
    const refused = await client.createPayment({ ...RESERVE_BODY, token, payment_method_id: undefined });
    expect([refused.status, causeCode(refused)]).toEqual([400, 2131]);
    const named = await client.createPayment({ ...RESERVE_BODY, token, payment_method_id: 'discover' });
    expect([named.status, named.body.payment_method_id]).toEqual([201, 'discover']);
  });
});

describe('X-Idempotency-Key on POST /v1/payments', () => {
  it('is required: 400 cause 4292, and nothing is created', async () => {
    const token = await client.tokenId();
    const reply = await client.createPayment({ ...RESERVE_BODY, token }, null);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ cause: [{ code: 4292, description: "Header X-Idempotency-Key can't be null" }] });
    expect(causeCode(await client.createPayment({ ...RESERVE_BODY, token }, '  '))).toBe(4292);
    expect(sandbox.payments.size).toBe(0);
    // The card token was not used up by the refused requests.
    expect((await client.createPayment({ ...RESERVE_BODY, token })).status).toBe(201);
  });

  it('replaying a key returns the first response and creates nothing', async () => {
    const key = randomUUID();
    const first = await client.createPayment({ ...RESERVE_BODY, token: await client.tokenId() }, key);
    const secondToken = await client.tokenId();
    const replay = await client.createPayment({ ...RESERVE_BODY, token: secondToken, transaction_amount: 999 }, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(sandbox.payments.size).toBe(1);
    // The replay did not use the second card token.
    expect((await client.createPayment({ ...RESERVE_BODY, token: secondToken })).status).toBe(201);
  });

  it('a replay after the payment changed still gives the first answer, not the payment as it is now', async () => {
    const key = randomUUID();
    const first = await client.createPayment({ ...RESERVE_BODY, token: await client.tokenId() }, key);
    expect((await client.cancel(first.body.id)).body.status).toBe('cancelled');
    const replay = await client.createPayment({ ...RESERVE_BODY, token: await client.tokenId() }, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.body).toMatchObject({ status: 'authorized', status_detail: 'pending_capture' });
  });

  it('a refused request is not stored: the same key works once the request is fixed', async () => {
    const key = randomUUID();
    const token = await client.tokenId();
    expect((await client.createPayment({ ...RESERVE_BODY, token, payer: {} }, key)).status).toBe(400);
    expect((await client.createPayment({ ...RESERVE_BODY, token }, key)).status).toBe(201);
  });

  it('keys are per access token', async () => {
    const key = randomUUID();
    const a = await api('TEST-a').createPayment({ ...RESERVE_BODY, token: await client.tokenId() }, key);
    const b = await api('TEST-b').createPayment({ ...RESERVE_BODY, token: await client.tokenId() }, key);
    expect(a.body.id).not.toBe(b.body.id);
    expect(sandbox.payments.size).toBe(2);
  });
});

describe('GET /v1/payments/{id}', () => {
  it('returns the payment as created', async () => {
    const reserve = await client.reserve();
    const reply = await client.get(reserve.id);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(reserve);
  });

  it.each([
    ['an unknown id', 123456789],
    ['a non-numeric id', 'abc'],
  ])('%s: 404 cause 2000', async (_, id) => {
    const reply = await client.get(id);
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({
      message: 'Payment not found',
      error: 'not_found',
      status: 404,
      cause: [{ code: 2000, description: 'Payment not found' }],
    });
  });
});

describe('PUT {"status":"cancelled"}', () => {
  it.each([
    ['an authorized reserve', () => client.reserve()],
    ['an in_process payment (CONT)', async () => (await client.pay('CONT')).body],
  ])('cancels %s: 200, by_collector, and nothing else changes', async (_, make) => {
    const before = await make();
    clock.advance(HOUR_MS);
    const reply = await client.cancel(before.id);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      ...before,
      status: 'cancelled',
      status_detail: 'by_collector',
      date_last_updated: '2026-11-26T11:00:00.000-04:00',
    });
    expect(reply.body.captured).toBe(false);
    expect((await client.get(before.id)).body).toEqual(reply.body);
  });

  it.each([
    ['approved', () => client.pay('APRO', { capture: true })],
    ['rejected', () => client.pay('FUND')],
  ])('from %s: 400 cause 2018, payment unchanged', async (_, make) => {
    const before = (await make()).body;
    const reply = await client.cancel(before.id);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      status: 400,
      error: 'bad_request',
      cause: [{ code: 2018, description: 'The action requested is not valid for the current payment state' }],
    });
    expect((await client.get(before.id)).body).toEqual(before);
  });

  it('twice: the second is 400 cause 2018, and the first cancellation stands', async () => {
    const reserve = await client.reserve();
    const first = await client.cancel(reserve.id);
    clock.advance(HOUR_MS);
    const second = await client.cancel(reserve.id);
    expect(second.status).toBe(400);
    expect(causeCode(second)).toBe(2018);
    expect((await client.get(reserve.id)).body).toEqual(first.body);
  });

  it('after a capture: 400 cause 2018', async () => {
    const reserve = await client.reserve();
    expect((await client.capture(reserve.id)).status).toBe(200);
    expect(causeCode(await client.cancel(reserve.id))).toBe(2018);
  });

  it.each(['canceled', 'CANCELLED', 'approved', 'refunded', '', 1])('status %j: 400 cause 2016, payment unchanged', async (status) => {
    const reserve = await client.reserve();
    const reply = await client.cancel(reserve.id, status);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ cause: [{ code: 2016, description: 'Invalid status for update' }] });
    expect((await client.get(reserve.id)).body).toEqual(reserve);
  });

  it.each([
    ['an empty body', {}],
    ['status null', { status: null }],
  ])('%s: 400 cause 4017', async (_, body) => {
    const reserve = await client.reserve();
    const reply = await client.update(reserve.id, body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ cause: [{ code: 4017, description: "Status attribute can't be null" }] });
    expect((await client.get(reserve.id)).body.status).toBe('authorized');
  });

  it('an unknown payment: 404 cause 2000', async () => {
    const reply = await client.cancel(987654321);
    expect(reply.status).toBe(404);
    expect(causeCode(reply)).toBe(2000);
  });

  it('replaying the same X-Idempotency-Key returns the first 200', async () => {
    const reserve = await client.reserve();
    const key = randomUUID();
    const first = await client.update(reserve.id, { status: 'cancelled' }, key);
    const replay = await client.update(reserve.id, { status: 'cancelled' }, key);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
  });
});

describe('PUT {"capture": true}', () => {
  it('captures an authorized reserve in full', async () => {
    const reserve = await client.reserve();
    clock.advance(2 * HOUR_MS);
    const reply = await client.capture(reserve.id);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: reserve.id,
      status: 'approved',
      status_detail: 'accredited',
      captured: true,
      transaction_amount: 100,
      date_created: reserve.date_created,
      date_approved: '2026-11-26T12:00:00.000-04:00',
      date_last_updated: '2026-11-26T12:00:00.000-04:00',
      money_release_date: expect.stringMatching(API_DATE),
      fee_details: [{ type: 'mercadopago_fee', amount: expect.any(Number), fee_payer: 'collector' }],
    });
    const fee = reply.body.fee_details[0]!.amount as number;
    expect(fee).toBeGreaterThan(0);
    expect(reply.body.transaction_details).toMatchObject({ total_paid_amount: 100, net_received_amount: 100 - fee });
    expect((await client.get(reserve.id)).body).toEqual(reply.body);
  });

  it('a smaller transaction_amount captures just that amount', async () => {
    const reserve = await client.reserve();
    const reply = await client.capture(reserve.id, 75);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'approved', captured: true, transaction_amount: 75 });
    expect(reply.body.transaction_details).toMatchObject({ total_paid_amount: 75 });
  });

  it('a larger amount: 400, the reserve stays authorized', async () => {
    const reserve = await client.reserve();
    const reply = await client.capture(reserve.id, 150);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ status: 400, error: 'bad_request', cause: [{ code: 2017 }] });
    expect((await client.get(reserve.id)).body).toEqual(reserve);
  });

  it.each([
    ['approved', async () => (await client.pay('APRO', { capture: true })).body],
    ['rejected', async () => (await client.pay('OTHE')).body],
    ['in_process', async () => (await client.pay('CONT')).body],
    ['cancelled', async () => (await client.cancel((await client.reserve()).id)).body],
  ])('a payment that is %s: 400 cause 2018', async (_, make) => {
    const payment = await make();
    const reply = await client.capture(payment.id);
    expect(reply.status).toBe(400);
    expect(causeCode(reply)).toBe(2018);
    expect((await client.get(payment.id)).body).toEqual(payment);
  });

  it('twice: the second is 400 cause 2018', async () => {
    const reserve = await client.reserve();
    await client.capture(reserve.id);
    expect(causeCode(await client.capture(reserve.id))).toBe(2018);
  });
});

describe('a reserve not captured in time', () => {
  const expired = (reserve: Payment, at: string) => ({
    ...reserve,
    status: 'cancelled',
    status_detail: 'expired',
    date_last_updated: at,
  });

  it('is cancelled (expired) after 7 days by default', async () => {
    const reserve = await client.reserve();
    clock.advance(7 * DAY_MS - 1);
    expect((await client.get(reserve.id)).body.status).toBe('authorized');
    clock.advance(1);
    const reply = await client.get(reserve.id);
    expect(reply.body).toEqual(expired(reserve, '2026-12-03T10:00:00.000-04:00'));
  });

  it('carries the expiry moment, not the moment it was next looked at', async () => {
    const reserve = await client.reserve();
    clock.advance(30 * DAY_MS);
    expect((await client.get(reserve.id)).body.date_last_updated).toBe('2026-12-03T10:00:00.000-04:00');
  });

  it('can no longer be captured or cancelled (400 cause 2018)', async () => {
    const reserve = await client.reserve();
    clock.advance(8 * DAY_MS);
    expect(causeCode(await client.capture(reserve.id))).toBe(2018);
    expect(causeCode(await client.cancel(reserve.id))).toBe(2018);
    expect((await client.get(reserve.id)).body.status_detail).toBe('expired');
  });

  it('follows reserveTtlDays (5, as in Brazil)', async () => {
    mp.serve(createSandbox({ clock, reserveTtlDays: 5 }));
    const reserve = await client.reserve();
    expect(reserve.date_of_expiration).toBe('2026-12-01T10:00:00.000-04:00');
    clock.advance(5 * DAY_MS);
    expect((await client.get(reserve.id)).body).toMatchObject({ status: 'cancelled', status_detail: 'expired' });
  });

  it('captured or cancelled in time, a payment never expires', async () => {
    const captured = await client.reserve();
    const cancelled = await client.reserve();
    await client.capture(captured.id);
    await client.cancel(cancelled.id);
    clock.advance(30 * DAY_MS);
    expect((await client.get(captured.id)).body).toMatchObject({ status: 'approved', status_detail: 'accredited' });
    expect((await client.get(cancelled.id)).body).toMatchObject({ status: 'cancelled', status_detail: 'by_collector' });
  });

  it('only reserves expire: an in_process payment stays in_process', async () => {
    const contingency = (await client.pay('CONT')).body;
    clock.advance(30 * DAY_MS);
    expect((await client.get(contingency.id)).body).toEqual(contingency);
  });
});
