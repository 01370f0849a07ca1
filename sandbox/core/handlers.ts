import { delay, type HttpHandler, HttpResponse, http, matchRequestUrl } from 'msw';
import { causeStamp } from './api-date.ts';
import { ApiError, errors } from './api-error.ts';
import { API_ORIGIN } from './api-origin.ts';
import { faultError } from './faults.ts';
import { Idempotency, type StoredResponse } from './idempotency.ts';
import { isObject, type JsonObject } from './json.ts';
import { isNotEmulatedPath } from './not-emulated.ts';
import { randomUUID } from './random.ts';
import type { SandboxState } from './state.ts';

export { API_ORIGIN };

const utf8 = new TextEncoder();

/** Bodies past this size are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Real access tokens are under 100 characters; a far longer one is refused, not stored. */
const MAX_TOKEN_LENGTH = 512;

/** Where the sandbox's own controls live, outside the API's paths. */
export const CONTROL_PREFIX = '/__sandbox';

interface Call {
  token: string;
  body: JsonObject;
  params: Record<string, string | readonly string[] | undefined>;
  query: URLSearchParams;
}

type Action = (call: Call) => { status: number; body: unknown };

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** An msw path: it routes the request, and also decides the 405's Allow list. */
  path: string;
  /** POST /v1/payments and its refunds must carry a key; elsewhere a key is honoured when sent. */
  idempotency: 'required' | 'optional' | 'none';
  /** The sandbox's control routes need no access token. */
  control?: true;
  action: (state: SandboxState) => Action;
}

const ROUTES: Route[] = [
  // Before `/v1/payments/:id`, which would take `search` for an id and answer 2000.
  {
    method: 'GET',
    path: '/v1/payments/search',
    idempotency: 'none',
    action:
      (state) =>
      ({ query, token }) => ({ status: 200, body: state.payments.search(query, token) }),
  },
  {
    method: 'GET',
    path: '/v1/payments/:id',
    idempotency: 'none',
    action:
      (state) =>
      ({ params }) => ({ status: 200, body: state.payments.get(paymentId(params.id)) }),
  },
  {
    method: 'PUT',
    path: '/v1/payments/:id',
    idempotency: 'optional',
    action:
      (state) =>
      ({ params, body }) => ({ status: 200, body: state.payments.update(paymentId(params.id), body) }),
  },
  {
    method: 'POST',
    path: '/v1/payments/:id/refunds',
    // Required (the current API reference, and a probe of the API); a replayed key gets the first answer (our choice).
    idempotency: 'required',
    action:
      (state) =>
      ({ params, body }) => ({ status: 201, body: state.payments.refund(paymentId(params.id), body) }),
  },
  {
    method: 'GET',
    path: '/v1/payments/:id/refunds',
    idempotency: 'none',
    action:
      (state) =>
      ({ params }) => ({ status: 200, body: state.payments.refunds(paymentId(params.id)) }),
  },
  {
    method: 'GET',
    path: '/v1/payments/:id/refunds/:refund_id',
    idempotency: 'none',
    action:
      (state) =>
      ({ params }) => ({ status: 200, body: state.payments.findRefund(paymentId(params.id), refundId(params.refund_id)) }),
  },
  {
    method: 'POST',
    path: '/v1/payments',
    idempotency: 'required',
    action:
      (state) =>
      ({ body, token }) => ({ status: 201, body: state.payments.create(body, state.cardTokens, token) }),
  },
  {
    method: 'POST',
    path: '/v1/card_tokens',
    idempotency: 'none',
    action:
      (state) =>
      ({ body }) => ({ status: 201, body: state.cardTokens.create(body) }),
  },
  {
    method: 'GET',
    path: '/v1/card_tokens/:id',
    idempotency: 'none',
    action:
      (state) =>
      ({ params }) => ({ status: 200, body: state.cardTokens.get(typeof params.id === 'string' ? params.id : '') }),
  },
  {
    method: 'POST',
    path: `${CONTROL_PREFIX}/faults`,
    idempotency: 'none',
    control: true,
    action:
      (state) =>
      ({ body }) => ({ status: 201, body: state.faults.add(body) }),
  },
  {
    method: 'GET',
    path: `${CONTROL_PREFIX}/faults`,
    idempotency: 'none',
    control: true,
    action: (state) => () => ({ status: 200, body: state.faults.list() }),
  },
  {
    method: 'DELETE',
    path: `${CONTROL_PREFIX}/faults`,
    idempotency: 'none',
    control: true,
    action: (state) => () => {
      state.faults.clear();
      return { status: 200, body: [] };
    },
  },
  {
    method: 'GET',
    path: `${CONTROL_PREFIX}/requests`,
    idempotency: 'none',
    control: true,
    action: (state) => () => ({ status: 200, body: state.journal.entries() }),
  },
];

