/**
 * The in-browser sandbox's one promise: a request for the API's host is answered in the page
 * or fails there, and never reaches the network. The core's handlers answer every path and
 * method of `https://api.mercadopago.com` (their last one is a catch-all giving the API's 404
 * or 405); what they cannot match is the same host by another door — `http:`, a port, the
 * trailing-dot spelling. msw calls `refuseApiHost` for every request no handler answered.
 */
import type { UnhandledFrameHandle } from 'msw';
import { API_ORIGIN } from '../core/api-origin.ts';

const API_HOST = new URL(API_ORIGIN).hostname;

/** True for any URL naming the API's host, whatever its scheme, port or letter case. */
export function isApiHost(url: string | URL): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  // `api.mercadopago.com.` is the same host to DNS; URL keeps the dot.
  return host.replace(/\.$/, '') === API_HOST;
}

/** The URL a network frame is for: an HTTP request's, or a WebSocket's. */
function frameUrl(frame: { protocol: string; data: unknown }): string | undefined {
  const data = frame.data as { request?: Request; connection?: { client?: { url?: URL } } };
  return data.request?.url ?? data.connection?.client?.url?.href;
}

/**
 * msw's `onUnhandledFrame`: lets the page's other requests (its own assets) through unlogged,
 * and fails any unanswered request for the API's host. Throwing is what makes msw fail the
 * request instead of performing it: the Service Worker answers it with a 500 carrying this
 * message, the in-page interceptor with the same.
 */
export const refuseApiHost: UnhandledFrameHandle = ({ frame }) => {
  const url = frameUrl(frame);
  if (url === undefined || !isApiHost(url)) return;
  throw new Error(
    `The in-browser sandbox did not answer ${url}, and it was not sent to the real API. ` +
      `Only ${API_ORIGIN}/… is served here; use that origin (https, no port).`,
  );
};
