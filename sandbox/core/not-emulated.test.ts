import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, inProcessServer, RESERVE_BODY } from '../../tests/support/sandbox.ts';
import type { Payment } from './payment.ts';
import { createSandbox, type Sandbox } from './sandbox.ts';

const mp = inProcessServer();
beforeAll(mp.start);
afterAll(mp.stop);

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = createSandbox();
  mp.serve(sandbox);
});

const client = api();

/** What every "not emulated" answer is: 501, the request named, the README pointed to, no cause. */
function expectNotEmulated(reply: { status: number; body: unknown }, request: string) {
  expect(reply.status).toBe(501);
  expect(reply.body).toEqual({
    message: expect.stringMatching(new RegExp(`^${request.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.* is not emulated by this sandbox\\.`)),
    error: 'not_implemented',
    status: 501,
    cause: [],
  });
  expect((reply.body as { message: string }).message).toMatch(/card payments .*refunds.*sandbox\/README\.md/);
}

describe('what the sandbox does not emulate answers 501, never an answer that looks like the API', () => {
  it.each([
    ['GET', '/v1/customers/search?email=a@b.c'],
    ['POST', '/v1/customers/123/cards'],
    ['POST', '/v1/orders'],
    ['GET', '/v1/orders/ORD01'],
    ['POST', '/checkout/preferences'],
    ['GET', '/v1/payment_methods'],
    ['GET', '/v1/identification_types'],
    ['GET', '/merchant_orders/123'],
    ['GET', '/v1/chargebacks/123'],
  ])('%s %s', async (method, path) => {
    const reply = await client.request(method, path, { body: method === 'POST' ? {} : undefined });
    expectNotEmulated(reply, `${method} ${path.split('?')[0]}`);
  });

  it('even without an access token, like the 404 of an unknown path', async () => {
    expectNotEmulated(await api('').request('GET', '/v1/payment_methods'), 'GET /v1/payment_methods');
  });

  it("a path that is not the API's stays the API's 404", async () => {
    const reply = await client.request('GET', '/v1/nowhere');
    expect(reply).toMatchObject({ status: 404, body: { message: 'Resource /v1/nowhere not found.', cause: [] } });
    // A prefix is matched by whole segments: /v1/ordersx is not /v1/orders.
    expect((await client.request('GET', '/v1/ordersx')).status).toBe(404);
  });

  it.each([
    ['pix', { transaction_amount: 100, payment_method_id: 'pix', payer: { email: 'test_user_1@testuser.com' } }],
    ['bolbradesco', { transaction_amount: 100, payment_method_id: 'bolbradesco', payer: { email: 'test_user_1@testuser.com' } }],
    ['account_money', { transaction_amount: 100, payment_method_id: 'account_money' }],
    ['oxxo', { payment_method_id: 'oxxo' }],
  ])('POST /v1/payments with %s and no card token, whatever else the body lacks', async (method, body) => {
    const reply = await client.createPayment(body);
    expectNotEmulated(reply, `POST /v1/payments with payment_method_id "${method}" (not a card) and no card token`);
    expect([...sandbox.payments.all()]).toEqual([]);
  });

  it('a card brand without a token is still a card payment missing its token (4000), and a token makes any method a card', async () => {
    expect((await client.createPayment({ ...RESERVE_BODY, token: undefined, payment_method_id: 'elo' })).body).toMatchObject({
      status: 400,
      cause: [{ code: 4000 }],
    });
    const card = await client.pay('APRO', { payment_method_id: 'pix' });
    expect([card.status, (card.body as Payment).payment_method_id]).toEqual([201, 'visa']);
  });

  it('POST /v1/card_tokens with a card_id (a saved card of a customer)', async () => {
    const reply = await client.request('POST', '/v1/card_tokens', { body: { card_id: '1562188766852', security_code: '123' } });
    expectNotEmulated(reply, 'POST /v1/card_tokens with a card_id (a saved card)');
  });
});
