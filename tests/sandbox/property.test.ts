/**
 * Generated traffic (fast-check): over ten thousand requests, valid and invalid, on every
 * route including the control routes and armed faults, mostly in-process through msw's
 * `getResponse` and a smaller run over the real HTTP server. After every request:
 * - no 5xx (nor 408, 409, 423, 429, nor a dropped connection) unless a fault for it was armed, but the
 *   501 of a create whose method is not a card;
 * - every answer has X-Request-Id and nosniff, and every error is the API's envelope;
 * - each payment's status moved only along TRANSITIONS (sandbox/core/payment.ts), a cancelled
 *   payment is never captured, ids are unique, and payments are only ever created by a
 *   POST /v1/payments, one at a time;
 * - refunds are made only by a POST to a payment's refunds, one at a time, only on captured
 *   money: what they add up to never passes the payment's amount, is its
 *   `transaction_amount_refunded`, and is the whole amount exactly when it is `refunded`;
 * and no promise rejection goes unhandled. The OpenAPI conformance hook checks every
 * response against sandbox/openapi.yaml as well.
 */
import fc from 'fast-check';
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, ManualClock } from '../../sandbox/core/clock.ts';
import type { Fault } from '../../sandbox/core/faults.ts';
import { FAULT_STATUSES } from '../../sandbox/core/faults.ts';
import { API_ORIGIN } from '../../sandbox/core/handlers.ts';
import { type PaymentStatus, TRANSITIONS } from '../../sandbox/core/payment.ts';
import { createSandbox, type Sandbox } from '../../sandbox/core/sandbox.ts';
import { listen } from '../../sandbox/node/http-server.ts';
import { RESERVE_BODY, TEST_CARD } from '../support/sandbox.ts';

const SITE = 'https://site.example';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Statuses the sandbox gives only when a fault asks for them. */
const FAULT_ONLY = new Set(FAULT_STATUSES);

// ---------------------------------------------------------------------------------------
// Unhandled rejections, from anywhere in this file's run.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
});

// ---------------------------------------------------------------------------------------
// Commands: plain data (so fast-check can print and shrink them), resolved against what the
// run has made so far (card tokens, payment ids, a pool of idempotency keys).

type Auth = 'valid' | 'other' | 'none' | 'basic' | 'long' | 'empty';
type ContentType = 'json' | 'charset' | 'text' | 'none';
interface Common {
  auth: Auth;
  ct: ContentType;
  origin: 'none' | 'site' | 'evil';
}
type IdRef = { known: number } | { literal: string };
/** An index into the run's key pool, a literal (blank ones included), or no header. */
type KeyRef = { pool: number } | { literal: string } | null;
/** A JSON body, or raw text (malformed JSON, or not JSON at all). */
type Body = { json: unknown } | { raw: string };

type Command =
  | { kind: 'clock'; days: number }
  /** A card token and a payment made with it, both valid: two requests. */
  | { kind: 'reserve'; name: string; capture: unknown; key: string }
  | { kind: 'cardToken'; common: Common; name: string; change: Record<string, unknown> | null }
  | {
      kind: 'create';
      common: Common;
      token: { pool: number } | { literal: string };
      change: Record<string, unknown>;
      key: KeyRef;
      raw: boolean;
    }
  | { kind: 'get'; common: Common; id: IdRef }
  | { kind: 'update'; common: Common; id: IdRef; body: Body; key: KeyRef }
  /** A refund; `body` null sends none. */
  | { kind: 'refund'; common: Common; id: IdRef; body: Body | null; key: KeyRef }
  /** The refunds of a payment, or one of them (the n-th newest refund the run has seen, or a literal id). */
  | { kind: 'refunds'; common: Common; id: IdRef; refund: { known: number } | { literal: string } | null }
  | { kind: 'arm'; fault: Record<string, unknown> }
  | { kind: 'control'; method: string; path: string }
  | { kind: 'junk'; common: Common; method: string; path: string; body: string | null };

