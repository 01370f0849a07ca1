/**
 * The runtime's side of ./page-fetch.ts: a `fetch` that asks the page to make each request and
 * builds the Response from its answer. The Worker or frame a program runs in routes its global
 * `fetch` through it (routeFetchThroughPage) before the program starts.
 */
import { API_ORIGIN } from '../../../sandbox/core/api-origin.ts';
import type { PageAnswer, PageRequest } from './page-fetch.ts';

/** The stream bodies of the Requests made where the browser cannot hold one (see keepStreamBodies). */
const streamBodies = new WeakMap<Request, ReadableStream>();

/**
 * Firefox cannot give a Request a stream as its body: it sends the text "[object ReadableStream]"
 * (seen with php-wasm, whose bridge builds each request around a stream). Where that is so, the
 * scope's Request keeps the stream aside, and the page gets its bytes.
 */
function keepStreamBodies(scope: { Request: typeof Request }): void {
  const probe = new Request(location.href, { method: 'POST', body: new ReadableStream(), duplex: 'half' } as RequestInit);
  if (!probe.headers.get('content-type')?.startsWith('text/plain')) return;
  const Native = scope.Request;
  scope.Request = class extends Native {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      const stream = init?.body instanceof ReadableStream ? init.body : undefined;
      super(input, stream ? { ...init, body: null } : init);
      if (stream) streamBodies.set(this, stream);
    }
  };
}

/** Statuses whose Response may not have a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function fetchThroughPage(port: MessagePort): typeof fetch {
  let next = 0;
  const waiting = new Map<number, (answer: PageAnswer) => void>();
  port.onmessage = ({ data }: MessageEvent<PageAnswer>) => {
    waiting.get(data.id)?.(data);
    waiting.delete(data.id);
  };
  return async (input, init) => {
    const request = new Request(input, init);
    const stream = init?.body instanceof ReadableStream ? init.body : input instanceof Request ? streamBodies.get(input) : undefined;
    const bodyless = request.method === 'GET' || request.method === 'HEAD';
    const body = bodyless ? null : stream ? await new Response(stream).arrayBuffer() : await request.arrayBuffer();
    const message: PageRequest = { id: next++, url: request.url, method: request.method, headers: [...request.headers], body };
    const answer = await new Promise<PageAnswer>((resolve) => {
      waiting.set(message.id, resolve);
      port.postMessage(message, body ? [body] : []);
    });
    // As a failed fetch() does, so the program and its SDK see no answer at all.
    if (!answer.ok) throw new TypeError(`fetch failed: ${answer.error}`);
    const response = new Response(NULL_BODY.has(answer.status) ? null : answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
    });
    Object.defineProperty(response, 'url', { value: answer.url });
    return response;
  };
}

/**
 * Routes this global scope's `fetch`: the API's requests through the page (the port of the run
 * going on, set with the function returned), the site's own files (a runtime's wasm, wheels)
 * as before, anything else refused. XMLHttpRequest is taken away, so no other way out is left.
 */
export function routeFetchThroughPage(): (port: MessagePort) => void {
  const scope = globalThis as { fetch: typeof fetch; XMLHttpRequest?: unknown; Request: typeof Request };
  keepStreamBodies(scope);
  const siteFetch = scope.fetch.bind(globalThis);
  let viaPage: typeof fetch = () => Promise.reject(new TypeError('fetch failed: no program is running'));
  scope.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.origin === API_ORIGIN) return viaPage(input, init);
    if (url.origin === location.origin) return siteFetch(input, init);
    return Promise.reject(new TypeError(`fetch failed: ${url.origin} cannot be reached from here`));
  };
  scope.XMLHttpRequest = undefined;
  return (port) => {
    viaPage = fetchThroughPage(port);
  };
}
