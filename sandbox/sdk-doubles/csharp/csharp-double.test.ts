import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../core/journal.ts';
import { causeOf, putsTo, runDoubleTests } from '../run-double-tests.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The reserve body byte for byte as the SDK's Newtonsoft settings write it (note 100.0). */
const reserveBody = (token: string) =>
  `{"payer":{"email":"test_user_123@testuser.com"},"description":"Reserve","transaction_amount":100.0,` +
  `"capture":false,"payment_method_id":"visa","token":"${token}","installments":1}`;

const statusAndCause = (entries: JournalEntry[]) => entries.map((e) => [e.status, causeOf(e)]);

describe('the C# double of the mercadopago-sdk NuGet package', () => {
  it("passes its own tests against the sandbox and speaks the SDK's wire protocol", async () => {
    const { run, env, sandbox } = await runDoubleTests('csharp', 'tests/DoubleTests.cs');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed$/m);

    // Everything the program sent, in order (tests 1-28 of DoubleTests.cs).
    const refunds = run.journal.filter((e) => /^\/v1\/payments\/\d+\/refunds/.test(e.path));
    const payments = run.journal.filter((e) => e.path.startsWith('/v1/payments') && !refunds.includes(e));
    const cardTokens = run.journal.filter((e) => e.path.startsWith('/v1/card_tokens'));
    expect(run.journal).toHaveLength(payments.length + refunds.length + cardTokens.length);
    expect(cardTokens.map((e) => [e.method, e.status])).toEqual([['POST', 201]]);

    // Cancel (1-5), then a capture of the cancelled reserve (15).
    const reserve = putsTo(run.journal, env.PAYMENT_ID);
    expect(statusAndCause(reserve)).toEqual([
      [200, undefined],
      [400, 2018],
      [400, 2018],
    ]);
    expect(reserve.map((e) => JSON.parse(e.body))).toEqual([{ status: 'cancelled' }, { status: 'cancelled' }, { capture: true }]);
    expect(reserve.every((e) => e.headers['x-idempotency-key'])).toBe(true);
    const approved = putsTo(run.journal, env.CAPTURED_PAYMENT_ID);
    expect(statusAndCause(approved)).toEqual([[400, 2018]]);
    expect(JSON.parse(approved[0]!.body)).toEqual({ status: 'cancelled' });
    const missing = putsTo(run.journal, env.MISSING_PAYMENT_ID);
    expect(missing.map((e) => e.status)).toEqual([404, 401, 404]);
    expect(missing.map((e) => e.body)).toEqual(['{"status":"cancelled"}', '{"status":"cancelled"}', '{"capture":true}']);
    // The .NET SDK sends no idempotency key on Cancel or Capture unless the caller adds one.
    expect(missing[0]!.headers['x-idempotency-key']).toBeUndefined();
    expect(missing[2]!.headers['x-idempotency-key']).toBeUndefined();

    // Creates (6-8, 10): the body exactly as the SDK writes it, and always a key.
    const posts = run.journal.filter((e) => e.method === 'POST' && e.path === '/v1/payments');
    expect(posts.map((e) => e.status)).toEqual([201, 201, 201, 201]);
    const [reserve1, replay, declined, reserve2] = posts.map((e) => JSON.parse(e.response) as Record<string, unknown>);
    expect(posts[0]!.body).toBe(reserveBody(env.CARD_TOKEN));
    expect(posts[1]!.body).toBe(reserveBody(env.CARD_TOKEN));
    expect(posts[2]!.body).toBe(reserveBody(env.DECLINED_CARD_TOKEN));
    expect(posts[3]!.body).toMatch(
      /^\{"payer":\{"email":"test_user_123@testuser.com"\},"description":"Reserve","transaction_amount":100\.0,"capture":false,"payment_method_id":"visa","token":"[0-9a-f]{32}","installments":1\}$/,
    );
    expect(posts.map((e) => e.headers['x-idempotency-key'])).toEqual([
      expect.stringMatching(GUID),
      posts[0]!.headers['x-idempotency-key'],
      expect.stringMatching(GUID),
      expect.stringMatching(GUID),
    ]);
    expect(new Set(posts.map((e) => e.headers['x-idempotency-key'])).size).toBe(3);
    expect(reserve1).toMatchObject({ status: 'authorized', status_detail: 'pending_capture', captured: false, transaction_amount: 100 });
    expect(replay).toEqual(reserve1);
    expect(declined).toMatchObject({ status: 'rejected', status_detail: 'cc_rejected_other_reason' });
    expect(reserve2).toMatchObject({ status: 'authorized', captured: false });

    // Whole capture of the first reserve (11, 12), partial capture of the second (13, 14).
    const capture1 = putsTo(run.journal, String(reserve1!.id));
    expect(statusAndCause(capture1)).toEqual([
      [200, undefined],
      [400, 2018],
    ]);
    expect(capture1.map((e) => e.body)).toEqual(['{"capture":true}', '{"capture":true}']);
    expect(JSON.parse(capture1[0]!.response)).toMatchObject({
      status: 'approved',
      status_detail: 'accredited',
      captured: true,
      transaction_amount: 100,
    });
    const capture2 = putsTo(run.journal, String(reserve2!.id));
    expect(statusAndCause(capture2)).toEqual([
      [400, 2017],
      [200, undefined],
    ]);
    expect(capture2.map((e) => e.body)).toEqual([
      '{"capture":true,"transaction_amount":150.0}',
      `{"capture":true,"transaction_amount":${Number(env.CAPTURE_AMOUNT).toFixed(1)}}`,
    ]);
    expect(JSON.parse(capture2[1]!.response)).toMatchObject({
      status: 'approved',
      status_detail: 'accredited',
      captured: true,
      transaction_amount: 75,
    });
    for (const entry of [...capture1, ...capture2]) expect(entry.headers['x-idempotency-key']).toMatch(GUID);

    expect(payments).toHaveLength(reserve.length + approved.length + missing.length + posts.length + capture1.length + capture2.length);

    // Refunds (17-28): of the first reserve once captured, 25.5, 30 (replayed once), then the 44.5 left.
    const r1 = `/v1/payments/${reserve1!.id}`;
    const [f1, f2] = [refunds[0]!, refunds[1]!].map((e) => (JSON.parse(e.response) as { id: number }).id);
    expect(refunds.map((e) => [e.method, e.path, e.status, e.status < 300 ? undefined : causeOf(e), e.body])).toEqual([
      ['POST', `${r1}/refunds`, 201, undefined, '{"amount":25.5}'],
      ['POST', `${r1}/refunds`, 201, undefined, '{"amount":30.0}'],
      ['POST', `${r1}/refunds`, 201, undefined, '{"amount":30.0}'],
      ['GET', `${r1}/refunds`, 200, undefined, ''],
      ['GET', `${r1}/refunds/${f1}`, 200, undefined, ''],
      ['GET', `${r1}/refunds/${f1! + 1_000_000}`, 404, 2032, ''],
      ['POST', `${r1}/refunds`, 201, undefined, '{}'],
      ['POST', `${r1}/refunds`, 400, 2063, '{}'],
      ['POST', `/v1/payments/${reserve2!.id}/refunds`, 400, 2017, '{"amount":100.0}'],
      ['POST', `/v1/payments/${env.MISSING_PAYMENT_ID}/refunds`, 404, 2000, '{"amount":10.0}'],
      ['GET', `/v1/payments/${env.CAPTURED_PAYMENT_ID}/refunds`, 200, undefined, ''],
      ['GET', `/v1/payments/${env.MISSING_PAYMENT_ID}/refunds`, 404, 2000, ''],
    ]);
    // Every refund carries a key, the SDK's own where the caller gave none; a GET never does.
    const refundKeys = refunds.map((e) => e.headers['x-idempotency-key']);
    for (const [i, entry] of refunds.entries()) {
      if (entry.method === 'POST') expect(refundKeys[i]).toMatch(GUID);
      else expect(refundKeys[i]).toBeUndefined();
    }
    expect(refundKeys[2]).toBe(refundKeys[1]);
    expect(new Set(refundKeys.filter(Boolean)).size).toBe(6); // seven POSTs, one of them a replay
    expect(refunds[2]!.response).toBe(refunds[1]!.response);
    expect(JSON.parse(refunds[3]!.response)).toEqual([JSON.parse(refunds[0]!.response), JSON.parse(refunds[1]!.response)]);
    expect(JSON.parse(refunds[4]!.response)).toEqual(JSON.parse(refunds[0]!.response));
    expect(JSON.parse(refunds[6]!.response)).toMatchObject({ payment_id: reserve1!.id, amount: 44.5, status: 'approved' });
    expect(refunds[10]!.response).toBe('[]');
    expect(f2).not.toBe(f1);
    expect(sandbox.payments.get(Number(reserve1!.id))).toMatchObject({
      status: 'refunded',
      status_detail: 'refunded',
      transaction_amount_refunded: 100,
    });
    for (const entry of refunds) {
      expect(entry.headers['content-type']).toBe(entry.method === 'POST' ? 'application/json; charset=utf-8' : undefined);
      expect(entry.headers['user-agent']).toBe('MercadoPago DotNet SDK/3.5.0');
      expect(entry.headers.authorization).toBe(`Bearer ${env.MERCADOPAGO_ACCESS_TOKEN}`);
    }
    for (const entry of payments) {
      expect(entry.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(entry.headers['user-agent']).toBe('MercadoPago DotNet SDK/3.5.0');
      expect(entry.headers['x-product-id']).toBe('BC32BHVTRPP001U8NHL0');
      expect(entry.headers.authorization).toBe(entry === missing[1] ? 'Bearer' : `Bearer ${env.MERCADOPAGO_ACCESS_TOKEN}`);
    }
  });
});
