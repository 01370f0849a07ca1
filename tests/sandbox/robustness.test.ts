/**
 * Bad input over the real HTTP server (sandbox/http-server.ts), sent byte for byte on a raw
 * socket so that nothing (fetch, a client library) tidies it first. Every request gets the
 * API's envelope with a sensible status and an X-Request-Id, and leaves the sandbox as it was.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../sandbox/core/sandbox.ts';
import { listen, type RunningServer } from '../../sandbox/node/http-server.ts';
import { RESERVE_BODY } from '../support/sandbox.ts';
import { head, type RawResponse, rawRequest } from './raw-http.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const AUTH: [string, string] = ['Authorization', 'Bearer TEST-robustness'];
const JSON_TYPE: [string, string] = ['Content-Type', 'application/json'];

let sandbox: Sandbox;
let server: RunningServer;
let reserveId: number;
let approvedId: number;
beforeAll(async () => {
  sandbox = createSandbox();
  server = await listen(sandbox.handlers, { port: 0 });
  reserveId = sandbox.createPayment().id;
  approvedId = sandbox.createPayment({ capture: true }).id;
  sandbox.createPayment({ cardholderName: 'CONT' });
});
afterAll(() => server.close());

// Bad input is expected, not an accident: the server must not report any of it as an unexpected error.
// (Collected by hand: vitest clears a spy's calls before each test, and a late log lands in the next one.)
const unexpected: unknown[][] = [];
const consoleError = console.error;
beforeAll(() => {
  console.error = (...args: unknown[]) => {
    unexpected.push(args);
    consoleError(...args);
  };
});
afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, 50));
  console.error = consoleError;
  expect(unexpected.map((args) => args.map(String).join(' '))).toEqual([]);
});

/** What a request could change: the payments (every field) and the armed faults. */
const state = () => JSON.stringify({ payments: [...sandbox.payments.all()], faults: sandbox.faults.list() });

