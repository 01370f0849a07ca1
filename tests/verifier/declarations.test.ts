// What an operation's declaration can say (examples/operations.ts) and what the verifier makes
// of it: `given` staged in order, a read (GET, no body, no key) and "state": "unchanged", and the
// Try it cases (`tryIt`) it may list, which the loader holds to the same rules as `given`.
// The refund declarations here are the shapes the refunds section will use.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGiven, UNKNOWN_IDS } from '../../examples/given.ts';
import { loadOperations, type Operation, OperationSchema } from '../../examples/operations.ts';
import { createSandbox } from '../../sandbox/core/sandbox.ts';
import { judge } from '../../scripts/verify/checks.ts';
import { paymentById, prepareSandbox } from '../../scripts/verify/given.ts';
import { api, inProcessServer } from '../support/sandbox.ts';

const TOKEN = 'TEST-declarations';

const declare = (declaration: Record<string, unknown>): Operation => ({
  ...OperationSchema.parse({
    title: 'A test',
    order: 1,
    section: 'refunds',
    inputs: {
      MERCADOPAGO_ACCESS_TOKEN: { about: 'token' },
      PAYMENT_ID: { about: 'payment' },
      REFUND_ID: { about: 'refund' },
    },
    response: { status: 200, body: {} },
    ...declaration,
  }),
  id: 'a-test',
  dir: 'examples/a-test',
});

const listRefunds = declare({
  given: { PAYMENT_ID: { payment: { amount: 100, capture: true } }, REFUND_ID: { refund: { of: 'PAYMENT_ID', amount: 10 } } },
  request: { method: 'GET', path: '/v1/payments/{PAYMENT_ID}/refunds', bodyMatch: 'empty' },
  state: 'unchanged',
});

const fullRefund = declare({
  given: { PAYMENT_ID: { payment: { amount: 100, capture: true } } },
  request: { method: 'POST', path: '/v1/payments/{PAYMENT_ID}/refunds', bodyMatch: 'empty' },
  response: { status: 201, body: {} },
  state: { status: 'refunded', status_detail: 'refunded' },
});

describe('given', () => {
  it('makes each thing in order: a payment, then a refund of it, each id in its variable', () => {
    const sandbox = createSandbox();
    const env = prepareSandbox(sandbox, listRefunds);
    const payment = paymentById(sandbox, Number(env.PAYMENT_ID))!;
    expect([payment.status, payment.status_detail, payment.transaction_amount_refunded]).toEqual(['approved', 'partially_refunded', 10]);
    expect(sandbox.payments.findRefund(payment.id, Number(env.REFUND_ID)).amount).toBe(10);
  });

  it('makes a reserve, or a payment left in process by the CONT card', () => {
    const sandbox = createSandbox();
    const reserve = prepareSandbox(sandbox, declare({ ...shape(), given: { PAYMENT_ID: { payment: { amount: 50, capture: false } } } }));
    expect(paymentById(sandbox, Number(reserve.PAYMENT_ID))?.status_detail).toBe('pending_capture');
    const waiting = declare({ ...shape(), given: { PAYMENT_ID: { payment: { amount: 50, capture: true, cardholder: 'CONT' } } } });
    expect(paymentById(sandbox, Number(prepareSandbox(sandbox, waiting).PAYMENT_ID))?.status).toBe('in_process');
  });

  it('refuses a declaration whose refund names no payment given before it, saying which', () => {
    const dir = mkdtempSync(join(tmpdir(), 'declarations-'));
    mkdirSync(join(dir, 'broken'));
    const declaration = {
      ...shape(),
      title: 'Broken',
      order: 1,
      section: 'refunds',
      inputs: { MERCADOPAGO_ACCESS_TOKEN: { about: 't' }, PAYMENT_ID: { about: 'p' }, REFUND_ID: { about: 'r' } },
      response: { status: 200, body: {} },
      given: { REFUND_ID: { refund: { of: 'PAYMENT_ID' } }, PAYMENT_ID: { payment: { amount: 1, capture: true } } },
    };
    writeFileSync(join(dir, 'broken', 'operation.json'), JSON.stringify(declaration));
    expect(() => loadOperations(dir)).toThrow(
      /examples\/broken\/operation.json: the refund in REFUND_ID must be of a payment given before it/,
    );
    // A variable inputs does not list is made and passed all the same (the refunds a listing finds).
    writeFileSync(
      join(dir, 'broken', 'operation.json'),
      JSON.stringify({
        ...declaration,
        given: { PAYMENT_ID: { payment: { amount: 1, capture: true } }, CARD_ID: { cardToken: { cardholder: 'APRO' } } },
      }),
    );
    expect(loadOperations(dir).map((op) => op.id)).toEqual(['broken']);
  });

  it('makes a payment then captured or cancelled, a card token already used, and an id nothing has (for Try it cases)', () => {
    const sandbox = createSandbox();
    const { values } = makeGiven(sandbox, {
      CAPTURED: { payment: { amount: 100, capture: false, cardholder: 'APRO', afterwards: 'capture' } },
      CANCELLED: { payment: { amount: 100, capture: true, cardholder: 'CONT', afterwards: 'cancel' } },
      USED: { cardToken: { cardholder: 'APRO', used: true } },
      NONE: { unknown: 'payment' },
      NO_REFUND: { unknown: 'refund' },
    });
    expect(paymentById(sandbox, Number(values.CAPTURED))).toMatchObject({ status: 'approved', captured: true });
    expect(paymentById(sandbox, Number(values.CANCELLED))).toMatchObject({ status: 'cancelled', status_detail: 'by_collector' });
    expect(values.USED).toMatch(/^[0-9a-f]{32}$/);
    expect(sandbox.cardTokens.snapshot().map((t) => t.id)).not.toContain(values.USED);
    expect(paymentById(sandbox, Number(values.NONE))).toBeUndefined();
    expect([values.NONE, values.NO_REFUND]).toEqual([UNKNOWN_IDS.payment, UNKNOWN_IDS.refund]);
  });
});