const json = fc.jsonValue({ maxDepth: 2 });
const common: fc.Arbitrary<Common> = fc.record({
  auth: fc.oneof(
    { weight: 12, arbitrary: fc.constant<Auth>('valid') },
    { weight: 1, arbitrary: fc.constantFrom<Auth>('other', 'none', 'basic', 'long', 'empty') },
  ),
  ct: fc.oneof(
    { weight: 12, arbitrary: fc.constant<ContentType>('json') },
    { weight: 1, arbitrary: fc.constantFrom<ContentType>('charset', 'text', 'none') },
  ),
  origin: fc.oneof({ weight: 6, arbitrary: fc.constant('none' as const) }, fc.constantFrom('site' as const, 'evil' as const)),
});
const keyRef: fc.Arbitrary<KeyRef> = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 7 }).map((pool) => ({ pool })) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'k"1', 'k, 2').map((literal) => ({ literal })) },
);
const idRef: fc.Arbitrary<IdRef> = fc.oneof(
  // Mostly one of the newest payments, where the action is.
  { weight: 10, arbitrary: fc.oneof({ weight: 4, arbitrary: fc.nat({ max: 2 }) }, fc.nat()).map((known) => ({ known })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constantFrom('abc', '-1', '0', '1.5', '0x10', '99999999999999999999', '%20', '%E0%A4%A', ''),
        fc.string({ maxLength: 8 }).map(encodeURIComponent),
      )
      .map((literal) => ({ literal })),
  },
);
const amount = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 150 }) },
  { weight: 1, arbitrary: fc.double({ min: -10, max: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom('75', '', null, true, 0, -1, Number.POSITIVE_INFINITY) },
);
const updateBody: fc.Arbitrary<Body> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({ status: fc.constantFrom<unknown>('cancelled', 'cancelled', 'cancelled', 'canceled', null, 'approved', 1) })
      .map((json) => ({ json })),
  },
  {
    weight: 5,
    arbitrary: fc
      .record(
        {
          capture: fc.constantFrom<unknown>(true, true, true, false, 'yes', 'true'),
          transaction_amount: fc.option(amount, { nil: undefined, freq: 2 }),
        },
        { requiredKeys: ['capture'] },
      )
      .map((json) => ({ json })),
  },
  { weight: 1, arbitrary: json.map((json) => ({ json })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((raw) => ({ raw })) },
);
const refundBody: fc.Arbitrary<Body | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constant({ json: {} }) },
  { weight: 6, arbitrary: amount.map((value) => ({ json: { amount: value } })) },
  { weight: 1, arbitrary: json.map((value) => ({ json: value })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((raw) => ({ raw })) },
);
const faultBody = fc.record(
  {
    status: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...FAULT_STATUSES) }, { weight: 1, arbitrary: json }),
    times: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.constantFrom(null, 0, 1.5, '2') }),
    when: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('before', 'after') }, { weight: 1, arbitrary: fc.constant('later') }),
    method: fc.constantFrom('GET', 'PUT', 'POST', 'put', 'OPTIONS', 'DELETE'),
    path: fc.constantFrom(
      '/v1/payments/:id',
      '/v1/payments',
      '/v1/card_tokens',
      '/v1/payments/:id/refunds',
      '/nowhere',
      '/__sandbox/faults',
      '/v1/:x/:y',
    ),
    drop: fc.oneof({ weight: 8, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant('yes') }),
    delayMs: fc.integer({ min: 0, max: 2 }),
    retryAfter: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 5 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 0.5) }),
  },
  { requiredKeys: [] },
);
const segment = fc.oneof(
  fc.constantFrom('v1', 'payments', 'card_tokens', '__sandbox', 'faults', 'requests', '..', '.', '', '%00', '%ZZ', '123', 'V1'),
  fc.string({ maxLength: 6 }).map(encodeURIComponent),
);
const junkPath = fc.oneof(
  fc.constantFrom(
    '/v1/payments',
    '/v1/payments/',
    '/v1/payments/1',
    '/v1/card_tokens',
    '/__sandbox/faults',
    '/__sandbox/requests',
    '/__sandbox',
    '/',
  ),
  fc
    .tuple(fc.array(segment, { maxLength: 4 }), fc.option(fc.string({ maxLength: 6 }).map(encodeURIComponent)))
    .map(([segments, query]) => `/${segments.join('/')}${query === null ? '' : `?q=${query}`}`),
);

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clock' as const), days: fc.integer({ min: 0, max: 9 }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('reserve' as const),
      name: fc.constantFrom('APRO', 'APRO', 'APRO', 'APRO', 'CONT', 'OTHE'),
      capture: fc.constantFrom<unknown>(false, false, false, 'false', true),
      key: fc.uuid(),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('cardToken' as const),
      common,
      name: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom('APRO', 'APRO', 'APRO', 'CONT', 'OTHE', 'CALL', 'FUND', 'SECU', 'EXPI', 'FORM') },
        { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
      ),
      change: fc.option(
        fc.dictionary(fc.constantFrom('card_number', 'expiration_month', 'expiration_year', 'security_code', 'cardholder'), json, {
          maxKeys: 2,
        }),
        { freq: 6 },
      ),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      common,
      token: fc.oneof(
        { weight: 10, arbitrary: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, fc.nat()).map((pool) => ({ pool })) },
        { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((literal) => ({ literal })) },
      ),
      change: fc.oneof(
        { weight: 4, arbitrary: fc.record({ capture: fc.constantFrom<unknown>(false, false, false, true, 'false', 'true') }) },
        {
          weight: 1,
          arbitrary: fc.dictionary(
            fc.constantFrom(
              'transaction_amount',
              'token',
              'payment_method_id',
              'installments',
              'payer',
              'capture',
              'metadata',
              'description',
              'currency_id',
              'binary_mode',
            ),
            json,
            { maxKeys: 2 },
          ),
        },
      ),
      // Mostly a fresh key (a new payment); sometimes one from the pool (a replay), or none.
      key: fc.oneof(
        { weight: 6, arbitrary: fc.uuid().map((literal) => ({ literal })) },
        { weight: 3, arbitrary: keyRef },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      raw: fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
  },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('get' as const), common, id: idRef }) },
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('update' as const), common, id: idRef, body: updateBody, key: keyRef }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      common,
      id: idRef,
      body: refundBody,
      // Mostly a fresh key (a new refund); sometimes one from the pool (a replay), or none (4292).
      key: fc.oneof(
        { weight: 6, arbitrary: fc.uuid().map((literal) => ({ literal })) },
        { weight: 3, arbitrary: keyRef },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('refunds' as const),
      common,
      id: idRef,
      refund: fc.oneof(
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: fc.nat({ max: 3 }).map((known) => ({ known })) },
        { weight: 1, arbitrary: fc.constantFrom('abc', '1', '-1', '').map((literal) => ({ literal })) },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('arm' as const), fault: faultBody }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('control' as const),
      method: fc.constantFrom('GET', 'DELETE', 'DELETE', 'PUT'),
      path: fc.constantFrom('/__sandbox/faults', '/__sandbox/faults/', '/__sandbox/requests'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('junk' as const),
      common,
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
      path: junkPath,
      body: fc.option(
        fc.oneof(
          fc.string({ maxLength: 30 }),
          json.map((value) => JSON.stringify(value)),
        ),
        { freq: 2 },
      ),
    }),
  },
);

