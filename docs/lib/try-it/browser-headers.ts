/**
 * Request headers an SDK sends that a web page cannot: the Fetch standard's forbidden
 * request-header names (the browser sets them itself or refuses them), plus `user-agent`,
 * which the standard now allows but Chromium silently drops. The panel shows them as the SDK
 * sent them, marked, leaves them out of Send, and keeps them in "Copy as curl".
 */
const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
]);

/** True when a page's `fetch` can send this header as given. */
export function browserCanSend(name: string): boolean {
  const lower = name.toLowerCase();
  return !FORBIDDEN.has(lower) && !lower.startsWith('proxy-') && !lower.startsWith('sec-');
}