describe("tryIt: the cases the page's panel offers", () => {
  const dir = mkdtempSync(join(tmpdir(), 'declarations-try-it-'));
  const base = {
    title: 'Cases',
    order: 1,
    section: 'refunds',
    inputs: { MERCADOPAGO_ACCESS_TOKEN: { about: 't' }, PAYMENT_ID: { about: 'p' } },
    given: { PAYMENT_ID: { payment: { amount: 100, capture: true } } },
    request: { method: 'POST', path: '/v1/payments/{PAYMENT_ID}/refunds', body: { amount: 10 }, bodyMatch: 'exact' },
    response: { status: 201, about: 'refund', body: {} },
    state: {},
  };
  const load = (tryIt: unknown[], overrides: object = {}) => {
    mkdirSync(join(dir, 'cases'), { recursive: true });
    writeFileSync(join(dir, 'cases', 'operation.json'), JSON.stringify({ ...base, ...overrides, tryIt }));
    return () => loadOperations(dir);
  };
  const unknownPayment = {
    id: 'unknown',
    label: 'An unknown payment',
    given: { PAYMENT_ID: { unknown: 'payment' } },
    expect: { status: 404, cause: 2000 },
  };

  it('are none by default, and read as declared', () => {
    expect(load([], {})()[0]!.tryIt).toEqual([]);
    expect(load([unknownPayment])()[0]!.tryIt).toEqual([unknownPayment]);
  });

  it.each([
    ['a member the schema does not know', [{ ...unknownPayment, subject: 'unknown' }], /Unrecognized key/],
    ['"documented", which the declaration itself is', [{ ...unknownPayment, id: 'documented' }], /"documented" is the declaration itself/],
    ['an id twice', [unknownPayment, unknownPayment], /tryIt case "unknown" comes twice/],
    ['a given that does not make what the request reads', [{ ...unknownPayment, given: {} }], /its given must make PAYMENT_ID/],
    [
      'a refund of no payment given before it',
      [{ ...unknownPayment, given: { PAYMENT_ID: { unknown: 'payment' }, R: { refund: { of: 'PAYMENT_ID' } } } }],
      /tryIt case "unknown": the refund in R must be of a payment given before it/,
    ],
    [
      'a captured payment captured again',
      [{ ...unknownPayment, given: { PAYMENT_ID: { payment: { amount: 1, capture: true, afterwards: 'capture' } } } }],
      /only a reserve \(capture false, card APRO\) is captured afterwards/,
    ],
    [
      'an error without its cause',
      [{ ...unknownPayment, expect: { status: 404, bodyStatus: 'approved' } }],
      /an error is expected with its cause/,
    ],
    ['an unknown kind of thing', [{ ...unknownPayment, given: { PAYMENT_ID: { unknown: 'order' } } }], /Invalid input/],
  ])('refuse %s, naming the file', (_, tryIt, error) => {
    expect(load(tryIt)).toThrow(error);
    expect(load(tryIt)).toThrow(/examples\/cases\/operation.json/);
  });

  it("refuse body members set on a request that sends none, and a case's own kinds in the operation's given", () => {
    const noBody = { request: { method: 'POST', path: '/v1/payments/{PAYMENT_ID}/refunds', bodyMatch: 'empty' } };
    expect(load([{ ...unknownPayment, set: { amount: 0 } }], noBody)).toThrow(/sets body members of a request that sends no body/);
    // What only a case holds (no program is run from it) is no kind of the operation's own given.
    for (const given of [
      { PAYMENT_ID: { unknown: 'payment' } },
      { PAYMENT_ID: { payment: { amount: 1, capture: false, afterwards: 'cancel' } } },
      { PAYMENT_ID: { payment: { amount: 1, capture: true } }, CARD_TOKEN: { cardToken: { cardholder: 'APRO', used: true } } },
    ])
      expect(load([], { given }), JSON.stringify(given)).toThrow(/not a valid declaration/);
  });

  it('in the project: every label is short enough for the picker', () => {
    for (const operation of loadOperations()) {
      for (const tryCase of operation.tryIt) expect(tryCase.label.length, `${operation.id} ${tryCase.id}`).toBeLessThanOrEqual(60);
    }
  });
});