/**
 * The sandbox's one HTTP surface: msw request handlers over one sandbox's state.
 * The in-process adapter (`msw/node`) and the HTTP server both serve these.
 */
export function createHandlers(state: SandboxState): HttpHandler[] {
  // One msw handler per path, choosing the route by method: msw runs its matching machinery
  // (a request clone, an abort signal) for each handler it tries, so fewer handlers is faster.
  // A method without a route falls through to the catch-all below, which answers 405.
  const paths = [...new Set(ROUTES.map((route) => route.path))];
  const handlers = paths.map((path) => {
    const byMethod = new Map(
      ROUTES.filter((route) => route.path === path).map((route) => [route.method as string, { route, act: route.action(state) }]),
    );
    return http.all(`${API_ORIGIN}${path}`, ({ request, params }) => {
      const found = byMethod.get(request.method);
      if (!found) return undefined;
      const { route, act } = found;
      return respond(state, request, route, (text) => {
        const token = route.control ? '' : bearerToken(request);
        const query = new URL(request.url).searchParams;
        return answer(state, route, request, { token, body: parseBody(request, text), params, query }, act);
      });
    });
  });
  handlers.push(
    // A browser's preflight, answered for the site's own origin only.
    http.options(`${API_ORIGIN}/*`, ({ request }) => {
      const origin = request.headers.get('origin');
      if (!state.corsOrigin || origin !== state.corsOrigin) return undefined;
      return new HttpResponse(null, {
        status: 204,
        headers: {
          'X-Request-Id': randomUUID(),
          'X-Content-Type-Options': 'nosniff',
          ...corsHeaders(state, request),
          'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Idempotency-Key',
          'Access-Control-Max-Age': '600',
        },
      });
    }),
    // Everything else: 405 for a known path with another method, 501 for a real API path the
    // sandbox leaves out (customers, orders, preferences…), else the API's 404.
    http.all(`${API_ORIGIN}/*`, ({ request }) =>
      respond(state, request, undefined, () => {
        const path = new URL(request.url).pathname;
        const allow = [
          ...new Set(
            ROUTES.filter((route) => matchRequestUrl(new URL(request.url), route.path, API_ORIGIN).matches).map((route) => route.method),
          ),
        ];
        if (allow.length > 0) throw errors.methodNotAllowed(request.method, path, allow);
        if (isNotEmulatedPath(path)) throw errors.notEmulated(request.method, path);
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
      ? Idempotency.scope(call.token, route.method, new URL(request.url).pathname.replace(/\/$/, ''), key)
      : undefined;
  const replay = scope && state.idempotency.get(scope);
  if (replay) return replay;
  // Only successes are stored: a refused request can be retried with the same key once fixed.
  const { status, body } = act(call);
  const stored = { status, body: JSON.stringify(body) };
  if (scope) state.idempotency.set(scope, stored);
  return stored;
}

/**
 * Every answer goes through here: one request id, the envelope for errors, armed faults,
 * CORS for the site's origin, and one journal entry. Nothing the request sent is ever
 * answered as HTML: every body is JSON and `nosniff` keeps browsers from guessing.
 */
async function respond(
  state: SandboxState,
  request: Request,
  route: Route | undefined,
  handle: (text: string) => StoredResponse,
): Promise<Response> {
  const requestId = randomUUID();
  const url = new URL(request.url);
  const text = await request.text();
  // Faults aim at the API; the controls that arm them are never faulted, whatever the method.
  const fault = route?.control || isControlPath(url.pathname) ? undefined : state.faults.take(request.method, url.pathname);
  if (fault?.delayMs) await delay(fault.delayMs);

  let result: StoredResponse;
  let headers: Record<string, string> = {};
  const refuse = (error: ApiError) => {
    headers = error.headers;
    return { status: error.status, body: JSON.stringify(error.body(causeStamp(state.clock.now(), requestId))) };
  };
  // A fault armed `before` stops the request here: nothing changes in the sandbox.
  const stopped = fault?.when === 'before' && (fault.status !== undefined || fault.drop === true);
  try {
    if (stopped) {
      result = fault.status ? refuse(faultError({ ...fault, status: fault.status })) : { status: 0, body: '' };
    } else {
      // A UTF-16 unit is at most 3 UTF-8 bytes: only a long text needs encoding to be measured.
      if (text.length * 3 > MAX_BODY_BYTES && utf8.encode(text).length > MAX_BODY_BYTES) throw errors.bodyTooLarge(MAX_BODY_BYTES);
      if (text.trim() !== '' && !isJson(request.headers.get('content-type'))) throw errors.unsupportedMediaType();
      result = handle(text);
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    result = refuse(error);
  }
  // A fault armed `after`: the request was carried out (or refused), then its answer is lost.
  if (!stopped && fault?.status) result = refuse(faultError({ ...fault, status: fault.status }));
  const dropped = fault?.drop === true;
  state.journal.record({
    requestId,
    at: state.clock.now(),
    method: request.method,
    path: url.pathname + url.search,
    headers: Object.fromEntries(request.headers),
    body: text,
    status: dropped ? 0 : result.status,
    response: dropped ? '' : result.body,
  });
  // A network error: the connection closes with no answer.
  if (dropped) return HttpResponse.error();
  return new HttpResponse(result.body, {
    status: result.status,
    headers: {
      'Content-Type': 'application/json;charset=UTF-8',
      'X-Request-Id': requestId,
      'X-Content-Type-Options': 'nosniff',
      ...corsHeaders(state, request),
      ...headers,
    },
  });
}

function isControlPath(path: string): boolean {
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}

function corsHeaders(state: SandboxState, request: Request): Record<string, string> {
  const origin = request.headers.get('origin');
  if (!state.corsOrigin || origin !== state.corsOrigin) return {};
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'X-Request-Id', Vary: 'Origin' };
}

/** `application/json`, with or without parameters such as `charset`. */
function isJson(contentType: string | null): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

/** `Authorization: Bearer <token>`; anything else is the API's 401 cause 5. */
function bearerToken(request: Request): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  if (!match) throw errors.noToken();
  if (match[1]!.length > MAX_TOKEN_LENGTH) throw errors.invalidToken();
  return match[1]!;
}

function parseBody(request: Request, text: string): JsonObject {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'DELETE' || text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw errors.malformedJson();
  }
  if (!isObject(parsed)) throw errors.bodyNotObject();
  return parsed;
}

/**
 * Refund ids are positive integers too; anything else names no refund. Not thrown here: an
 * unknown payment is answered first (2000), and only then the refund (2032).
 */
function refundId(raw: Call['params'][string]): number | undefined {
  const text = typeof raw === 'string' ? raw : '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(id) ? id : undefined;
}

/** Payment ids are positive integers; anything else names no payment. */
function paymentId(raw: Call['params'][string]): number {
  const text = typeof raw === 'string' ? raw : '';
  const id = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id)) throw errors.paymentNotFound();
  return id;
}
