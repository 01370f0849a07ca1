/**
 * The official Node SDK (`mercadopago` 3.6.1) against the in-process sandbox: the SDK's own
 * `fetch` to api.mercadopago.com is answered by the sandbox's msw handlers.
 */
import { randomUUID } from 'node:crypto';
import {
  CardToken,
  MercadoPagoConfig,
  MercadoPagoError,
  MPBadRequestError,
  MPNotFoundError,
  Payment,
  PaymentMethod,
  PaymentRefund,
} from 'mercadopago';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../sandbox/core/clock.ts';
import { createSandbox, type Sandbox } from '../../sandbox/core/sandbox.ts';
import { inProcessServer, RESERVE_BODY, TEST_CARD } from '../support/sandbox.ts';

const mp = inProcessServer();
beforeAll(mp.start);
afterAll(mp.stop);

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = createSandbox({ clock: new ManualClock() });
  mp.serve(sandbox);
});

/** A fresh config per test: the SDK merges each call's requestOptions into its config (see the last test). */
function clients() {
  const config = new MercadoPagoConfig({ accessToken: 'TEST-1234567890-112614-abcdef-987654321', options: { maxRetries: 0 } });
  return { cardToken: new CardToken(config), payment: new Payment(config), refund: new PaymentRefund(config) };
}

async function makeReserve({ cardToken, payment }: ReturnType<typeof clients>) {
  // CardTokenCreateBody in 3.6.1 does not declare `cardholder`; the API needs it to pick the outcome.
  const token = await cardToken.create({ body: TEST_CARD as unknown as Parameters<CardToken['create']>[0]['body'] });
  return payment.create({
    body: { ...RESERVE_BODY, token: token.id! },
    requestOptions: { idempotencyKey: randomUUID() },
  });
}