/** A request with `Host` and `Connection: close`, and `Content-Length` when it has a body. */
function request(requestLine: string, headers: [string, string][] = [], body?: string | Buffer): string | Buffer {
  const all: [string, string][] = [['Host', 'localhost'], ...headers, ['Connection', 'close']];
  if (body !== undefined && !headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name))) {
    all.push(['Content-Length', String(Buffer.byteLength(body))]);
  }
  const text = head(requestLine, all);
  if (body === undefined) return text;
  return Buffer.concat([Buffer.from(text, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
}

function expectEnvelope(response: RawResponse, status: number) {
  expect(response.status, response.raw.slice(0, 300)).toBe(status);
  expect(response.headers['x-request-id']).toMatch(UUID);
  expect(response.headers['content-type']).toBe('application/json;charset=UTF-8');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  const body = JSON.parse(response.body) as { cause: unknown[] };
  expect(body).toEqual({ message: expect.any(String), error: expect.stringMatching(/^[a-z_]+$/), status, cause: expect.any(Array) });
  return body;
}

const post = (path: string, body: string | Buffer, headers: [string, string][] = [AUTH, JSON_TYPE, ['X-Idempotency-Key', randomUUID()]]) =>
  request(`POST ${path} HTTP/1.1`, headers, body);
const put = (path: string, body: string | Buffer, headers: [string, string][] = [AUTH, JSON_TYPE]) =>
  request(`PUT ${path} HTTP/1.1`, headers, body);
const get = (path: string, headers: [string, string][] = [AUTH]) => request(`GET ${path} HTTP/1.1`, headers);
/** `RESERVE` in a path stands for the reserve's id (the cases are listed before it exists). */
const withId = (path: string) => path.replaceAll('RESERVE', String(reserveId));
/** A creation body that is valid but for `change`, with a fresh card token. */
const creation = (change: Record<string, unknown>) => JSON.stringify({ ...RESERVE_BODY, token: sandbox.createCardToken(), ...change });
const big = (bytes: number) => JSON.stringify({ description: 'x'.repeat(bytes) });

interface Case {
  name: string;
  send: () => string | Buffer;
  status: number;
  /** The first cause's code; `null` for an empty `cause`. */
  code?: number | null;
  message?: RegExp;
}

const cases: Case[] = [
  // Bodies
  { name: 'malformed JSON on POST', send: () => post('/v1/payments', '{"transaction_amount": 100,'), status: 400, code: null },
  { name: 'malformed JSON on PUT', send: () => put(`/v1/payments/${reserveId}`, '{"status": "cancelled"'), status: 400, code: null },
  { name: 'a JSON array on POST', send: () => post('/v1/payments', `[${creation({})}]`), status: 400, code: null },
  { name: 'a JSON array on PUT', send: () => put(`/v1/payments/${reserveId}`, '["cancelled"]'), status: 400, code: null },
  { name: 'a JSON string on PUT', send: () => put(`/v1/payments/${reserveId}`, '"cancelled"'), status: 400, code: null },
  { name: 'JSON null on PUT', send: () => put(`/v1/payments/${reserveId}`, 'null'), status: 400, code: null },
  {
    name: 'invalid UTF-8 in the body',
    send: () => put(`/v1/payments/${reserveId}`, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
    status: 400,
    code: null,
  },
  {
    name: '"transaction_amount": "abc"',
    send: () => post('/v1/payments', creation({ transaction_amount: 'abc' })),
    status: 400,
    code: 4003,
  },
  {
    name: '"transaction_amount": 1e400 (Infinity)',
    send: () => post('/v1/payments', creation({}).replace('"transaction_amount":100', '"transaction_amount":1e400')),
    status: 400,
    code: 4003,
  },
  {
    name: '"capture": "yes" on POST',
    send: () => post('/v1/payments', creation({ capture: 'yes' })),
    status: 400,
    code: null,
    message: /capture/,
  },
  {
    name: '"capture": "yes" on PUT',
    send: () => put(`/v1/payments/${reserveId}`, '{"capture":"yes"}'),
    status: 400,
    code: null,
    message: /capture/,
  },
  {
    name: 'a capture of "75" on PUT',
    send: () => put(`/v1/payments/${reserveId}`, '{"capture":true,"transaction_amount":"75"}'),
    status: 400,
    code: 4003,
  },
  { name: 'a body over 1 MiB (Content-Length)', send: () => post('/v1/payments', big(1024 * 1024)), status: 413 },
  {
    name: 'a body over 1 MiB (chunked, no length)',
    send: () => {
      const body = big(1024 * 1024 + 10);
      const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
      return request(`PUT /v1/payments/${reserveId} HTTP/1.1`, [AUTH, JSON_TYPE, ['Transfer-Encoding', 'chunked']], chunked);
    },
    status: 413,
  },
  { name: 'a body of 5 MiB', send: () => put(`/v1/payments/${reserveId}`, big(5 * 1024 * 1024)), status: 413 },
  // Content types
  {
    name: 'text/plain',
    send: () => put(`/v1/payments/${reserveId}`, '{"status":"cancelled"}', [AUTH, ['Content-Type', 'text/plain']]),
    status: 415,
  },
  { name: 'no Content-Type', send: () => put(`/v1/payments/${reserveId}`, '{"status":"cancelled"}', [AUTH]), status: 415 },
  {
    name: 'a form (curl -d without -H)',
    send: () => put(`/v1/payments/${reserveId}`, 'status=cancelled', [AUTH, ['Content-Type', 'application/x-www-form-urlencoded']]),
    status: 415,
  },
  {
    name: 'Content-Type: application/json-patch+json',
    send: () => put(`/v1/payments/${reserveId}`, '{"status":"cancelled"}', [AUTH, ['Content-Type', 'application/json-patch+json']]),
    status: 415,
  },
  // Ids
  ...['abc', '-1', '1.5', '0x10', '1e3', '99999999999999999999', '1234567890123456', '%00', '%F0%9F', 'RESERVE%20', 'RESERVE%2F'].flatMap(
    (id): Case[] => [
      { name: `GET id ${id}`, send: () => get(withId(`/v1/payments/${id}`)), status: 404, code: 2000 },
      { name: `PUT id ${id}`, send: () => put(withId(`/v1/payments/${id}`), '{"status":"cancelled"}'), status: 404, code: 2000 },
    ],
  ),
  // Routes and methods
  ...[
    '/',
    '/v1',
    '/v1/refunds',
    '/v2/payments/1',
    '/v1/payments/RESERVE/chargebacks',
    '/v1/payments/RESERVE/refunds/1/more',
    '/V1/PAYMENTS/1',
    '/v1//payments',
    '/__sandbox',
    '/__sandbox/nothing',
    '/v1/payments/%2e%2e',
    '/v1/payments/../../etc/passwd',
  ].map((path): Case => ({ name: `unknown route ${path}`, send: () => get(withId(path)), status: 404, code: null })),
  { name: 'DELETE a payment', send: () => request(`DELETE /v1/payments/${reserveId} HTTP/1.1`, [AUTH]), status: 405 },
  { name: "PUT a payment's refunds", send: () => put(`/v1/payments/${approvedId}/refunds`, '{}'), status: 405 },
  // Refunds: each refusal leaves the payment as it was
  {
    name: 'malformed JSON on a refund',
    send: () => post(`/v1/payments/${approvedId}/refunds`, '{"amount": 5'),
    status: 400,
    code: null,
  },
  {
    name: 'a refund without X-Idempotency-Key',
    send: () => post(`/v1/payments/${approvedId}/refunds`, '', [AUTH, JSON_TYPE]),
    status: 400,
    code: 4292,
  },
  {
    name: 'a refund of "amount": 1e400 (Infinity)',
    send: () => post(`/v1/payments/${approvedId}/refunds`, '{"amount":1e400}'),
    status: 400,
    code: 4041,
  },
  {
    name: 'a refund of more than the payment',
    send: () => post(`/v1/payments/${approvedId}/refunds`, '{"amount":100.01}'),
    status: 400,
    code: 2017,
  },
  { name: 'a refund of the uncaptured reserve', send: () => post(`/v1/payments/${reserveId}/refunds`, ''), status: 400, code: 2063 },
  { name: 'a refund id that is not digits', send: () => get(`/v1/payments/${approvedId}/refunds/1.5`), status: 404, code: 2032 },
  { name: 'a refund of an id that is not digits', send: () => post('/v1/payments/1e3/refunds', ''), status: 404, code: 2000 },
  {
    name: 'PATCH a payment',
    send: () => request(`PATCH /v1/payments/${reserveId} HTTP/1.1`, [AUTH, JSON_TYPE], '{"status":"cancelled"}'),
    status: 405,
  },
  { name: 'POST to a payment', send: () => post(`/v1/payments/${reserveId}`, '{"status":"cancelled"}'), status: 405 },
  { name: 'PUT to the collection', send: () => put('/v1/payments', '{"status":"cancelled"}'), status: 405 },
  { name: 'GET the collection with a slash', send: () => get('/v1/payments/'), status: 405 },
  { name: 'GET the card tokens', send: () => get('/v1/card_tokens'), status: 405 },
  { name: 'an unknown method', send: () => request(`PURGE /v1/payments/${reserveId} HTTP/1.1`, [AUTH]), status: 405 },
  // Headers
  {
    name: 'Authorization twice',
    send: () => put(`/v1/payments/${reserveId}`, '{"status":"cancelled"}', [AUTH, AUTH, JSON_TYPE]),
    status: 400,
  },
  {
    name: 'two different tokens',
    send: () => put(`/v1/payments/${reserveId}`, '{"status":"cancelled"}', [AUTH, ['authorization', 'Bearer TEST-other'], JSON_TYPE]),
    status: 400,
  },
  {
    name: 'X-Idempotency-Key twice on POST',
    send: () => post('/v1/payments', creation({}), [AUTH, JSON_TYPE, ['X-Idempotency-Key', 'a'], ['X-Idempotency-Key', 'b']]),
    status: 400,
    message: /X-Idempotency-Key/,
  },
  {
    name: 'X-Idempotency-Key twice on PUT',
    send: () =>
      put(`/v1/payments/${reserveId}`, '{"status":"cancelled"}', [AUTH, JSON_TYPE, ['x-idempotency-key', 'a'], ['X-IDEMPOTENCY-KEY', 'a']]),
    status: 400,
  },
  { name: 'no Authorization', send: () => put(`/v1/payments/${reserveId}`, '{"status":"cancelled"}', [JSON_TYPE]), status: 401, code: 5 },
  { name: 'an empty bearer', send: () => get(`/v1/payments/${reserveId}`, [['Authorization', 'Bearer ']]), status: 401, code: 5 },
  { name: 'a token with a space', send: () => get(`/v1/payments/${reserveId}`, [['Authorization', 'Bearer a b']]), status: 401, code: 5 },
  {
    name: 'a 10 KB token',
    send: () => put(`/v1/payments/${reserveId}`, '{"status":"cancelled"}', [['Authorization', `Bearer ${'T'.repeat(10_240)}`], JSON_TYPE]),
    status: 401,
    code: null,
    message: /^Invalid access token$/,
  },
  { name: 'a control byte in a header', send: () => get(`/v1/payments/${reserveId}`, [AUTH, ['X-Odd', 'a\x01b']]), status: 400 },
  {
    name: 'a NUL in a header',
    send: () => put(`/v1/payments/${reserveId}`, '{"status":"cancelled"}', [AUTH, JSON_TYPE, ['X-Idempotency-Key', 'a\x00b']]),
    status: 400,
  },
  { name: 'a space in a header name', send: () => get(`/v1/payments/${reserveId}`, [AUTH, ['X Odd', '1']]), status: 400 },
  {
    name: 'bytes over 0x7F in a token',
    send: () => get('/v1/payments/123', [['Authorization', 'Bearer caf\xe9\xff']]),
    status: 404,
    code: 2000,
  },
  {
    name: 'bytes over 0x7F in Content-Type',
    send: () => put(`/v1/payments/${reserveId}`, '{"status":"cancelled"}', [AUTH, ['Content-Type', 'application/json\xff']]),
    status: 415,
  },
  {
    name: 'a header line without a colon',
    send: () => `GET /v1/payments/1 HTTP/1.1\r\nHost: x\r\nnonsense\r\nConnection: close\r\n\r\n`,
    status: 400,
  },
  { name: 'headers over 16 KB', send: () => get(`/v1/payments/${reserveId}`, [AUTH, ['X-Big', 'b'.repeat(17 * 1024)]]), status: 431 },
  {
    name: 'Content-Length and Transfer-Encoding together (smuggling)',
    send: () =>
      request(
        `PUT /v1/payments/${reserveId} HTTP/1.1`,
        [AUTH, JSON_TYPE, ['Content-Length', '4'], ['Transfer-Encoding', 'chunked']],
        '0\r\n\r\n',
      ),
    status: 400,
  },
  {
    name: 'a bad chunk size',
    send: () =>
      request(`PUT /v1/payments/${reserveId} HTTP/1.1`, [AUTH, JSON_TYPE, ['Transfer-Encoding', 'chunked']], 'zz\r\n{}\r\n0\r\n\r\n'),
    status: 400,
  },
  { name: 'a bad request line', send: () => 'GET\r\n\r\n', status: 400 },
  { name: 'an unknown HTTP version', send: () => `GET /v1/payments/1 HTTP/9.9\r\nHost: x\r\n\r\n`, status: 400 },
];

describe('bad input over HTTP: the envelope, a sensible status, nothing changed', () => {
  it.each(cases)('$name → $status', async ({ send, status, code, message }) => {
    const before = state();
    const response = await rawRequest(server.url, send());
    const body = expectEnvelope(response, status) as { message: string; cause: { code: number }[] };
    if (code === null) expect(body.cause).toEqual([]);
    if (typeof code === 'number') expect(body.cause[0]?.code).toBe(code);
    if (message) expect(body.message).toMatch(message);
    if (status === 405) expect(response.headers.allow).toMatch(/^(GET|POST|PUT)(, (GET|POST|PUT))*$/);
    expect(state()).toBe(before);
  });

  it("HEAD on a payment: 405 with the envelope's headers and no body", async () => {
    const before = state();
    const response = await rawRequest(server.url, request(`HEAD /v1/payments/${reserveId} HTTP/1.1`, [AUTH]));
    expect(response.status).toBe(405);
    expect(response.headers['x-request-id']).toMatch(UUID);
    expect(response.headers.allow).toBe('GET, PUT');
    expect(response.body).toBe('');
    expect(state()).toBe(before);
  });

  it('the reserve, the approved and the in-process payments are as they were, and the server still serves', async () => {
    const reply = await rawRequest(server.url, get(`/v1/payments/${reserveId}`));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ id: reserveId, status: 'authorized', captured: false });
    expect(JSON.parse((await rawRequest(server.url, get(`/v1/payments/${approvedId}`))).body)).toMatchObject({ status: 'approved' });
    expect(sandbox.payments.size).toBe(3);
  });

  it('a trailing slash is the same route, for idempotency keys too: one payment, one answer', async () => {
    const key = randomUUID();
    const body = creation({});
    const first = await rawRequest(server.url, post('/v1/payments', body, [AUTH, JSON_TYPE, ['X-Idempotency-Key', key]]));
    const again = await rawRequest(server.url, post('/v1/payments/', body, [AUTH, JSON_TYPE, ['X-Idempotency-Key', key]]));
    expect(first.status).toBe(201);
    expect([again.status, again.body]).toEqual([201, first.body]);
    expect(sandbox.payments.size).toBe(4);
  });
});
