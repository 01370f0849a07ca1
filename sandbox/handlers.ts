import { randomUUID } from 'node:crypto';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { causeStamp } from './api-date.ts';
import { ApiError, errors } from './api-error.ts';
import { Idempotency, type StoredResponse } from './idempotency.ts';
import { isObject, type JsonObject } from './json.ts';
import type { SandboxState } from './sandbox.ts';

/** The host the official SDKs call. Every adapter presents requests as addressed to it. */
export const API_ORIGIN = 'https://api.mercadopago.com';

/** Bodies past this size are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

interface Call {
  token: string;
  body: JsonObject;
  params: Record<string, string | readonly string[] | undefined>;
}

type Action = (call: Call) => { status: number; body: unknown };

interface Route {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  pattern: RegExp;
  /** POST /v1/payments must carry a key; elsewhere a key is honoured when sent. */
  idempotency: 'required' | 'optional' | 'none';
  action: (state: SandboxState) => Action;
}

const ROUTES: Route[] = [
  {
    method: 'POST',
    path: '/v1/card_tokens',
    pattern: /^\/v1\/card_tokens$/,
    idempotency: 'none',
    action: (state) => ({ body }) => ({ status: 201, body: state.cardTokens.create(body) }),
  },
  {
    method: 'POST',
    path: '/v1/payments',
    pattern: /^\/v1\/payments$/,
    idempotency: 'required',
    action: (state) => ({ body }) => ({ status: 201, body: state.payments.create(body, state.cardTokens) }),
  },
  {
    method: 'GET',
    path: '/v1/payments/:id',
    pattern: /^\/v1\/payments\/[^/]+$/,
    idempotency: 'none',
    action: (state) => ({ params }) => ({ status: 200, body: state.payments.get(paymentId(params.id)) }),
  },
  {
    method: 'PUT',
    path: '/v1/payments/:id',
    pattern: /^\/v1\/payments\/[^/]+$/,
    idempotency: 'optional',
    action: (state) => ({ params, body }) => ({
      status: 200,
      body: state.payments.update(paymentId(params.id), body),
    }),
  },
];

/**
 * The sandbox's one HTTP surface: msw request handlers over one sandbox's state.
 * The in-process adapter (`msw/node`) and the HTTP server both serve these.
 */
export function createHandlers(state: SandboxState): HttpHandler[] {
  const handlers = ROUTES.map((route) => {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put';
    const act = route.action(state);
    return http[method](`${API_ORIGIN}${route.path}`, ({ request, params }) =>
      respond(state, request, (text) =>
        answer(state, route, request, { token: bearerToken(request), body: parseBody(request, text), params }, act),
      ),
    );
  });
  // Everything else: 405 for a known path with another method, else the API's 404.
  handlers.push(
    http.all(`${API_ORIGIN}/*`, ({ request }) =>
      respond(state, request, () => {
        const path = new URL(request.url).pathname;
        const allow = ROUTES.filter((route) => route.pattern.test(path)).map((route) => route.method);
        if (allow.length > 0) throw errors.methodNotAllowed(request.method, path, allow);
        throw errors.routeNotFound(path);
      }),
    ),
  );
  return handlers;
}

function answer(state: SandboxState, route: Route, request: Request, call: Call, act: Action): StoredResponse {
  const key = request.headers.get('x-idempotency-key')?.trim() ?? '';
  if (route.idempotency === 'required' && key === '') throw errors.idempotencyKeyNull();
  const scope =
    route.idempotency !== 'none' && key !== ''
      ? Idempotency.scope(call.token, route.method, new URL(request.url).pathname, key)
      : undefined;
  const replay = scope && state.idempotency.get(scope);
  if (replay) return replay;
  // Only successes are stored: a refused request can be retried with the same key once fixed.
  const { status, body } = act(call);
  const stored = { status, body: JSON.stringify(body) };
  if (scope) state.idempotency.set(scope, stored);
  return stored;
}

async function respond(
  state: SandboxState,
  request: Request,
  handle: (text: string) => StoredResponse,
): Promise<Response> {
  const requestId = randomUUID();
  const url = new URL(request.url);
  const text = await request.text();
  let result: StoredResponse;
  let extraHeaders: Record<string, string> = {};
  try {
    if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw errors.bodyTooLarge(MAX_BODY_BYTES);
    result = handle(text);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    extraHeaders = error.headers;
    result = { status: error.status, body: JSON.stringify(error.body(causeStamp(state.clock.now(), requestId))) };
  }
  state.journal.record({
    requestId,
    at: state.clock.now(),
    method: request.method,
    path: url.pathname + url.search,
    headers: Object.fromEntries(request.headers),
    body: text,
    status: result.status,
    response: result.body,
  });
  return new HttpResponse(result.body, {
    status: result.status,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', 'X-Request-Id': requestId, ...extraHeaders },
  });
}

/** `Authorization: Bearer <token>`; anything else is the API's 401 cause 5. */
function bearerToken(request: Request): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  if (!match) throw errors.noToken();
  return match[1]!;
}

function parseBody(request: Request, text: string): JsonObject {
  if (request.method === 'GET' || request.method === 'HEAD' || text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw errors.malformedJson();
  }
  if (!isObject(parsed)) throw errors.bodyNotObject();
  return parsed;
}

/** Payment ids are positive integers; anything else names no payment. */
function paymentId(raw: Call['params'][string]): number {
  const text = typeof raw === 'string' ? raw : '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id)) throw errors.paymentNotFound();
  return id;
}
