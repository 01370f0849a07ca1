/**
 * Turns the shown request and the reader's edits into a real `fetch` to
 * https://api.mercadopago.com — answered by the in-browser sandbox — and times it.
 */
import { API_ORIGIN } from '../../../sandbox/core/api-origin.ts';
import { browserCanSend } from './browser-headers.ts';
import type { RecordedRequest } from './panel-dom.ts';
import { fillPlaceholders, PLACEHOLDER, SANDBOX_TOKEN } from './placeholders.ts';

export interface Draft {
  /**
   * The run's values by name: the ids the reader left in the path's fields (PAYMENT_ID,
   * REFUND_ID…) and what else the case staged (CARD_TOKEN…).
   */
  values: Record<string, string>;
  body: string;
  /** A header the case leaves out (lower case). */
  omit?: string;
}

export interface Answer {
  status: number;
  statusText: string;
  requestId: string | null;
  /** The body as text, and parsed when it is JSON. */
  text: string;
  json: unknown;
  /** From the call to `fetch` until the whole body was read. */
  ms: number;
}

/** The values the run's placeholders take in the browser; a new idempotency key each time. */
export function sandboxValues(draft: Draft): Record<string, string> {
  return {
    MERCADOPAGO_ACCESS_TOKEN: SANDBOX_TOKEN,
    IDEMPOTENCY_KEY: crypto.randomUUID(),
    ...draft.values,
  };
}

/** The headers the case sends, as recorded (the browser's forbidden ones aside), still with placeholders. */
export function headersToSend(recorded: RecordedRequest, draft: Draft): [string, string][] {
  return recorded.headers.filter(([name]) => browserCanSend(name) && name.toLowerCase() !== draft.omit);
}

/** The recorded path with each id the draft has, as the reader left it (encoded: it is the reader's text). */
export function pathToSend(recorded: RecordedRequest, draft: Draft): string {
  return recorded.path.replace(PLACEHOLDER, (match, name: string) =>
    draft.values[name] === undefined ? match : encodeURIComponent(draft.values[name]),
  );
}

export async function send(recorded: RecordedRequest, draft: Draft): Promise<Answer> {
  const values = sandboxValues(draft);
  const headers = new Headers();
  for (const [name, value] of headersToSend(recorded, draft)) headers.append(name, fillPlaceholders(value, values));
  const hasBody = recorded.method !== 'GET' && recorded.method !== 'HEAD';
  const started = performance.now();
  const response = await fetch(`${API_ORIGIN}${pathToSend(recorded, draft)}`, {
    method: recorded.method,
    headers,
    body: hasBody ? fillPlaceholders(draft.body, values) : undefined,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, statusText: response.statusText, requestId: response.headers.get('x-request-id'), text, json, ms };
}
