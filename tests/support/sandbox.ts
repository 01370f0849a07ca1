/**
 * Test helpers: the in-process adapter (msw's `setupServer` over a sandbox's handlers,
 * plain `fetch` to the API's own origin) and typed request functions.
 */
import { randomUUID } from 'node:crypto';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import type { ErrorBody } from '../../sandbox/core/api-error.ts';
import { API_ORIGIN } from '../../sandbox/core/handlers.ts';
import type { Payment } from '../../sandbox/core/payment.ts';
import type { Refund } from '../../sandbox/core/refund.ts';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/core/sandbox.ts';
import { RESERVE_BODY, TEST_CARD } from '../../sandbox/core/test-cards.ts';
import { listen, type RunningServer } from '../../sandbox/node/http-server.ts';

export { API_ORIGIN };

/** One msw server per test file; each test serves its own sandbox through it. */
export function inProcessServer() {
  const server = setupServer();
  return {
    server,
    start: () => server.listen({ onUnhandledFrame: 'error' }),
    /** Routes `api.mercadopago.com` to this sandbox, replacing whichever sandbox was served before. */
    serve: (sandbox: Sandbox) => server.resetHandlers(...sandbox.handlers),
    stop: () => server.close(),
  };
}

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export { RESERVE_BODY, TEST_CARD };

export interface RequestOptions {
  /** Sent as `X-Idempotency-Key`; `null` leaves the header out. */
  key?: string | null;
  headers?: Record<string, string>;
  /** A raw string is sent as is (for malformed JSON). */
  body?: unknown;
}

/** Typed requests to the sandbox, as a reader's code makes them: plain `fetch` with a bearer token. */
export function api(accessToken = 'TEST-sandbox') {
  async function request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (accessToken !== '') headers.Authorization = `Bearer ${accessToken}`;
    if (options.key !== null && options.key !== undefined) headers['X-Idempotency-Key'] = options.key;
    Object.assign(headers, options.headers);
    const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const response = await fetch(`${API_ORIGIN}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  async function cardToken(cardholderName = 'APRO', card: Record<string, unknown> = {}) {
    return request<Record<string, unknown> & { id: string }>('POST', '/v1/card_tokens', {
      body: { ...TEST_CARD, cardholder: { ...TEST_CARD.cardholder, name: cardholderName }, ...card },
    });
  }

  /** A card token's id, failing loudly if the sandbox refused the card. */
  async function tokenId(cardholderName = 'APRO'): Promise<string> {
    const reply = await cardToken(cardholderName);
    if (reply.status !== 201) throw new Error(`card token refused: ${JSON.stringify(reply.body)}`);
    return reply.body.id;
  }

  function createPayment(body: Record<string, unknown>, key: string | null = randomUUID()) {
    return request<Payment>('POST', '/v1/payments', { body, key });
  }

  /** A payment from a fresh card token: a reserve unless `capture` says otherwise. */
  async function pay(cardholderName = 'APRO', body: Record<string, unknown> = {}) {
    return createPayment({ ...RESERVE_BODY, token: await tokenId(cardholderName), ...body });
  }

  return {
    request,
    cardToken,
    tokenId,
    createPayment,
    pay,
    /** An authorized reserve, or a failed test. */
    async reserve(body: Record<string, unknown> = {}): Promise<Payment> {
      const reply = await pay('APRO', body);
      if (reply.status !== 201 || reply.body.status !== 'authorized') {
        throw new Error(`reserve not made: ${reply.status} ${JSON.stringify(reply.body)}`);
      }
      return reply.body;
    },
    get: (id: number | string) => request<Payment>('GET', `/v1/payments/${id}`),
    update: (id: number | string, body: unknown, key?: string | null) => request<Payment>('PUT', `/v1/payments/${id}`, { body, key }),
    cancel: (id: number | string, status: unknown = 'cancelled') => request<Payment>('PUT', `/v1/payments/${id}`, { body: { status } }),
    capture: (id: number | string, transactionAmount?: number) =>
      request<Payment>('PUT', `/v1/payments/${id}`, {
        body: transactionAmount === undefined ? { capture: true } : { capture: true, transaction_amount: transactionAmount },
      }),
    /** `POST /v1/payments/{id}/refunds` with a fresh key; `body` undefined sends no body at all (Content-Type still JSON). */
    refund: (id: number | string, body?: unknown, key: string | null = randomUUID()) =>
      request<Refund>('POST', `/v1/payments/${id}/refunds`, { body, key }),
    refunds: (id: number | string) => request<Refund[]>('GET', `/v1/payments/${id}/refunds`),
    getRefund: (id: number | string, refundId: number | string) => request<Refund>('GET', `/v1/payments/${id}/refunds/${refundId}`),
  };
}

export type Api = ReturnType<typeof api>;

/** The first cause's code of an error reply, for short assertions. */
export function causeCode(reply: Reply): number | undefined {
  return (reply.body as ErrorBody).cause?.[0]?.code;
}

/** `2026-11-26T10:15:00.000-04:00`, as the API writes dates. */
export const API_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-04:00$/;

/**
 * A fresh sandbox served over real HTTP (any free port) for the tests of one file or
 * `describe` block: `const served = sandboxOverHttp();` then `served.sandbox`, `served.server.url`.
 */
export function sandboxOverHttp(options: SandboxOptions = {}): { sandbox: Sandbox; server: RunningServer } {
  const served = {} as { sandbox: Sandbox; server: RunningServer };
  beforeAll(async () => {
    served.sandbox = createSandbox(options);
    served.server = await listen(served.sandbox.handlers, { port: 0 });
  });
  afterAll(() => served.server.close());
  return served;
}
