/**
 * Races over the real HTTP server: many requests in flight at once on separate connections,
 * against one payment. Exactly one state change wins; the losers get the API's answer for
 * a payment that has already moved (400 cause 2018); one idempotency key makes one payment;
 * concurrent refunds never give back more than the payment, and one key makes one refund.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RESERVE_BODY, sandboxOverHttp } from '../support/sandbox.ts';

const served = sandboxOverHttp();

interface Answer {
  status: number;
  text: string;
  body: { status?: string; cause?: { code: number }[] } & Record<string, unknown>;
}

/** Node's fetch opens a connection per request in flight (no per-origin limit), so they really arrive together. */
async function send(method: string, path: string, body: unknown, key: string = randomUUID()): Promise<Answer> {
  const response = await fetch(`${served.server.url}${path}`, {
    method,
    headers: { Authorization: 'Bearer TEST-race', 'Content-Type': 'application/json', 'X-Idempotency-Key': key },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

const cancel = (id: number) => send('PUT', `/v1/payments/${id}`, { status: 'cancelled' });
const capture = (id: number) => send('PUT', `/v1/payments/${id}`, { capture: true });
const putsTo = (id: number) =>
  served.sandbox.journal.entries().filter((entry) => entry.method === 'PUT' && entry.path === `/v1/payments/${id}`);

describe('concurrent requests over HTTP', () => {
  it('100 concurrent cancels of one reserve: exactly one 200, 99 × 400 cause 2018', async () => {
    const { id } = served.sandbox.createPayment();
    let connections = 0;
    const count = () => connections++;
    served.server.server.on('connection', count);
    const answers = await Promise.all(Array.from({ length: 100 }, () => cancel(id)));
    served.server.server.off('connection', count);
    // Really in flight together: most of them needed a connection of their own.
    expect(connections).toBeGreaterThan(50);

    const won = answers.filter((a) => a.status === 200);
    const lost = answers.filter((a) => a.status !== 200);
    expect(won).toHaveLength(1);
    expect(won[0]!.body).toMatchObject({ id, status: 'cancelled', status_detail: 'by_collector' });
    expect(lost).toHaveLength(99);
    for (const answer of lost) expect([answer.status, answer.body.cause?.[0]?.code]).toEqual([400, 2018]);
    expect(served.sandbox.payments.get(id)).toMatchObject({ status: 'cancelled', captured: false });
    expect(putsTo(id)).toHaveLength(100);
  });

  it('a capture and a cancel of one reserve at once, 25 times: exactly one wins each time, and the payment shows it', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 25; round++) {
      const { id } = served.sandbox.createPayment();
      // Alternate which is sent first, so both orders are raced.
      const [first, second] = round % 2 === 0 ? [capture(id), cancel(id)] : [cancel(id), capture(id)];
      const answers = await Promise.all([first, second]);
      const won = answers.filter((a) => a.status === 200);
      const lost = answers.filter((a) => a.status !== 200);
      expect(won).toHaveLength(1);
      expect([lost[0]!.status, lost[0]!.body.cause?.[0]?.code]).toEqual([400, 2018]);
      const final = served.sandbox.payments.get(id);
      expect(final.status).toBe(won[0]!.body.status);
      // Never both: a cancelled payment is not captured, a captured one is not cancelled.
      expect(final.status === 'cancelled' ? final.captured : !final.captured).toBe(false);
      outcomes.add(final.status);
    }
    expect([...outcomes].every((status) => status === 'approved' || status === 'cancelled')).toBe(true);
  });

  it('50 captures and 50 cancels of one reserve at once: one winner among the hundred', async () => {
    const { id } = served.sandbox.createPayment();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? capture(id) : cancel(id))));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 400 && a.body.cause?.[0]?.code === 2018)).toHaveLength(99);
  });

  it('50 concurrent creations with one idempotency key: one payment, 50 identical answers', async () => {
    const before = served.sandbox.payments.size;
    const key = randomUUID();
    const body = { ...RESERVE_BODY, token: served.sandbox.createCardToken() };
    const answers = await Promise.all(Array.from({ length: 50 }, () => send('POST', '/v1/payments', body, key)));

    expect(served.sandbox.payments.size).toBe(before + 1);
    expect(answers[0]!.status).toBe(201);
    expect(answers[0]!.body).toMatchObject({ status: 'authorized' });
    for (const answer of answers) expect([answer.status, answer.text]).toEqual([201, answers[0]!.text]);
    // The one payment is the one every answer names.
    expect(served.sandbox.payments.get(answers[0]!.body.id as number).id).toBe(answers[0]!.body.id);
  });

  it('50 concurrent cancels of one reserve with one idempotency key: one cancellation, 50 identical 200s', async () => {
    const { id } = served.sandbox.createPayment();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 50 }, () => send('PUT', `/v1/payments/${id}`, { status: 'cancelled' }, key)));
    for (const answer of answers) expect([answer.status, answer.text]).toEqual([200, answers[0]!.text]);
    expect(answers[0]!.body).toMatchObject({ status: 'cancelled' });
  });

  it('200 requests over 20 reserves at once do not cross: each reserve ends in exactly one state change', async () => {
    const ids = Array.from({ length: 20 }, () => served.sandbox.createPayment().id);
    const requests = ids.flatMap((id) =>
      Array.from({ length: 10 }, (_, i) => (i % 3 === 0 ? capture(id) : cancel(id)).then((a) => ({ id, a }))),
    );
    const answers = await Promise.all(requests);
    for (const id of ids) {
      const mine = answers.filter((r) => r.id === id).map((r) => r.a);
      expect(mine.filter((a) => a.status === 200)).toHaveLength(1);
      expect(mine.every((a) => (a.status === 200 ? a.body.id === id : a.body.cause?.[0]?.code === 2018))).toBe(true);
    }
  });

  it('30 concurrent refunds of 10 on a payment of 100: ten 201s, twenty 400 cause 2063, never more than the payment', async () => {
    const { id } = served.sandbox.createPayment({ capture: true, amount: 100 });
    const answers = await Promise.all(Array.from({ length: 30 }, () => send('POST', `/v1/payments/${id}/refunds`, { amount: 10 })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
    const lost = answers.filter((a) => a.status !== 201);
    expect(lost).toHaveLength(20);
    for (const answer of lost) expect([answer.status, answer.body.cause?.[0]?.code]).toEqual([400, 2063]);
    expect(served.sandbox.payments.get(id)).toMatchObject({ status: 'refunded', transaction_amount_refunded: 100 });
    expect(served.sandbox.payments.get(id).refunds).toHaveLength(10);
  });

  it('20 concurrent full refunds with one idempotency key: one refund, twenty identical 201s', async () => {
    const { id } = served.sandbox.createPayment({ capture: true });
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => send('POST', `/v1/payments/${id}/refunds`, {}, key)));
    expect(new Set(answers.map((a) => `${a.status} ${a.text}`)).size).toBe(1);
    expect(answers[0]!.status).toBe(201);
    expect(served.sandbox.payments.get(id).refunds).toHaveLength(1);
  });
});