/** A request and state any declaration needs, for the tests that are about `given`. */
function shape() {
  return { request: { method: 'PUT', path: '/v1/payments/{PAYMENT_ID}', body: { status: 'cancelled' }, bodyMatch: 'exact' }, state: {} };
}

describe('a read, and a request without a body', () => {
  const msw = inProcessServer();
  beforeAll(() => msw.start());
  afterAll(() => msw.stop());

  /** The verifier's checks on what a program did, here done by `act` with plain fetch. */
  async function checked(operation: Operation, act: (env: Record<string, string>) => Promise<unknown>) {
    const sandbox = createSandbox();
    msw.serve(sandbox);
    const env = prepareSandbox(sandbox, operation);
    const givenPayment = structuredClone(paymentById(sandbox, Number(env.PAYMENT_ID)));
    const printed = await act(env);
    const run = {
      exitCode: 0,
      stdout: JSON.stringify(printed),
      stderr: '',
      timedOut: false,
      durationMs: 1,
      journal: [...sandbox.journal.entries()],
    };
    const { checks } = judge(run, {
      operation,
      env,
      accessToken: TOKEN,
      timeoutMs: 1000,
      paymentById: (id) => paymentById(sandbox, id),
      givenPayment,
    });
    return Object.fromEntries(checks.map((check) => [check.name.split(' ')[0], check]));
  }

  it('passes a GET without an idempotency key that leaves the payment as it was', async () => {
    const checks = await checked(
      listRefunds,
      async (env) => (await api(TOKEN).request('GET', `/v1/payments/${env.PAYMENT_ID}/refunds`, { key: null })).body,
    );
    expect(checks.sends?.ok, checks.sends?.detail).toBe(true);
    expect(checks.leaves).toMatchObject({ ok: true, detail: 'unchanged' });
  });

  it('fails a program that changed the payment it should only have read, naming what changed', async () => {
    const checks = await checked(listRefunds, async (env) => {
      await api(TOKEN).request('POST', `/v1/payments/${env.PAYMENT_ID}/refunds`, { key: 'k-1' });
      return (await api(TOKEN).request('GET', `/v1/payments/${env.PAYMENT_ID}/refunds`, { key: null })).body;
    });
    expect(checks.leaves?.ok).toBe(false);
    expect(checks.leaves?.detail).toMatch(/status "refunded" \(it was "approved"\)/);
  });

  it.each([
    ['no body', undefined],
    ['an empty JSON object', {}],
  ])('takes %s as the body-less call the docs make', async (_, body) => {
    const checks = await checked(fullRefund, async (env) =>
      api(TOKEN).request('POST', `/v1/payments/${env.PAYMENT_ID}/refunds`, { key: 'k-2', body }),
    );
    expect(checks.sends?.ok, checks.sends?.detail).toBe(true);
    expect(checks.leaves?.ok, checks.leaves?.detail).toBe(true);
  });

  it('fails a full refund that sends an amount, and one sent without a key', async () => {
    const withAmount = await checked(fullRefund, async (env) =>
      api(TOKEN).request('POST', `/v1/payments/${env.PAYMENT_ID}/refunds`, { key: 'k-3', body: { amount: 100 } }),
    );
    expect(withAmount.sends?.detail).toMatch(/sent the body \{"amount":100\}, where the docs send none/);
    const keyless = await checked(fullRefund, async (env) =>
      api(TOKEN).request('POST', `/v1/payments/${env.PAYMENT_ID}/refunds`, { key: null }),
    );
    expect(keyless.sends?.ok).toBe(false);
  });
});
