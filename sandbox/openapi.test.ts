import { randomUUID } from 'node:crypto';
import { getResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { head, rawRequest } from '../tests/sandbox/raw-http.ts';
import { DAY_MS, ManualClock } from './core/clock.ts';
import { FAULT_STATUSES } from './core/faults.ts';
import { API_ORIGIN, MAX_BODY_BYTES } from './core/handlers.ts';
import { BUILD_VERSION } from './core/payment.ts';
import { createSandbox } from './core/sandbox.ts';
import { listen } from './node/http-server.ts';
import { createResponseValidator, type ResponseValidator, type Spec, validateSpec } from './openapi-validator.ts';

let spec: Spec;
let validate: ResponseValidator;
beforeAll(async () => {
  spec = await validateSpec();
  validate = createResponseValidator(spec);
});

const STAMP = '26-11-2026T14:00:00UTC;9d712998-ee4f-48ab-b359-d46d887e445e';
const fault503 = { message: 'Service unavailable', error: 'service_unavailable', status: 503, cause: [] };
const SITE = 'https://site.example';

describe('sandbox/openapi.yaml', () => {
  it("is valid OpenAPI 3.1 and describes exactly the sandbox's operations", () => {
    expect(spec.openapi).toBe('3.1.0');
    const operations = Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual([
      'DELETE /__sandbox/faults',
      'GET /__sandbox/faults',
      'GET /__sandbox/requests',
      'GET /v1/card_tokens/{id}',
      'GET /v1/payments/search',
      'GET /v1/payments/{id}',
      'GET /v1/payments/{id}/refunds',
      'GET /v1/payments/{id}/refunds/{refund_id}',
      'OPTIONS /__sandbox/faults',
      'OPTIONS /__sandbox/requests',
      'OPTIONS /v1/card_tokens',
      'OPTIONS /v1/card_tokens/{id}',
      'OPTIONS /v1/payments',
      'OPTIONS /v1/payments/search',
      'OPTIONS /v1/payments/{id}',
      'OPTIONS /v1/payments/{id}/refunds',
      'OPTIONS /v1/payments/{id}/refunds/{refund_id}',
      'POST /__sandbox/faults',
      'POST /v1/card_tokens',
      'POST /v1/payments',
      'POST /v1/payments/{id}/refunds',
      'PUT /v1/payments/{id}',
    ]);
  });
});

describe("a payment's build_version", () => {
  it("is this document's version: the sandbox's release", () => {
    expect(BUILD_VERSION).toBe((spec.info as { version: string }).version);
  });
});

describe('the validation the conformance check uses', () => {
  const payment = () => JSON.parse(JSON.stringify(createSandbox().createPayment())) as Record<string, unknown>;
  const check = (method: string, path: string, status: number, body: unknown) =>
    validate({ method, path, status, body: JSON.stringify(body) });

  it('accepts a real payment and a real error', () => {
    expect(check('GET', '/v1/payments/1', 200, payment())).toEqual([]);
    expect(
      check('PUT', '/v1/payments/1', 400, {
        message: 'Invalid status for update',
        error: 'bad_request',
        status: 400,
        cause: [{ code: 2016, description: 'Invalid status for update', data: STAMP }],
      }),
    ).toEqual([]);
  });

  it('rejects a payment with the US spelling "canceled"', () => {
    const errors = check('PUT', '/v1/payments/1', 200, { ...payment(), status: 'canceled' });
    expect(errors.join('\n')).toMatch(/\/status must be equal to one of the allowed values/);
  });

  it('rejects a payment with a field the spec does not know, or a missing one, or a wrong type', () => {
    expect(check('GET', '/v1/payments/1', 200, { ...payment(), refund_reason: null }).join('\n')).toMatch(
      /must NOT have additional properties 'refund_reason'/,
    );
    const { captured: _, ...noCaptured } = payment();
    expect(check('GET', '/v1/payments/1', 200, noCaptured).join('\n')).toMatch(/required property 'captured'/);
    expect(check('GET', '/v1/payments/1', 200, { ...payment(), id: '123' }).join('\n')).toMatch(/\/id must be integer/);
    expect(check('GET', '/v1/payments/1', 200, { ...payment(), date_created: '2026-11-26T10:15:00Z' })).not.toEqual([]);
  });

  it('rejects an error without `cause`, or with a cause code the route does not use', () => {
    expect(check('GET', '/v1/payments/1', 404, { message: 'Payment not found', error: 'not_found', status: 404 }).join('\n')).toMatch(
      /required property 'cause'/,
    );
    const wrongCode = { message: 'x', error: 'bad_request', status: 400, cause: [{ code: 2000, description: 'x', data: null }] };
    expect(check('PUT', '/v1/payments/1', 400, wrongCode).join('\n')).toMatch(
      /\/cause\/0\/code must be equal to one of the allowed values/,
    );
    const noData = { message: 'x', error: 'bad_request', status: 400, cause: [{ code: 2018, description: 'x' }] };
    expect(check('PUT', '/v1/payments/1', 400, noData).join('\n')).toMatch(/required property 'data'/);
  });

  it('rejects a status the route does not document, and a non-JSON body', () => {
    expect(check('GET', '/v1/payments/1', 400, {})).toEqual([
      'status 400 is not documented for GET /v1/payments/{id} (documented: 200, 401, 404, 408, 409, 423, 429, 500, 502, 503, 504)',
    ]);
    expect(check('DELETE', '/v1/payments/1', 200, payment())[0]).toMatch(/status 200 is not documented for x-unmatched-request/);
    expect(validate({ method: 'GET', path: '/v1/payments/1', status: 200, body: '<html>' })[0]).toMatch(/body is not JSON/);
  });

  it('checks documented headers when it is given them', () => {
    const body = JSON.stringify(payment());
    expect(validate({ method: 'GET', path: '/v1/payments/1', status: 200, body, headers: {} })).toEqual([
      'header X-Request-Id is missing',
      'header X-Content-Type-Options is missing',
    ]);
    const headers = { 'x-request-id': randomUUID(), 'x-content-type-options': 'nosniff' };
    expect(validate({ method: 'GET', path: '/v1/payments/1', status: 200, body, headers })).toEqual([]);
    expect(
      validate({ method: 'GET', path: '/v1/payments/1', status: 200, body, headers: { ...headers, 'x-content-type-options': 'sniff' } }),
    ).toEqual(['header X-Content-Type-Options: (body) must be equal to constant "nosniff"']);
    expect(validate({ method: 'PUT', path: '/v1/payments/1', status: 503, body: JSON.stringify(fault503), headers })).toEqual([
      'header Retry-After is missing',
    ]);
  });
});

describe('every route and error shape, through the handlers', () => {
  const clock = new ManualClock();
  const sandbox = createSandbox({ clock, corsOrigin: SITE });
  /** `${route} ${status}` for every response seen, to check the spec has no status the sandbox cannot give. */
  const seen = new Set<string>();

  interface Sent {
    status: number;
    headers: Headers;
    body: Record<string, unknown> & { cause?: { code: number }[] };
  }

  async function send(
    method: string,
    path: string,
    options: {
      body?: unknown;
      key?: string | null;
      auth?: string | null;
      headers?: Record<string, string>;
      /** `null`: no Content-Type header at all. */
      contentType?: string | null;
    } = {},
  ): Promise<Sent> {
    const headers = new Headers(options.headers);
    if (options.contentType !== null) headers.set('Content-Type', options.contentType ?? 'application/json');
    if (options.auth !== null) headers.set('Authorization', options.auth ?? 'Bearer TEST-123-112614-abc-456');
    if (options.key) headers.set('X-Idempotency-Key', options.key);
    const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const request = new Request(`${API_ORIGIN}${path}`, { method, headers, body });
    // Fetch adds `text/plain` to a string body; a request without any type is built this way.
    if (options.contentType === null) request.headers.delete('content-type');
    const response = await getResponse(sandbox.handlers, request);
    if (!response) throw new Error(`no handler answered ${method} ${path}`);
    const text = await response.text();
    // The same check as the conformance hook, plus the headers the journal does not keep.
    expect(validate({ method, path, status: response.status, body: text, headers: response.headers })).toEqual([]);
    seen.add(`${routeOf(method, path)} ${response.status}`);
    return { status: response.status, headers: response.headers, body: text === '' ? {} : JSON.parse(text) };
  }
  /** Arms a fault through the control route, as a test would over HTTP. */
  const arm = async (fault: Record<string, unknown>) => {
    const reply = await send('POST', '/__sandbox/faults', { body: fault, auth: null });
    expect(reply.status).toBe(201);
  };

  const card = (name = 'APRO', extra: Record<string, unknown> = {}) => ({
    card_number: '4509953566233704',
    expiration_month: 11,
    expiration_year: 2030,
    security_code: '123',
    cardholder: { name, identification: { type: 'DNI', number: '12345678' } },
    ...extra,
  });
  const token = async (name = 'APRO') => (await send('POST', '/v1/card_tokens', { body: card(name) })).body.id as string;
  const reserveBody = async (name = 'APRO', extra: Record<string, unknown> = {}) => ({
    transaction_amount: 100,
    token: await token(name),
    description: 'Reserve',
    installments: 1,
    payment_method_id: 'visa',
    payer: { email: 'test_user_123@testuser.com' },
    capture: false,
    ...extra,
  });
  const create = async (name = 'APRO', extra: Record<string, unknown> = {}) =>
    send('POST', '/v1/payments', { body: await reserveBody(name, extra), key: randomUUID() });
  const reserve = async () => {
    const reply = await create();
    expect(reply.body).toMatchObject({ status: 'authorized', status_detail: 'pending_capture' });
    return reply.body.id as number;
  };
  const code = (reply: Sent) => reply.body.cause?.[0]?.code;
  const tooBig = JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) });

  it('card tokens', async () => {
    const made = await send('POST', '/v1/card_tokens', { body: card('APRO') });
    expect(made.status).toBe(201);
    expect((await send('POST', '/v1/card_tokens', { body: card('APRO', { card_number: '1234' }) })).body.cause?.[0]?.code).toBe(1000);
    expect((await send('POST', '/v1/card_tokens', { body: '{"card_number":' })).status).toBe(400);
    expect((await send('POST', '/v1/card_tokens', { body: card(), auth: null })).status).toBe(401);
    expect((await send('POST', '/v1/card_tokens', { body: tooBig })).status).toBe(413);
    // An Amex, a Luhn-valid stranger and string dates: other shapes of the same resource.
    await send('POST', '/v1/card_tokens', { body: card('APRO', { card_number: '371180303257522', security_code: '1234' }) });
    await send('POST', '/v1/card_tokens', { body: card('APRO', { card_number: '4111 1111 1111 1111', expiration_month: '01' }) });
    // The expiry's documented codes: missing, out of range, already past (the clock is November 2026).
    for (const [change, expected] of [
      [{ expiration_month: '' }, 208],
      [{ expiration_year: undefined }, 209],
      [{ expiration_month: 13 }, 325],
      [{ expiration_year: 1999 }, 326],
      [{ expiration_month: 10, expiration_year: 2026 }, 325],
      [{ expiration_year: 2025 }, 326],
    ] as const) {
      expect(code(await send('POST', '/v1/card_tokens', { body: card('APRO', change) }))).toBe(expected);
    }
    expect((await send('POST', '/v1/card_tokens', { body: { card_id: '123', security_code: '123' } })).status).toBe(501);

    // Read back as POST answered it; unknown or used, 404 cause 2006.
    expect((await send('GET', `/v1/card_tokens/${made.body.id}`)).body).toEqual(made.body);
    expect(code(await send('GET', '/v1/card_tokens/0123456789abcdef0123456789abcdef'))).toBe(2006);
    expect((await send('GET', `/v1/card_tokens/${made.body.id}`, { auth: null })).status).toBe(401);
  });

  it('creating payments: reserve, replay, every outcome, every refusal', async () => {
    const body = await reserveBody('APRO', { external_reference: 'order-1', metadata: { order: 1 }, statement_descriptor: 'SHOP' });
    const key = randomUUID();
    const first = await send('POST', '/v1/payments', { body, key });
    expect(first.status).toBe(201);
    expect((await send('POST', '/v1/payments', { body, key })).body).toEqual(first.body);

    expect((await create('APRO', { capture: true })).body).toMatchObject({ status: 'approved', captured: true });
    expect((await create('APRO', { capture: 'false', installments: 3 })).body).toMatchObject({ status: 'authorized' });
    expect((await create('CONT')).body).toMatchObject({ status: 'in_process', status_detail: 'pending_contingency' });
    for (const name of ['OTHE', 'CALL', 'FUND', 'SECU', 'EXPI', 'FORM']) {
      expect((await create(name)).body).toMatchObject({ status: 'rejected', captured: false });
    }

    expect(code(await send('POST', '/v1/payments', { body: await reserveBody() }))).toBe(4292);
    expect(code(await send('POST', '/v1/payments', { body, key: randomUUID() }))).toBe(2006);
    const refusals: [Record<string, unknown>, number | undefined][] = [
      [{ transaction_amount: null }, 4002],
      [{ transaction_amount: 'ten' }, 4003],
      [{ token: '' }, 4000],
      [{ payment_method_id: '' }, 4001],
      [{ installments: undefined }, 4004],
      [{ installments: 0 }, 4005],
      [{ payer: { email: 'nope' } }, 4050],
      [{ capture: 'maybe' }, undefined],
    ];
    for (const [change, expected] of refusals) {
      const reply = await send('POST', '/v1/payments', { body: { ...(await reserveBody()), ...change }, key: randomUUID() });
      expect([reply.status, code(reply)]).toEqual([400, expected]);
    }
    expect((await send('POST', '/v1/payments', { body: '{oops', key: randomUUID() })).body.cause).toEqual([]);
    expect((await send('POST', '/v1/payments', { body: '"a string"', key: randomUUID() })).status).toBe(400);
    expect((await send('POST', '/v1/payments', { body, key: randomUUID(), auth: 'Basic abc' })).status).toBe(401);
    const pix = { transaction_amount: 100, payment_method_id: 'pix', payer: { email: 'test_user_123@testuser.com' } };
    expect((await send('POST', '/v1/payments', { body: pix, key: randomUUID() })).status).toBe(501);
    expect((await send('POST', '/v1/payments', { body: tooBig, key: randomUUID() })).status).toBe(413);
  });

  it('reading, cancelling and capturing', async () => {
    const id = await reserve();
    expect((await send('GET', `/v1/payments/${id}`)).body.status).toBe('authorized');
    expect((await send('GET', `/v1/payments/${id}/`)).status).toBe(200);
    expect(code(await send('GET', '/v1/payments/999'))).toBe(2000);
    expect(code(await send('GET', '/v1/payments/abc'))).toBe(2000);
    expect((await send('GET', `/v1/payments/${id}`, { auth: null })).status).toBe(401);

    // Cancel, then cancel again: 2018.
    const cancelled = await send('PUT', `/v1/payments/${id}`, { body: { status: 'cancelled' }, key: randomUUID() });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', status_detail: 'by_collector', captured: false });
    expect(code(await send('PUT', `/v1/payments/${id}`, { body: { status: 'cancelled' } }))).toBe(2018);

    const other = await reserve();
    expect(code(await send('PUT', `/v1/payments/${other}`, { body: { status: 'canceled' } }))).toBe(2016);
    expect(code(await send('PUT', `/v1/payments/${other}`, { body: {} }))).toBe(4017);
    expect(code(await send('PUT', `/v1/payments/${other}`, { body: { capture: true, transaction_amount: 101 } }))).toBe(2017);
    expect(code(await send('PUT', `/v1/payments/${other}`, { body: { capture: true, transaction_amount: '75' } }))).toBe(4003);
    expect((await send('PUT', `/v1/payments/${other}`, { body: { capture: false } })).body.cause).toEqual([]);
    expect((await send('PUT', `/v1/payments/${other}`, { body: '{"status":' })).body.cause).toEqual([]);
    expect((await send('PUT', `/v1/payments/${other}`, { body: '[]' })).status).toBe(400);
    expect(code(await send('PUT', '/v1/payments/999', { body: { status: 'cancelled' } }))).toBe(2000);
    expect((await send('PUT', `/v1/payments/${other}`, { body: { status: 'cancelled' }, auth: null })).status).toBe(401);
    expect((await send('PUT', `/v1/payments/${other}`, { body: tooBig })).status).toBe(413);

    // Full capture (with a replayed key), then capturing again: 2018.
    const key = randomUUID();
    const captured = await send('PUT', `/v1/payments/${other}`, { body: { capture: true }, key });
    expect(captured.body).toMatchObject({ status: 'approved', status_detail: 'accredited', captured: true });
    expect((await send('PUT', `/v1/payments/${other}`, { body: { capture: true }, key })).body).toEqual(captured.body);
    expect(code(await send('PUT', `/v1/payments/${other}`, { body: { capture: true } }))).toBe(2018);
    expect(code(await send('PUT', `/v1/payments/${other}`, { body: { status: 'cancelled' } }))).toBe(2018);

    // Partial capture.
    const partial = await reserve();
    const part = await send('PUT', `/v1/payments/${partial}`, { body: { capture: true, transaction_amount: 75 } });
    expect(part.body).toMatchObject({ status: 'approved', transaction_amount: 75, captured: true });

    // An in-process payment can be cancelled; a rejected one cannot.
    const contingency = (await create('CONT')).body.id;
    expect((await send('PUT', `/v1/payments/${contingency}`, { body: { status: 'cancelled' } })).status).toBe(200);
    const rejected = (await create('OTHE')).body.id;
    expect(code(await send('PUT', `/v1/payments/${rejected}`, { body: { status: 'cancelled' } }))).toBe(2018);

    // A reserve left past its deadline lapses.
    const lapsing = await reserve();
    clock.advance(8 * DAY_MS);
    expect((await send('GET', `/v1/payments/${lapsing}`)).body).toMatchObject({ status: 'cancelled', status_detail: 'expired' });
  });

  it('refunding, listing and reading refunds, and every refusal', async () => {
    const approved = async (amount = 100) => (await create('APRO', { capture: true, transaction_amount: amount })).body.id as number;
    const refunds = (id: number) => `/v1/payments/${id}/refunds`;
    const id = await approved();

    // Partial, then the rest (no body), each refund in the payment's `refunds`.
    const partial = await send('POST', refunds(id), { body: { amount: 25.5 }, key: randomUUID() });
    expect(partial).toMatchObject({ status: 201, body: { amount: 25.5, status: 'approved' } });
    expect((await send('GET', `/v1/payments/${id}`)).body).toMatchObject({ status: 'approved', status_detail: 'partially_refunded' });
    const key = randomUUID();
    const rest = await send('POST', refunds(id), { key, contentType: null });
    expect(rest).toMatchObject({ status: 201, body: { amount: 74.5 } });
    expect((await send('POST', refunds(id), { key, contentType: null })).body).toEqual(rest.body);
    expect((await send('GET', `/v1/payments/${id}`)).body).toMatchObject({ status: 'refunded', status_detail: 'refunded' });
    expect((await send('GET', refunds(id))).body).toHaveLength(2);
    expect((await send('GET', `${refunds(id)}/`)).status).toBe(200);
    expect((await send('GET', `${refunds(id)}/${partial.body.id}`)).body).toEqual(partial.body);

    // Every refusal of POST.
    const other = await approved(10);
    const refusals: [number, Record<string, unknown> | string | undefined, string | null, number | undefined][] = [
      [id, undefined, randomUUID(), 2063],
      [await reserve(), {}, randomUUID(), 2063],
      [other, undefined, null, 4292],
      [other, { amount: 'ten' }, randomUUID(), 4041],
      [other, { amount: 0 }, randomUUID(), 4040],
      [other, { amount: 10.01 }, randomUUID(), 2017],
      [other, '{"amount":', randomUUID(), undefined],
      [other, '[1]', randomUUID(), undefined],
    ];
    for (const [target, body, refundKey, expected] of refusals) {
      const reply = await send('POST', refunds(target), { body, key: refundKey });
      expect([reply.status, code(reply)]).toEqual([400, expected]);
    }
    const many = await approved(100);
    for (let i = 0; i < 20; i++) await send('POST', refunds(many), { body: { amount: 1 }, key: randomUUID() });
    expect(code(await send('POST', refunds(many), { body: { amount: 1 }, key: randomUUID() }))).toBe(3024);

    // 401, 404 and 413 on each route.
    for (const [method, path] of [
      ['POST', refunds(other)],
      ['GET', refunds(other)],
      ['GET', `${refunds(id)}/${partial.body.id}`],
    ] as const) {
      expect((await send(method, path, { auth: null, key: randomUUID() })).status).toBe(401);
    }
    expect(code(await send('POST', refunds(999), { key: randomUUID() }))).toBe(2000);
    expect(code(await send('GET', refunds(999)))).toBe(2000);
    expect(code(await send('GET', `${refunds(999)}/1`))).toBe(2000);
    expect(code(await send('GET', `${refunds(other)}/1`))).toBe(2032);
    expect(code(await send('GET', `${refunds(other)}/abc`))).toBe(2032);
    expect((await send('POST', refunds(other), { body: tooBig, key: randomUUID() })).status).toBe(413);
    expect((await send('PUT', refunds(other), { body: {} })).headers.get('allow')).toBe('POST, GET');
  });

  it('the catch-all: 405 on a known path, 404 elsewhere, 413 then 415 first', async () => {
    expect((await send('DELETE', '/v1/payments/123')).status).toBe(405);
    expect((await send('GET', '/v1/payments')).status).toBe(405);
    expect((await send('GET', '/v1/card_tokens')).status).toBe(405);
    expect((await send('PATCH', '/v1/payments/123', { body: { status: 'cancelled' }, auth: null })).status).toBe(405);
    expect((await send('PUT', '/__sandbox/faults', { auth: null })).headers.get('allow')).toBe('POST, GET, DELETE');
    expect((await send('GET', '/v1/nowhere')).status).toBe(404);
    expect((await send('GET', '/v1/orders')).status).toBe(501);
    expect((await send('POST', '/v1/customers/123/cards', { body: {}, auth: null })).status).toBe(501);
    expect((await send('GET', '/v1/payments/')).status).toBe(405); // the collection, with a trailing slash: only POST
    expect((await send('PUT', '/v1/card_tokens/abc', { body: {} })).headers.get('allow')).toBe('GET');
    expect((await send('POST', '/v1/refunds', { body: tooBig })).status).toBe(413);
    expect((await send('POST', '/v1/refunds', { body: '{}', contentType: 'text/plain' })).status).toBe(415);
  });

  it('415 for a non-empty body not declared application/json, on every route that takes a body', async () => {
    const id = await reserve();
    const routes = [
      ['POST', '/v1/card_tokens'],
      ['POST', '/v1/payments'],
      ['PUT', `/v1/payments/${id}`],
      ['POST', `/v1/payments/${id}/refunds`],
      ['POST', '/__sandbox/faults'],
      ['DELETE', '/__sandbox/faults'],
      ['OPTIONS', '/v1/card_tokens'],
      ['OPTIONS', '/v1/card_tokens/abc'],
      ['OPTIONS', '/v1/payments'],
      ['OPTIONS', `/v1/payments/${id}`],
      ['OPTIONS', `/v1/payments/${id}/refunds`],
      ['OPTIONS', `/v1/payments/${id}/refunds/1`],
      ['OPTIONS', '/v1/payments/search'],
      ['OPTIONS', '/__sandbox/faults'],
      ['OPTIONS', '/__sandbox/requests'],
    ] as const;
    for (const [method, path] of routes) {
      for (const contentType of ['text/plain', null, 'application/jsonp', 'text/json']) {
        const reply = await send(method, path, { body: '{"status":"cancelled"}', contentType, key: randomUUID() });
        expect([method, path, contentType, reply.status, reply.body.error]).toEqual([
          method,
          path,
          contentType,
          415,
          'unsupported_media_type',
        ]);
      }
    }
    expect((await send('GET', `/v1/payments/${id}`)).body.status).toBe('authorized');
    // Parameters are fine, and so is any case.
    const cancelled = await send('PUT', `/v1/payments/${id}`, {
      body: { status: 'cancelled' },
      contentType: 'Application/JSON; charset=utf-8',
    });
    expect(cancelled.body.status).toBe('cancelled');
    // An empty body needs no type.
    expect((await send('DELETE', '/__sandbox/faults', { auth: null, contentType: null })).status).toBe(200);
  });

  it('413 on the control routes and on OPTIONS too', async () => {
    for (const [method, path] of [
      ['POST', '/__sandbox/faults'],
      ['DELETE', '/__sandbox/faults'],
      ['OPTIONS', '/v1/card_tokens'],
      ['OPTIONS', '/v1/card_tokens/abc'],
      ['OPTIONS', '/v1/payments'],
      ['OPTIONS', '/v1/payments/1'],
      ['OPTIONS', '/v1/payments/1/refunds'],
      ['OPTIONS', '/v1/payments/1/refunds/1'],
      ['OPTIONS', '/v1/payments/search'],
      ['OPTIONS', '/__sandbox/faults'],
      ['OPTIONS', '/__sandbox/requests'],
    ]) {
      expect((await send(method!, path!, { body: tooBig, auth: null })).status).toBe(413);
    }
  });

  it('401 "Invalid access token" for a token over 512 characters, on every API route', async () => {
    const id = await reserve();
    const auth = `Bearer TEST-${'x'.repeat(600)}`;
    const requests: [string, string, unknown][] = [
      ['GET', `/v1/payments/${id}`, undefined],
      ['PUT', `/v1/payments/${id}`, { status: 'cancelled' }],
      ['POST', '/v1/payments', await reserveBody()],
      ['POST', '/v1/card_tokens', card()],
      ['GET', '/v1/card_tokens/abc', undefined],
      ['POST', `/v1/payments/${id}/refunds`, {}],
      ['GET', `/v1/payments/${id}/refunds`, undefined],
      ['GET', `/v1/payments/${id}/refunds/1`, undefined],
      ['GET', '/v1/payments/search', undefined],
    ];
    for (const [method, path, body] of requests) {
      const reply = await send(method, path, { body, auth, key: randomUUID() });
      expect(reply.body).toEqual({ message: 'Invalid access token', error: 'unauthorized', status: 401, cause: [] });
    }
    expect((await send('GET', `/v1/payments/${id}`, { auth: `Bearer ${'x'.repeat(512)}` })).body.status).toBe('authorized');
  });

  it('an armed fault answers its status on every API route and on the catch-all; control routes never', async () => {
    const id = await reserve();
    const targets: [string, string, string, unknown][] = [
      ['GET', '/v1/payments/:id', `/v1/payments/${id}`, undefined],
      ['PUT', '/v1/payments/:id', `/v1/payments/${id}`, { status: 'cancelled' }],
      ['POST', '/v1/payments', '/v1/payments', {}],
      ['POST', '/v1/card_tokens', '/v1/card_tokens', card()],
      ['GET', '/v1/card_tokens/:id', '/v1/card_tokens/abc', undefined],
      ['OPTIONS', '/v1/card_tokens/:id', '/v1/card_tokens/abc', undefined],
      ['POST', '/v1/payments/:id/refunds', `/v1/payments/${id}/refunds`, {}],
      ['GET', '/v1/payments/:id/refunds', `/v1/payments/${id}/refunds`, undefined],
      ['GET', '/v1/payments/:id/refunds/:refund', `/v1/payments/${id}/refunds/1`, undefined],
      ['GET', '/v1/payments/search', '/v1/payments/search', undefined],
      ['OPTIONS', '/v1/payments/search', '/v1/payments/search', undefined],
      ['OPTIONS', '/v1/payments/:id/refunds', `/v1/payments/${id}/refunds`, undefined],
      ['OPTIONS', '/v1/payments/:id/refunds/:refund', `/v1/payments/${id}/refunds/1`, undefined],
      ['OPTIONS', '/v1/payments/:id', `/v1/payments/${id}`, undefined],
      ['OPTIONS', '/v1/payments', '/v1/payments', undefined],
      ['OPTIONS', '/v1/card_tokens', '/v1/card_tokens', undefined],
      ['GET', '/v1/orders', '/v1/orders', undefined],
      ['GET', '/v1/nowhere', '/v1/nowhere', undefined],
    ];
    for (const [method, pattern, path, body] of targets) {
      for (const status of FAULT_STATUSES) {
        await arm({ status, method, path: pattern, retryAfter: 0 });
        const reply = await send(method, path, { body, key: randomUUID() });
        expect([method, path, reply.status, reply.body.cause]).toEqual([method, path, status, []]);
        expect(reply.headers.get('retry-after')).toBe(status === 429 || status === 503 ? '0' : null);
      }
    }
    // Faults armed `before` changed nothing.
    expect((await send('GET', `/v1/payments/${id}`)).body.status).toBe('authorized');
    expect((await send('GET', '/__sandbox/faults', { auth: null })).body).toEqual([]);

    // A fault for every request leaves every control route alone, whatever the method.
    await arm({ status: 503, times: null });
    for (const [method, path, status] of [
      ['GET', '/__sandbox/faults', 200],
      ['GET', '/__sandbox/requests', 200],
      ['PUT', '/__sandbox/requests', 405],
      ['OPTIONS', '/__sandbox/faults', 405],
    ] as const) {
      expect((await send(method, path, { auth: null })).status).toBe(status);
    }
    expect((await send('GET', `/v1/payments/${id}`)).status).toBe(503);
    expect((await send('DELETE', '/__sandbox/faults', { auth: null })).body).toEqual([]);
    expect((await send('GET', `/v1/payments/${id}`)).status).toBe(200);
  });

  it('the control routes: arm, list, clear, the journal, and what they refuse', async () => {
    const armed = await send('POST', '/__sandbox/faults', {
      body: { status: 503, times: 2, method: 'put', path: '/v1/payments/:id', retryAfter: 2 },
      auth: null,
    });
    expect(armed).toMatchObject({
      status: 201,
      body: { method: 'PUT', path: '/v1/payments/:id', status: 503, retryAfter: 2, when: 'before', remaining: 2 },
    });
    await arm({ drop: true, when: 'after', times: null, path: '/nowhere' });
    await arm({ delayMs: 1, method: 'GET', path: '/nowhere', status: 429 });
    const listed = await send('GET', '/__sandbox/faults', { auth: null });
    expect(listed.body).toHaveLength(3);

    const refused = [
      {},
      { status: 200 },
      { status: '503' },
      { status: 503, times: 0 },
      { status: 503, times: 1.5 },
      { status: 503, when: 'later' },
      { status: 503, method: 1 },
      { status: 503, path: ['/v1'] },
      { status: 429, retryAfter: -1 },
      { status: 429, retryAfter: 0.5 },
      { delayMs: 60_001 },
      { drop: 'yes' },
    ];
    for (const body of refused) {
      const reply = await send('POST', '/__sandbox/faults', { body, auth: null });
      expect([body, reply.status, reply.body.cause]).toEqual([body, 400, []]);
    }
    expect((await send('POST', '/__sandbox/faults', { body: '{"status":', auth: null })).status).toBe(400);
    expect((await send('POST', '/__sandbox/faults', { body: '[503]', auth: null })).status).toBe(400);

    expect((await send('DELETE', '/__sandbox/faults', { auth: null })).body).toEqual([]);
    expect((await send('GET', '/__sandbox/faults', { auth: null })).body).toEqual([]);

    // The journal, with a dropped request and a long body among its entries.
    await arm({ drop: true, path: '/v1/payments/:id' });
    await expect(getResponse(sandbox.handlers, new Request(`${API_ORIGIN}/v1/payments/1`))).resolves.toMatchObject({ type: 'error' });
    await send('POST', '/v1/card_tokens', { body: { padding: 'x'.repeat(70_000) } });
    const journal = await send('GET', '/__sandbox/requests', { auth: null });
    const entries = journal.body as unknown as { method: string; path: string; status: number; bodyTruncated?: true }[];
    expect(entries.at(-1)).toMatchObject({ method: 'POST', path: '/v1/card_tokens', status: 400, bodyTruncated: true });
    expect(entries.at(-2)).toMatchObject({ method: 'GET', path: '/v1/payments/1', status: 0 });
  });

  it('CORS: a preflight from the configured origin is 204 on any path; any other OPTIONS is the catch-all', async () => {
    for (const path of [
      '/v1/card_tokens',
      '/v1/card_tokens/abc',
      '/v1/payments',
      '/v1/payments/1',
      '/v1/payments/1/refunds',
      '/v1/payments/1/refunds/1',
      '/v1/payments/search',
      '/__sandbox/faults',
      '/__sandbox/requests',
      '/v1/nowhere',
      '/v1/orders',
    ]) {
      const preflight = await send('OPTIONS', path, {
        headers: { Origin: SITE, 'Access-Control-Request-Method': 'PUT' },
        auth: null,
        contentType: null,
      });
      expect([path, preflight.status, preflight.headers.get('access-control-allow-origin')]).toEqual([path, 204, SITE]);
      for (const headers of [{ Origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
        const other = await send('OPTIONS', path, { headers, auth: null, contentType: null });
        expect([path, other.status, other.headers.get('access-control-allow-origin')]).toEqual([
          path,
          path === '/v1/nowhere' ? 404 : path === '/v1/orders' ? 501 : 405,
          null,
        ]);
      }
    }
    // Any answer to the site carries the header, errors included.
    const id = await reserve();
    for (const path of [`/v1/payments/${id}`, '/v1/payments/999', '/v1/nowhere']) {
      expect((await send('GET', path, { headers: { Origin: SITE } })).headers.get('access-control-allow-origin')).toBe(SITE);
    }
  });

  it('search: a page of payments, or 400 for a sort it does not know', async () => {
    const id = await reserve();
    const found = await send('GET', `/v1/payments/search?id=${id}`);
    expect([found.status, found.body.paging]).toEqual([200, { total: 1, limit: 30, offset: 0 }]);
    const refused = await send('GET', '/v1/payments/search?sort=amount');
    expect([refused.status, refused.body.cause?.[0]?.code]).toEqual([400, 1003]);
  });

  it("exercised every documented status of every route (but the HTTP server's own 500 on control routes)", () => {
    const documented: string[] = [];
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      for (const [method, operation] of Object.entries(item)) {
        const responses = (operation as { responses?: Record<string, unknown> }).responses;
        if (!responses) continue;
        for (const status of Object.keys(responses)) documented.push(`${method.toUpperCase()} ${path} ${status}`);
      }
    }
    for (const status of Object.keys(spec['x-unmatched-request']?.responses ?? {})) documented.push(`unmatched ${status}`);
    // Control routes are never faulted: their 500 can only come from the HTTP server breaking.
    const adapterOnly = (entry: string) => entry.includes(' /__sandbox/') && entry.endsWith(' 500');
    expect(documented.filter((entry) => !adapterOnly(entry) && !seen.has(entry))).toEqual([]);
    expect([...seen].filter((entry) => !documented.includes(entry))).toEqual([]);
  });
});

