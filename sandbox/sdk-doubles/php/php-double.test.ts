import { describe, expect, it } from 'vitest';
import { RESERVE_BODY } from '../../../tests/support/sandbox.ts';
import type { JournalEntry } from '../../core/journal.ts';
import { causeOf, putsTo, runDoubleTests } from '../run-double-tests.ts';

const answerOf = (entry: JournalEntry) => JSON.parse(entry.response) as Record<string, unknown>;
const outcomes = (entries: JournalEntry[]) => entries.map((e) => [e.status, causeOf(e)]);
/** Raw bodies: json_encode's exact output is part of the SDK's wire behaviour. */
const bodies = (entries: JournalEntry[]) => entries.map((e) => e.body);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CANCEL = '{"status":"cancelled"}';

describe('the PHP double of mercadopago/dx-php', () => {
  it("passes its own tests against the sandbox and speaks the SDK's wire protocol", async () => {
    const { run, env } = await runDoubleTests('php', 'tests/run.php');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    const capture75 = `{"capture":true,"transaction_amount":${env.CAPTURE_AMOUNT}}`;

    // The seeded reserve: cancelled, cancelled again, then a capture of the cancelled payment.
    const seeded = putsTo(run.journal, env.PAYMENT_ID);
    expect(bodies(seeded)).toEqual([CANCEL, CANCEL, capture75]);
    expect(outcomes(seeded)).toEqual([
      [200, undefined],
      [400, 2018],
      [400, 2018],
    ]);
    expect(putsTo(run.journal, env.CAPTURED_PAYMENT_ID).map(causeOf)).toEqual([2018]);
    const missing = putsTo(run.journal, env.MISSING_PAYMENT_ID);
    expect(bodies(missing)).toEqual([CANCEL, CANCEL, capture75]);
    expect(missing.map((e) => e.status)).toEqual([404, 404, 404]);

    // Creations, in order: the reserve with CARD_TOKEN, the same key replayed, the used token
    // with a new key, no token, the declined card, and a reserve with a token the test made itself.
    const posts = run.journal.filter((e) => e.method === 'POST' && e.path === '/v1/payments');
    const tokens = run.journal.filter((e) => e.method === 'POST' && e.path === '/v1/card_tokens');
    expect(tokens.map((e) => e.status)).toEqual([201]);
    const ownToken = answerOf(tokens[0]!).id as string;
    const reserveBody = (token: string) => JSON.stringify({ transaction_amount: 100, token, ...RESERVE_BODY });
    expect(bodies(posts)).toEqual([
      reserveBody(env.CARD_TOKEN),
      reserveBody(env.CARD_TOKEN),
      reserveBody(env.CARD_TOKEN),
      JSON.stringify(RESERVE_BODY),
      reserveBody(env.DECLINED_CARD_TOKEN),
      reserveBody(ownToken),
    ]);
    expect(outcomes(posts)).toEqual([
      [201, undefined],
      [201, undefined],
      [400, 2006],
      [400, 4000],
      [201, undefined],
      [201, undefined],
    ]);
    const [reserve, replay, , auto, declined, own] = posts;
    expect(replay!.headers['x-idempotency-key']).toBe(reserve!.headers['x-idempotency-key']);
    expect(replay!.response).toBe(reserve!.response);
    expect(auto!.headers['x-idempotency-key']).toMatch(UUID);
    expect(own!.headers['x-idempotency-key']).toMatch(UUID);
    expect(answerOf(reserve!)).toMatchObject({
      status: 'authorized',
      status_detail: 'pending_capture',
      captured: false,
      transaction_amount: 100,
    });
    expect(answerOf(declined!)).toMatchObject({ status: 'rejected', status_detail: 'cc_rejected_other_reason', captured: false });

    // The CARD_TOKEN reserve: over-captured, captured in part, captured again (auto key).
    const partial = putsTo(run.journal, String(answerOf(reserve!).id));
    expect(bodies(partial)).toEqual(['{"capture":true,"transaction_amount":1000}', capture75, capture75]);
    expect(outcomes(partial)).toEqual([
      [400, 2017],
      [200, undefined],
      [400, 2018],
    ]);
    expect(answerOf(partial[1]!)).toMatchObject({
      status: 'approved',
      status_detail: 'accredited',
      captured: true,
      transaction_amount: 75,
    });
    expect(partial[2]!.headers['x-idempotency-key']).toMatch(UUID);

    // The test's own reserve, captured whole through update(): {"capture":true} alone.
    const full = putsTo(run.journal, String(answerOf(own!).id));
    expect(bodies(full)).toEqual(['{"capture":true}']);
    expect(outcomes(full)).toEqual([[200, undefined]]);
    expect(answerOf(full[0]!)).toMatchObject({ status: 'approved', status_detail: 'accredited', captured: true, transaction_amount: 100 });

    // The refunds of CAPTURED_PAYMENT_ID (100): too much, REFUND_AMOUNT, the same key replayed,
    // the rest with no body at all (refundTotal), and the rest again.
    const refundsOf = (id: string, method: string) =>
      run.journal.filter((e) => e.method === method && e.path === `/v1/payments/${id}/refunds`);
    const refunds = refundsOf(env.CAPTURED_PAYMENT_ID, 'POST');
    const amount = `{"amount":${env.REFUND_AMOUNT}}`;
    expect(bodies(refunds)).toEqual(['{"amount":1000}', amount, amount, '', '']);
    expect(outcomes(refunds)).toEqual([
      [400, 2017],
      [201, undefined],
      [201, undefined],
      [201, undefined],
      [400, 2063],
    ]);
    const [, first, again, total] = refunds;
    expect(again!.headers['x-idempotency-key']).toBe(first!.headers['x-idempotency-key']);
    expect(again!.response).toBe(first!.response);
    expect(total!.headers['x-idempotency-key']).toMatch(UUID);
    const refundId = answerOf(first!).id as number;
    expect(answerOf(first!)).toMatchObject({ amount: Number(env.REFUND_AMOUNT), amount_refunded_to_payer: Number(env.REFUND_AMOUNT) });
    expect(answerOf(total!)).toMatchObject({ amount: 100 - Number(env.REFUND_AMOUNT), status: 'approved' });
    // Reads: one refund, an unknown refund, the list (both refunds), a payment without refunds.
    const reads = run.journal.filter((e) => e.method === 'GET');
    expect(reads.map((e) => [e.path, e.status, e.body])).toEqual([
      [`/v1/payments/${env.CAPTURED_PAYMENT_ID}/refunds/${refundId}`, 200, ''],
      [`/v1/payments/${env.CAPTURED_PAYMENT_ID}/refunds/${refundId + 1_000_000}`, 404, ''],
      [`/v1/payments/${env.CAPTURED_PAYMENT_ID}/refunds`, 200, ''],
      [`/v1/payments/${env.PAYMENT_ID}/refunds`, 200, ''],
      [`/v1/payments/${env.MISSING_PAYMENT_ID}/refunds`, 404, ''],
    ]);
    expect(causeOf(reads[1]!)).toBe(2032);
    expect((JSON.parse(reads[2]!.response) as { id: number }[]).map((r) => r.id)).toEqual([refundId, answerOf(total!).id]);
    expect(reads[3]!.response).toBe('[]');
    // An unknown payment, and the cancelled reserve: refused, nothing refunded.
    const missingRefunds = refundsOf(env.MISSING_PAYMENT_ID, 'POST');
    expect(bodies(missingRefunds)).toEqual(['{"amount":1}', '']);
    expect(outcomes(missingRefunds)).toEqual([
      [404, 2000],
      [404, 2000],
    ]);
    const reserveRefunds = refundsOf(env.PAYMENT_ID, 'POST');
    expect(outcomes(reserveRefunds)).toEqual([[400, 2063]]);

    // Nothing else was sent, and every SDK request carries the SDK's headers.
    const sdk = run.journal.filter((e) => e.path !== '/v1/card_tokens');
    expect(sdk).toHaveLength(
      seeded.length +
        1 +
        missing.length +
        posts.length +
        partial.length +
        full.length +
        refunds.length +
        reads.length +
        missingRefunds.length +
        reserveRefunds.length,
    );
    for (const entry of sdk) {
      expect(entry.headers.authorization).toBe(`Bearer ${env.MERCADOPAGO_ACCESS_TOKEN}`);
      expect(entry.headers['content-type']).toBe('application/json; charset=UTF-8');
      expect(entry.headers['user-agent']).toBe('MercadoPago DX-PHP SDK/3.13.0');
      expect(entry.headers['x-product-id']).toBe('BC32A7RU643001OI3940');
      // dx-php generates a key when the caller gives none, so every POST and PUT carries one; a GET none.
      if (entry.method === 'GET') expect(entry.headers['x-idempotency-key']).toBeUndefined();
      else expect(entry.headers['x-idempotency-key']).toMatch(/\S/);
    }
  });
});
