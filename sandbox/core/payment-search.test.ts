// GET /v1/payments/search, as an integration uses it: finding the payment a create that timed
// out may have made, by its external_reference, among the caller's own payments only.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, causeCode, inProcessServer } from '../../tests/support/sandbox.ts';
import { ManualClock } from './clock.ts';
import type { Payment } from './payment.ts';
import type { SearchPage } from './payment-search.ts';
import { createSandbox } from './sandbox.ts';

const mp = inProcessServer();
beforeAll(mp.start);
afterAll(mp.stop);

let clock: ManualClock;
beforeEach(() => {
  clock = new ManualClock();
  mp.serve(createSandbox({ clock }));
});

const seller = api('TEST-seller');
const search = (query: string, client = seller) => client.request<SearchPage>('GET', `/v1/payments/search?${query}`);

async function made(reference: string, body: Record<string, unknown> = {}): Promise<Payment> {
  const reply = await seller.pay('APRO', { external_reference: reference, ...body });
  expect(reply.status).toBe(201);
  clock.advance(1000);
  return reply.body;
}

describe('search', () => {
  it('finds the payment by its external_reference, with paging, not an error that looks like "not found"', async () => {
    await made('order-1');
    const wanted = await made('order-2');
    const reply = await search('external_reference=order-2');
    expect(reply.status).toBe(200);
    expect(reply.body.paging).toEqual({ total: 1, limit: 30, offset: 0 });
    expect(reply.body.results.map((p) => p.id)).toEqual([wanted.id]);
    expect(reply.body.results[0]).toEqual((await seller.get(wanted.id)).body);
  });

  it('answers an empty page when nothing matches', async () => {
    await made('order-1');
    const reply = await search('external_reference=order-404');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ paging: { total: 0, limit: 30, offset: 0 }, results: [] });
  });

  it("finds only the caller's payments", async () => {
    await made('shared-ref');
    const other = await api('TEST-other-seller').pay('APRO', { external_reference: 'shared-ref' });
    expect(other.status).toBe(201);
    const mine = await search('external_reference=shared-ref');
    expect(mine.body.results.map((p) => p.id)).not.toContain(other.body.id);
    expect(mine.body.paging.total).toBe(1);
  });

  it('filters by status, sorts by date_created in either order, and pages with limit and offset', async () => {
    const first = await made('a');
    const second = await made('b', { capture: true });
    const third = await made('c');
    const desc = await search('sort=date_created&criteria=desc');
    expect(desc.body.results.map((p) => p.id)).toEqual([third.id, second.id, first.id]);
    const asc = await search('sort=date_created&criteria=asc&limit=2&offset=1');
    expect(asc.body.paging).toEqual({ total: 3, limit: 2, offset: 1 });
    expect(asc.body.results.map((p) => p.id)).toEqual([second.id, third.id]);
    const approved = await search('status=approved');
    expect(approved.body.results.map((p) => p.id)).toEqual([second.id]);
  });

  it('keeps to a date range, absolute or relative to now', async () => {
    const old = await made('old');
    clock.advance(40 * 24 * 3600 * 1000);
    const recent = await made('recent');
    const lastMonth = await search('range=date_created&begin_date=NOW-30DAYS&end_date=NOW');
    expect(lastMonth.body.results.map((p) => p.id)).toEqual([recent.id]);
    const until = await search(`range=date_created&end_date=${encodeURIComponent(old.date_created)}`);
    expect(until.body.results.map((p) => p.id)).toEqual([old.id]);
  });

  it.each([
    ['sort=amount', 1003],
    ['criteria=up', 1004],
    ['begin_date=yesterday', 1001],
    ['limit=5000', 1000],
    ['limit=ten', 1],
  ])('refuses %s with 400 cause %i', async (query, code) => {
    const reply = await search(query);
    expect(reply.status).toBe(400);
    expect(causeCode(reply)).toBe(code);
  });
});