describe('x-adapter-responses: what the HTTP server answers by itself', () => {
  it('its 400s and 431 conform, headers included', async () => {
    const server = await listen(createSandbox().handlers);
    const adapter = createResponseValidator({
      paths: {},
      'x-unmatched-request': spec['x-adapter-responses'] as Spec['x-unmatched-request'],
    });
    const auth: [string, string] = ['Authorization', 'Bearer TEST-1'];
    const cases: [string, number][] = [
      [
        head('GET /v1/payments/1 HTTP/1.1', [
          ['Host', 'x'],
          ['X-Odd', 'a\x01b'],
          ['Connection', 'close'],
        ]),
        400,
      ],
      [
        head('GET /v1/payments/1 HTTP/1.1', [
          ['Host', 'x'],
          ['X-Big', 'a'.repeat(17 * 1024)],
          ['Connection', 'close'],
        ]),
        431,
      ],
      [head('GET /v1/payments/1 HTTP/1.1', [['Host', 'x'], auth, auth, ['Connection', 'close']]), 400],
      [
        head('PUT /v1/payments/1 HTTP/1.1', [
          ['Host', 'x'],
          auth,
          ['X-Idempotency-Key', 'a'],
          ['X-Idempotency-Key', 'b'],
          ['Content-Length', '0'],
          ['Connection', 'close'],
        ]),
        400,
      ],
    ];
    try {
      for (const [request, status] of cases) {
        const response = await rawRequest(server.url, request);
        expect(response.status).toBe(status);
        expect(adapter({ method: 'GET', path: '/', status, body: response.body, headers: response.headers })).toEqual([]);
      }
    } finally {
      await server.close();
    }
  });
});

