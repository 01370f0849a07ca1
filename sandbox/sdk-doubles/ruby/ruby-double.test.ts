import { describe, expect, it } from 'vitest';
import { RESERVE_BODY } from '../../../tests/support/sandbox.ts';
import type { JournalEntry } from '../../core/journal.ts';
import { causeOf, putsTo, runDoubleTests } from '../run-double-tests.ts';

/** The payment creations the sandbox received, in order: the gem posts to `/v1/payments/`, trailing slash included. */
function paymentPosts(journal: JournalEntry[]): JournalEntry[] {
  return journal.filter((entry) => entry.method === 'POST' && entry.path.startsWith('/v1/payments'));
}

const bodyOf = (entry: JournalEntry) => JSON.parse(entry.body) as Record<string, unknown>;
const answerOf = (entry: JournalEntry) => JSON.parse(entry.response) as Record<string, unknown>;
const outcomes = (entries: JournalEntry[]) => entries.map((e) => [e.status, causeOf(e)]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the Ruby double of mercadopago-sdk', () => {
  it("passes its own tests against the sandbox and speaks the SDK's wire protocol", async () => {
    const { run, env } = await runDoubleTests('ruby', 'test/payment_test.rb');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\d+ runs, \d+ assertions, 0 failures, 0 errors/);

    // Cancellation of the seeded reserve (Payment#update), then a capture of the cancelled payment (Payment#capture).
    const reserve = putsTo(run.journal, env.PAYMENT_ID);
    expect(reserve.map(bodyOf)).toEqual([{ status: 'canceled' }, { status: 'cancelled' }, { status: 'cancelled' }, { capture: true }]);
    expect(outcomes(reserve)).toEqual([
      [400, 2016],
      [200, undefined],
      [400, 2018],
      [400, 2018],
    ]);
    expect(putsTo(run.journal, env.CAPTURED_PAYMENT_ID).map(causeOf)).toEqual([2018]);
    expect(putsTo(run.journal, env.MISSING_PAYMENT_ID).map(causeOf)).toEqual([2000]);

    // Creations: each with the examples' reserve body, sent to the gem's path.
    const posts = paymentPosts(run.journal);
    for (const post of posts) {
      expect(post.path).toBe('/v1/payments/');
      expect(post.status).toBe(201);
      expect(post.headers['content-type']).toBe('application/json');
      expect(bodyOf(post)).toEqual({ ...RESERVE_BODY, token: expect.any(String) });
    }
    const withToken = (token: unknown) => posts.filter((p) => bodyOf(p).token === token);

    // CARD_TOKEN: a reserve made without request options (the SDK's own key), over-captured, captured, captured again.
    const [full] = withToken(env.CARD_TOKEN);
    expect(withToken(env.CARD_TOKEN)).toHaveLength(1);
    expect(full!.headers['x-idempotency-key']).toMatch(UUID);
    expect(answerOf(full!)).toMatchObject({ status: 'authorized', status_detail: 'pending_capture', captured: false });
    const fullPuts = putsTo(run.journal, String(answerOf(full!).id));
    expect(fullPuts.map(bodyOf)).toEqual([{ capture: true, transaction_amount: 150 }, { capture: true }, { capture: true }]);
    expect(outcomes(fullPuts)).toEqual([
      [400, 2017],
      [200, undefined],
      [400, 2018],
    ]);
    expect(answerOf(fullPuts[1]!)).toMatchObject({ status: 'approved', captured: true, transaction_amount: 100 });

    // A second card token, made through the transport, reserved and then captured in part.
    const tokens = run.journal.filter((e) => e.method === 'POST' && e.path === '/v1/card_tokens');
    expect(tokens.map((e) => e.status)).toEqual([201]);
    const partials = withToken(answerOf(tokens[0]!).id);
    expect(partials).toHaveLength(1);
    const partialPuts = putsTo(run.journal, String(answerOf(partials[0]!).id));
    expect(partialPuts.map(bodyOf)).toEqual([{ capture: true, transaction_amount: Number(env.CAPTURE_AMOUNT) }]);
    expect(outcomes(partialPuts)).toEqual([[200, undefined]]);
    expect(answerOf(partialPuts[0]!)).toMatchObject({ status: 'approved', captured: true, transaction_amount: 75 });

    // DECLINED_CARD_TOKEN: 201 rejected, and the same custom key sent again replays the same payment.
    const declined = withToken(env.DECLINED_CARD_TOKEN);
    expect(declined).toHaveLength(2);
    expect(declined[1]!.headers['x-idempotency-key']).toBe(declined[0]!.headers['x-idempotency-key']);
    expect(declined.map(answerOf).map((p) => [p.id, p.status])).toEqual([
      [answerOf(declined[0]!).id, 'rejected'],
      [answerOf(declined[0]!).id, 'rejected'],
    ]);

    // Nothing else was sent.
    expect(run.journal).toHaveLength(reserve.length + 2 + posts.length + tokens.length + fullPuts.length + partialPuts.length);
    expect(posts).toHaveLength(4);
    const otherKeys = run.journal.filter((e) => !declined.includes(e)).map((e) => e.headers['x-idempotency-key']);
    expect(new Set(otherKeys).size, 'every other request has a key of its own').toBe(otherKeys.length);
    for (const entry of run.journal) {
      expect(entry.headers.authorization).toBe(`Bearer ${env.MERCADOPAGO_ACCESS_TOKEN}`);
      // The 3.3.0 gem still announces itself as 3.2.0.
      expect(entry.headers['user-agent']).toBe('MercadoPago Ruby SDK v3.2.0');
      expect(entry.headers['x-idempotency-key']).toMatch(/\S/);
    }
  });

  it('refunds through sdk.refund (create, list, get) against the sandbox, a full refund with no body', async () => {
    const { run, env } = await runDoubleTests('ruby', 'test/refund_test.rb');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\d+ runs, \d+ assertions, 0 failures, 0 errors/);

    const to = (id: string | undefined) => run.journal.filter((e) => e.path.startsWith(`/v1/payments/${id}/refunds`));
    const summary = (entries: JournalEntry[]) =>
      entries.map((e) => [e.method, e.path.replace(/^\/v1\/payments\/\d+/, ''), e.body, e.status, causeOf(e)]);

    // The approved payment: part refunded (and replayed by its key), read back, the rest refunded, then nothing left.
    const captured = to(env.CAPTURED_PAYMENT_ID);
    const [first, replay] = captured;
    const firstId = String(answerOf(first!).id);
    expect(summary(captured)).toEqual([
      ['POST', '/refunds', JSON.stringify({ amount: Number(env.REFUND_AMOUNT) }), 201, undefined],
      ['POST', '/refunds', JSON.stringify({ amount: Number(env.REFUND_AMOUNT) }), 201, undefined],
      ['GET', '/refunds', '', 200, undefined],
      ['GET', `/refunds/${firstId}`, '', 200, undefined],
      ['GET', `/refunds/${env.CAPTURED_PAYMENT_ID}`, '', 404, 2032],
      ['POST', '/refunds', '', 201, undefined],
      ['GET', '/refunds', '', 200, undefined],
      ['POST', '/refunds', '', 400, 2063],
    ]);
    expect(replay!.headers['x-idempotency-key']).toBe(first!.headers['x-idempotency-key']);
    expect(answerOf(replay!)).toEqual(answerOf(first!));
    expect(answerOf(captured[5]!)).toMatchObject({ amount: 100 - Number(env.REFUND_AMOUNT), status: 'approved' });

    expect(summary(to(env.PAYMENT_ID))).toEqual([
      ['GET', '/refunds', '', 200, undefined],
      ['POST', '/refunds', '', 400, 2063],
    ]);
    expect(summary(to(env.MISSING_PAYMENT_ID))).toEqual([
      ['POST', '/refunds', '', 404, 2000],
      ['GET', '/refunds', '', 404, 2000],
      ['GET', '/refunds/1', '', 404, 2000],
    ]);

    // Nothing else was sent; the gem's headers on every request, a key of the SDK's own even on a GET.
    const refunds = [...captured, ...to(env.PAYMENT_ID), ...to(env.MISSING_PAYMENT_ID)];
    expect(run.journal).toHaveLength(refunds.length);
    for (const entry of refunds) {
      expect(entry.headers.authorization).toBe(`Bearer ${env.MERCADOPAGO_ACCESS_TOKEN}`);
      expect(entry.headers['user-agent']).toBe('MercadoPago Ruby SDK v3.2.0');
      expect(entry.headers['x-idempotency-key']).toMatch(entry === first || entry === replay ? /\S/ : UUID);
      if (entry.method === 'GET') expect(entry.headers['content-type']).toBeUndefined();
      else expect(entry.headers['content-type']).toBe('application/json');
      // A full refund goes out with no body at all, not an empty one: no Content-Length.
      if (entry.body === '') expect(entry.headers['content-length']).toBeUndefined();
    }
  });
});