describe('mercadopago 3.6.1 (Node SDK)', () => {
  it('CardToken.create turns a test card into a card token', async () => {
    const { cardToken } = clients();
    const token = await cardToken.create({ body: TEST_CARD as unknown as Parameters<CardToken['create']>[0]['body'] });
    expect(token.id).toMatch(/^[0-9a-f]{32}$/);
    expect(token).toMatchObject({ first_six_digits: '450995', last_four_digits: '3704' });
    expect(token.api_response.status).toBe(201);
  });

  it('Payment.create with capture:false makes a reserve, sending the idempotency key', async () => {
    const reserve = await makeReserve(clients());
    expect(reserve.api_response.status).toBe(201);
    expect(reserve).toMatchObject({ status: 'authorized', status_detail: 'pending_capture', captured: false });
    expect(typeof reserve.id).toBe('number');
    const sent = sandbox.journal.entries().find((entry) => entry.method === 'POST' && entry.path === '/v1/payments')!;
    expect(sent.headers['x-idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.headers['user-agent']).toMatch(/^MercadoPago Node.js SDK v3\.6\.1/);
  });

  it('Payment.cancel cancels the reserve; a second cancel rejects with MPBadRequestError cause 2018', async () => {
    const sdk = clients();
    const reserve = await makeReserve(sdk);

    const cancelled = await sdk.payment.cancel({ id: reserve.id!, requestOptions: { idempotencyKey: randomUUID() } });
    expect(cancelled).toMatchObject({ id: reserve.id, status: 'cancelled', status_detail: 'by_collector', captured: false });
    expect(cancelled.api_response.status).toBe(200);

    const again = sdk.payment.cancel({ id: reserve.id!, requestOptions: { idempotencyKey: randomUUID() } });
    const error = await again.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MPBadRequestError);
    expect(error).toBeInstanceOf(MercadoPagoError);
    // 3.6.1 exposes the envelope as `status`, `error`, `message` and `causes` (the body's `cause` array).
    expect(error).toMatchObject({
      name: 'MPBadRequestError',
      status: 400,
      error: 'bad_request',
      message: 'The action requested is not valid for the current payment state',
      causes: [{ code: 2018, description: 'The action requested is not valid for the current payment state' }],
    });
  });

  it('Payment.get and Payment.capture follow the reserve', async () => {
    const sdk = clients();
    const reserve = await makeReserve(sdk);
    const captured = await sdk.payment.capture({
      id: reserve.id!,
      transaction_amount: 60,
      requestOptions: { idempotencyKey: randomUUID() },
    });
    expect(captured).toMatchObject({ status: 'approved', status_detail: 'accredited', captured: true, transaction_amount: 60 });
    expect(await sdk.payment.get({ id: reserve.id! })).toMatchObject({ status: 'approved', transaction_amount: 60 });
  });

  it('CardToken.get reads the token back; Payment.create echoes additional_info items as the API does', async () => {
    const sdk = clients();
    const token = await sdk.cardToken.create({ body: TEST_CARD as unknown as Parameters<CardToken['create']>[0]['body'] });
    expect(await sdk.cardToken.get({ id: token.id! })).toMatchObject({ id: token.id, last_four_digits: '3704', status: 'active' });
    const made = await sdk.payment.create({
      body: {
        ...RESERVE_BODY,
        token: token.id!,
        additional_info: { items: [{ id: 'MLB2907679857', title: 'Point Mini', quantity: 1, unit_price: 58.8 }] },
      },
      requestOptions: { idempotencyKey: randomUUID() },
    });
    // The Node SDK's own end-to-end test against the API expects exactly these strings.
    expect(made.additional_info?.items?.[0]).toMatchObject({ id: 'MLB2907679857', title: 'Point Mini', quantity: '1', unit_price: '58.8' });
    expect(made).toMatchObject({
      build_version: expect.any(String),
      taxes_amount: 0,
      shipping_amount: 0,
      point_of_interaction: expect.any(Object),
    });
  });

  it('a client for an API the sandbox does not emulate rejects with 501, saying so', async () => {
    const config = new MercadoPagoConfig({ accessToken: 'TEST-1', options: { maxRetries: 0 } });
    const error = await new PaymentMethod(config).get().catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 501,
      message: expect.stringContaining('GET /v1/payment_methods is not emulated by this sandbox'),
    });
  });

  it('an unknown payment rejects with MPNotFoundError cause 2000', async () => {
    const error = await clients()
      .payment.get({ id: 123456789 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MPNotFoundError);
    expect(error).toMatchObject({ status: 404, causes: [{ code: 2000 }] });
  });

  it('SDK quirk: a call without its own idempotencyKey reuses the last one given on that config', async () => {
    // Payment.create merges requestOptions into the shared MercadoPagoConfig, so a later cancel
    // without a key sends the create's key again. Two such cancels share a key: the second is a
    // replay of the first 200, not the 400 cause 2018 a reader might expect.
    const sdk = clients();
    const reserve = await makeReserve(sdk);
    const first = await sdk.payment.cancel({ id: reserve.id! });
    const second = await sdk.payment.cancel({ id: reserve.id! });
    expect(second).toMatchObject({ id: first.id, status: 'cancelled', status_detail: 'by_collector' });
    const puts = sandbox.journal.entries().filter((entry) => entry.method === 'PUT');
    const post = sandbox.journal.entries().find((entry) => entry.method === 'POST' && entry.path === '/v1/payments')!;
    expect(puts.map((entry) => entry.headers['x-idempotency-key'])).toEqual([
      post.headers['x-idempotency-key'],
      post.headers['x-idempotency-key'],
    ]);
  });

  describe('PaymentRefund', () => {
    /** An approved payment of 100, staged directly: these tests are about the refund calls. */
    const approvedPayment = () => sandbox.createPayment({ capture: true, amount: 100 });
    const refundPosts = () => sandbox.journal.entries().filter((entry) => entry.method === 'POST' && entry.path.endsWith('/refunds'));

    it('create with an amount refunds part of it (201), sending its own idempotency key', async () => {
      const { refund } = clients();
      const payment = approvedPayment();
      const made = await refund.create({ payment_id: payment.id, body: { amount: 25.5 } });
      expect(made.api_response.status).toBe(201);
      expect(made).toMatchObject({ payment_id: payment.id, amount: 25.5, status: 'approved', source: { type: 'collector' } });
      expect(refundPosts()[0]!.headers['x-idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      expect(sandbox.payments.get(payment.id)).toMatchObject({ status: 'approved', status_detail: 'partially_refunded' });
    });

    it('total() (it sends {}) and create() without a body (it sends nothing) are both full refunds', async () => {
      const { refund } = clients();
      const first = approvedPayment();
      expect(await refund.total({ payment_id: first.id, requestOptions: { idempotencyKey: randomUUID() } })).toMatchObject({ amount: 100 });
      const second = approvedPayment();
      expect(await refund.create({ payment_id: second.id, requestOptions: { idempotencyKey: randomUUID() } })).toMatchObject({
        amount: 100,
      });
      expect(refundPosts().map((entry) => entry.body)).toEqual(['{}', '']);
      for (const payment of [first, second]) {
        expect(sandbox.payments.get(payment.id)).toMatchObject({ status: 'refunded', transaction_amount_refunded: 100 });
      }
    });

    it('list (with its trailing slash) gives the array; get gives one refund', async () => {
      const { refund } = clients();
      const payment = approvedPayment();
      const a = await refund.create({ payment_id: payment.id, body: { amount: 10 }, requestOptions: { idempotencyKey: randomUUID() } });
      const b = await refund.create({ payment_id: payment.id, body: { amount: 20 }, requestOptions: { idempotencyKey: randomUUID() } });
      const listed = await refund.list({ payment_id: payment.id });
      expect(Array.isArray(listed)).toBe(true);
      expect(listed.map((item) => [item.id, item.amount])).toEqual([
        [a.id, 10],
        [b.id, 20],
      ]);
      expect(
        sandbox.journal.entries().some((entry) => entry.method === 'GET' && entry.path === `/v1/payments/${payment.id}/refunds/`),
      ).toBe(true);
      expect(await refund.get({ payment_id: payment.id, refund_id: b.id! })).toMatchObject({ id: b.id, amount: 20 });
    });

    it('refusals reject: MPBadRequestError 2063 when nothing is left, MPNotFoundError 2032 for an unknown refund', async () => {
      const { refund } = clients();
      const payment = approvedPayment();
      await refund.total({ payment_id: payment.id, requestOptions: { idempotencyKey: randomUUID() } });
      const again = await refund
        .total({ payment_id: payment.id, requestOptions: { idempotencyKey: randomUUID() } })
        .catch((e: unknown) => e);
      expect(again).toBeInstanceOf(MPBadRequestError);
      expect(again).toMatchObject({ status: 400, causes: [{ code: 2063 }] });
      const missing = await refund.get({ payment_id: payment.id, refund_id: 1 }).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(MPNotFoundError);
      expect(missing).toMatchObject({ status: 404, causes: [{ code: 2032, description: 'Refund not found' }] });
    });

    it('a retry with the same key gets the first refund back and refunds nothing more', async () => {
      const { refund } = clients();
      const payment = approvedPayment();
      const idempotencyKey = randomUUID();
      const first = await refund.create({ payment_id: payment.id, body: { amount: 40 }, requestOptions: { idempotencyKey } });
      const retry = await refund.create({ payment_id: payment.id, body: { amount: 40 }, requestOptions: { idempotencyKey } });
      expect(retry).toMatchObject({ id: first.id, amount: 40 });
      expect(retry.api_response.status).toBe(201);
      expect(sandbox.payments.get(payment.id)).toMatchObject({ transaction_amount_refunded: 40 });
    });
  });

  it('Payment.cancel cancels an in_process payment (CONT); an approved one rejects with cause 2018', async () => {
    const sdk = clients();
    const contingent = sandbox.createPayment({ cardholderName: 'CONT' });
    const cancelled = await sdk.payment.cancel({ id: contingent.id, requestOptions: { idempotencyKey: randomUUID() } });
    expect(cancelled).toMatchObject({ status: 'cancelled', status_detail: 'by_collector' });
    const approved = sandbox.createPayment({ capture: true });
    const error = await sdk.payment.cancel({ id: approved.id, requestOptions: { idempotencyKey: randomUUID() } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, causes: [{ code: 2018 }] });
  });
});