// ---------------------------------------------------------------------------------------
// Resolving and sending.

interface Spec {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Run {
  sandbox: Sandbox;
  clock: ManualClock;
  tokens: string[];
  ids: number[];
  /** Refund ids the run has seen answered, newest last. */
  refunds: number[];
  keys: string[];
}

function headers({ auth, ct, origin }: Common): Record<string, string> {
  const out: Record<string, string> = {};
  const value = {
    valid: 'Bearer TEST-prop',
    other: 'Bearer TEST-other',
    none: undefined,
    basic: 'Basic dXNlcjpwYXNz',
    long: `Bearer ${'L'.repeat(600)}`,
    empty: 'Bearer ',
  }[auth];
  if (value !== undefined) out.Authorization = value;
  const type = { json: 'application/json', charset: 'application/json; charset=UTF-8', text: 'text/plain', none: undefined }[ct];
  if (type) out['Content-Type'] = type;
  if (origin !== 'none') out.Origin = origin === 'site' ? SITE : 'https://evil.example';
  return out;
}

/** The n-th newest payment (wrapping around), or a literal id. */
const idOf = (run: Run, ref: IdRef) =>
  'known' in ref ? String(run.ids.length === 0 ? 1 : run.ids[run.ids.length - 1 - (ref.known % run.ids.length)]) : ref.literal;
const keyOf = (run: Run, ref: KeyRef) => (ref === null ? undefined : 'pool' in ref ? run.keys[ref.pool % run.keys.length] : ref.literal);

const VALID: Common = { auth: 'valid', ct: 'json', origin: 'none' };

/** Commands as single requests: a reserve is a card token, then a payment with it. */
function expand(commands: Command[]): Exclude<Command, { kind: 'reserve' }>[] {
  return commands.flatMap((command) =>
    command.kind !== 'reserve'
      ? [command]
      : [
          { kind: 'cardToken' as const, common: VALID, name: command.name, change: null },
          {
            kind: 'create' as const,
            common: VALID,
            token: { pool: 0 },
            change: { capture: command.capture },
            key: { literal: command.key },
            raw: false,
          },
        ],
  );
}

function resolve(run: Run, command: Exclude<Command, { kind: 'clock' | 'reserve' }>): Spec {
  switch (command.kind) {
    case 'cardToken': {
      const body = { ...TEST_CARD, cardholder: { ...TEST_CARD.cardholder, name: command.name }, ...command.change };
      return { method: 'POST', path: '/v1/card_tokens', headers: headers(command.common), body: JSON.stringify(body) };
    }
    case 'create': {
      const token =
        'pool' in command.token
          ? run.tokens.length === 0
            ? 'no-token-yet'
            : run.tokens[run.tokens.length - 1 - (command.token.pool % run.tokens.length)]
          : command.token.literal;
      const text = JSON.stringify({ ...RESERVE_BODY, token, ...command.change });
      const key = keyOf(run, command.key);
      return {
        method: 'POST',
        path: '/v1/payments',
        headers: { ...headers(command.common), ...(key !== undefined && { 'X-Idempotency-Key': key }) },
        body: command.raw ? text.slice(0, -3) : text,
      };
    }
    case 'get':
      return { method: 'GET', path: `/v1/payments/${idOf(run, command.id)}`, headers: headers(command.common) };
    case 'update': {
      const key = keyOf(run, command.key);
      return {
        method: 'PUT',
        path: `/v1/payments/${idOf(run, command.id)}`,
        headers: { ...headers(command.common), ...(key !== undefined && { 'X-Idempotency-Key': key }) },
        body: 'raw' in command.body ? command.body.raw : JSON.stringify(command.body.json),
      };
    }
    case 'refund': {
      const key = keyOf(run, command.key);
      const body = command.body === null ? undefined : 'raw' in command.body ? command.body.raw : JSON.stringify(command.body.json);
      return {
        method: 'POST',
        path: `/v1/payments/${idOf(run, command.id)}/refunds`,
        headers: { ...headers(command.common), ...(key !== undefined && { 'X-Idempotency-Key': key }) },
        ...(body !== undefined && { body }),
      };
    }
    case 'refunds': {
      const one =
        command.refund === null
          ? ''
          : 'known' in command.refund
            ? `/${run.refunds.length === 0 ? 1 : run.refunds[run.refunds.length - 1 - (command.refund.known % run.refunds.length)]}`
            : `/${command.refund.literal}`;
      return { method: 'GET', path: `/v1/payments/${idOf(run, command.id)}/refunds${one}`, headers: headers(command.common) };
    }
    case 'arm':
      return {
        method: 'POST',
        path: '/__sandbox/faults',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(command.fault),
      };
    case 'control':
      return { method: command.method, path: command.path, headers: {} };
    case 'junk':
      return {
        method: command.method,
        path: command.path,
        headers: headers(command.common),
        ...(command.body !== null && { body: command.body }),
      };
  }
}

/** Bytes, so Fetch adds no Content-Type of its own: what `headers` says is all there is. */
function toRequest(base: string, spec: Spec): [string, RequestInit] {
  const hasBody = spec.body !== undefined && spec.method !== 'GET' && spec.method !== 'HEAD';
  return [
    `${base}${spec.path}`,
    { method: spec.method, headers: spec.headers, ...(hasBody && { body: new TextEncoder().encode(spec.body) }) },
  ];
}

type Sent = { dropped: true } | { dropped: false; status: number; headers: Headers; text: string };

const inProcess = async (run: Run, spec: Spec): Promise<Sent> => {
  const response = await getResponse(run.sandbox.handlers, new Request(...toRequest(API_ORIGIN, spec)));
  if (!response) throw new Error(`no handler answered ${spec.method} ${spec.path}`);
  if (response.type === 'error') return { dropped: true };
  return { dropped: false, status: response.status, headers: response.headers, text: await response.text() };
};

const overHttp =
  (url: string) =>
  async (_run: Run, spec: Spec): Promise<Sent> => {
    let response: Response;
    try {
      response = await fetch(...toRequest(url, spec));
    } catch {
      return { dropped: true };
    }
    return { dropped: false, status: response.status, headers: response.headers, text: await response.text() };
  };

// ---------------------------------------------------------------------------------------
// The invariants.

interface Seen {
  status: PaymentStatus;
  captured: boolean;
  refunds: number;
}

function snapshot(sandbox: Sandbox): Map<number, Seen> {
  const map = new Map<number, Seen>();
  for (const payment of sandbox.payments.all()) {
    map.set(payment.id, { status: payment.status, captured: payment.captured, refunds: payment.refunds.length });
  }
  return map;
}

const cents = (amount: number) => Math.round(amount * 100);

let requests = 0;
/** What the generated traffic did, so a generator that stopped reaching the interesting cases shows. */
const tally = new Map<string, number>();
const count = (what: string) => tally.set(what, (tally.get(what) ?? 0) + 1);

async function execute(run: Run, commands: Command[], send: (run: Run, spec: Spec) => Promise<Sent>): Promise<void> {
  const { sandbox } = run;
  let before = snapshot(sandbox);
  for (const command of expand(commands)) {
    if (command.kind === 'clock') {
      run.clock.advance(command.days * DAY_MS);
      continue;
    }
    const spec = resolve(run, command);
    const armed: Fault[] = sandbox.faults.list().map((fault) => ({ ...fault }));
    const sent = await send(run, spec);
    requests++;
    const where = `${spec.method} ${spec.path}`;

    // Faulty answers only when asked for.
    if (sent.dropped) {
      count('dropped');
      expect(
        armed.some((fault) => fault.drop),
        `${where} dropped with no drop fault armed`,
      ).toBe(true);
    } else {
      count(FAULT_ONLY.has(sent.status) ? 'faulted' : `${command.kind} ${sent.status}`);
      // 501 is an answer on purpose: a create whose method is not a card, with no card token.
      const notEmulated = sent.status === 501 && command.kind === 'create';
      if (FAULT_ONLY.has(sent.status) || (sent.status >= 500 && !notEmulated)) {
        expect(
          armed.map((fault) => fault.status),
          `${where} answered ${sent.status} ${sent.text}`,
        ).toContain(sent.status);
      }
      expect(sent.headers.get('x-request-id'), where).toMatch(UUID);
      expect(sent.headers.get('x-content-type-options'), where).toBe('nosniff');
      if (sent.status !== 204) expect(sent.headers.get('content-type'), where).toBe('application/json;charset=UTF-8');
      if (sent.headers.get('access-control-allow-origin') !== null) expect(spec.headers.Origin).toBe(SITE);
      const body = sent.text === '' ? undefined : (JSON.parse(sent.text) as Record<string, unknown>);
      if (sent.status >= 400 && spec.method !== 'HEAD') {
        expect(body, where).toEqual({
          message: expect.any(String),
          error: expect.any(String),
          status: sent.status,
          cause: expect.any(Array),
        });
      }
      learn(run, spec, sent.status, body);
    }

    // The payments.
    const after = snapshot(sandbox);
    const created = [...after.keys()].filter((id) => !before.has(id));
    expect(created.length, where).toBeLessThanOrEqual(1);
    if (created.length > 0) expect(spec.method === 'POST' && /^\/v1\/payments\/?$/.test(spec.path), where).toBe(true);
    expect(after.size, `${where}: a payment disappeared`).toBe(before.size + created.length);
    for (const [id, now] of after) {
      const then = before.get(id);
      if (then && then.status !== now.status) {
        count(`${then.status} → ${now.status}`);
        expect(TRANSITIONS[then.status], `${where}: payment ${id} moved ${then.status} → ${now.status}`).toContain(now.status);
      }
      if (now.status === 'cancelled') expect(now.captured, `${where}: cancelled payment ${id} is captured`).toBe(false);
      if (now.captured) expect(['approved', 'refunded']).toContain(now.status);
      // Refunds: only by a POST to this payment's refunds, one at a time.
      const madeRefunds = now.refunds - (then?.refunds ?? 0);
      expect(madeRefunds, `${where}: payment ${id} lost a refund`).toBeGreaterThanOrEqual(0);
      expect(madeRefunds, `${where}: payment ${id} got ${madeRefunds} refunds`).toBeLessThanOrEqual(1);
      if (madeRefunds > 0) {
        count('refunded');
        expect(spec.method === 'POST' && new RegExp(`^/v1/payments/${id}/refunds/?$`).test(spec.path), where).toBe(true);
      }
    }
    for (const payment of sandbox.payments.all()) {
      const sum = payment.refunds.reduce((total, refund) => total + cents(refund.amount), 0);
      expect(cents(payment.transaction_amount_refunded), `${where}: payment ${payment.id}'s refunds`).toBe(sum);
      expect(sum).toBeLessThanOrEqual(cents(payment.transaction_amount));
      expect(payment.status === 'refunded', `${where}: payment ${payment.id} ${payment.status} with ${sum} refunded`).toBe(
        sum > 0 && sum === cents(payment.transaction_amount),
      );
      if (payment.refunds.length > 0) expect(['approved', 'refunded']).toContain(payment.status);
    }
    const ids = [...sandbox.payments.all()].map((payment) => payment.id);
    expect(new Set(ids).size).toBe(ids.length);
    before = after;
  }
}

/** Remembers what the run made, so later commands can use it. */
function learn(run: Run, spec: Spec, status: number, body: Record<string, unknown> | undefined) {
  if (status === 201 && spec.path.startsWith('/v1/card_tokens') && typeof body?.id === 'string') run.tokens.push(body.id);
  if (status === 201 && /\/refunds\/?$/.test(spec.path)) {
    if (typeof body?.id === 'number' && !run.refunds.includes(body.id)) run.refunds.push(body.id);
    return;
  }
  if (status === 201 && spec.path.startsWith('/v1/payments') && typeof body?.id === 'number') {
    if (!run.ids.includes(body.id)) run.ids.push(body.id);
    const used = JSON.parse(spec.body!) as { token: string };
    run.tokens = run.tokens.filter((token) => token !== used.token);
  }
}

function newRun(sandbox?: Sandbox, clock = new ManualClock()): Run {
  return {
    sandbox: sandbox ?? createSandbox({ clock, corsOrigin: SITE }),
    clock,
    tokens: [],
    ids: [],
    refunds: [],
    keys: Array.from({ length: 8 }, (_, i) => `key-${i}`),
  };
}

/** Runs of 100 commands (about 110 requests each); PROPERTY_RUNS=2000 for a longer hunt. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 250);

describe('generated requests', () => {
  it('in-process: 10,000+ requests, every invariant after every one', { timeout: 600_000 }, async () => {
    requests = 0;
    tally.clear();
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 100, maxLength: 100 }), async (commands) => {
        await execute(newRun(), commands, inProcess);
      }),
      { numRuns: RUNS },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`property (in-process): ${requests} requests in ${seconds.toFixed(1)} s`, Object.fromEntries([...tally].sort()));
    expect(requests).toBeGreaterThanOrEqual(10_000);
    // The traffic reached the cases that matter, not only refusals.
    for (const what of [
      'create 201',
      'update 200',
      'authorized → cancelled',
      'authorized → approved',
      'in_process → cancelled',
      'approved → refunded',
      'refunded',
      'refund 201',
      'refund 400',
      'refunds 200',
      'refunds 404',
      'faulted',
      'dropped',
    ]) {
      expect(tally.get(what) ?? 0, what).toBeGreaterThan(20);
    }
  });

  it('over HTTP: 1,000+ requests against the real server', { timeout: 120_000 }, async () => {
    requests = 0;
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 100, maxLength: 100 }), async (commands) => {
        const clock = new ManualClock();
        const sandbox = createSandbox({ clock, corsOrigin: SITE });
        const server = await listen(sandbox.handlers, { port: 0 });
        try {
          await execute(newRun(sandbox, clock), commands, overHttp(server.url));
        } finally {
          await server.close();
        }
      }),
      { numRuns: 11 },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`property (HTTP): ${requests} requests in ${seconds.toFixed(1)} s`);
    expect(requests).toBeGreaterThanOrEqual(1_000);
  });

  it('no promise rejection went unhandled', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });
});