/** The spec route a request lands on, as the validator routes it (written out, not read from the spec). */
function routeOf(method: string, path: string): string {
  const pathname = path.split('?')[0]!;
  const routes: [RegExp, string, string[]][] = [
    [/^\/v1\/card_tokens\/?$/, '/v1/card_tokens', ['POST', 'OPTIONS']],
    [/^\/v1\/card_tokens\/[^/]+\/?$/, '/v1/card_tokens/{id}', ['GET', 'OPTIONS']],
    [/^\/v1\/payments\/?$/, '/v1/payments', ['POST', 'OPTIONS']],
    [/^\/v1\/payments\/search\/?$/, '/v1/payments/search', ['GET', 'OPTIONS']],
    [/^\/v1\/payments\/[^/]+\/?$/, '/v1/payments/{id}', ['GET', 'PUT', 'OPTIONS']],
    [/^\/v1\/payments\/[^/]+\/refunds\/?$/, '/v1/payments/{id}/refunds', ['POST', 'GET', 'OPTIONS']],
    [/^\/v1\/payments\/[^/]+\/refunds\/[^/]+\/?$/, '/v1/payments/{id}/refunds/{refund_id}', ['GET', 'OPTIONS']],
    [/^\/__sandbox\/faults\/?$/, '/__sandbox/faults', ['POST', 'GET', 'DELETE', 'OPTIONS']],
    [/^\/__sandbox\/requests\/?$/, '/__sandbox/requests', ['GET', 'OPTIONS']],
  ];
  const route = routes.find(([pattern, , methods]) => pattern.test(pathname) && methods.includes(method));
  return route ? `${method} ${route[1]}` : 'unmatched';
}
