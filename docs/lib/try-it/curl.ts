/**
 * "Copy as curl": the shown request as a command that runs against `npm run sandbox`
 * (http://127.0.0.1:3001, the default) or, with BASE=https://api.mercadopago.com and one's own
 * MERCADOPAGO_ACCESS_TOKEN, the real API. The run's placeholders become the shell variables
 * the examples read; every header the SDK sent is kept, the ones a browser cannot send too.
 */
import { PLACEHOLDER } from './placeholders.ts';

export interface CurlRequest {
  method: string;
  /** The path, with `{PAYMENT_ID}` or a literal id. */
  path: string;
  headers: readonly (readonly [string, string])[];
  /** The body as sent; empty for none. */
  body: string;
}

/** What each placeholder becomes in the shell: the examples' own variables. */
const SHELL: Record<string, string> = {
  MERCADOPAGO_ACCESS_TOKEN: '${MERCADOPAGO_ACCESS_TOKEN:-TEST-sandbox}',
  // The examples' own way to a new key: Linux has the file, macOS has uuidgen.
  IDEMPOTENCY_KEY: '$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)',
  PAYMENT_ID: '${PAYMENT_ID:?set PAYMENT_ID to a payment id}',
  REFUND_ID: '${REFUND_ID:?set REFUND_ID to a refund id}',
  CARD_TOKEN: '${CARD_TOKEN:?set CARD_TOKEN to a card token}',
};

const BASE = '${BASE:-http://127.0.0.1:3001}';

export function toCurl(request: CurlRequest): string {
  const lines = [`curl -sS -X ${request.method} ${shellWord(`{BASE}${request.path}`, { BASE })}`];
  let compressed = false;
  for (const [name, value] of request.headers) {
    // curl asks for compression itself with --compressed, and then decodes the answer:
    // the SDK's own Accept-Encoding would leave the terminal with compressed bytes.
    if (name.toLowerCase() === 'accept-encoding') {
      compressed = true;
      continue;
    }
    lines.push(`-H ${shellWord(`${name}: ${value}`)}`);
  }
  if (compressed) lines.push('--compressed');
  if (request.body !== '') lines.push(`--data-raw ${shellWord(request.body)}`);
  return lines.join(' \\\n  ');
}

/**
 * One shell word for `text`, with `{NAME}` placeholders expanded by the shell. Plain text is
 * single-quoted; text with placeholders is double-quoted when that needs no escapes, else its
 * literal parts are single-quoted and the expansions double-quoted beside them.
 */
export function shellWord(text: string, extra: Record<string, string> = {}): string {
  const parts: ({ literal: string } | { expansion: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const expansion = extra[match[1]!] ?? SHELL[match[1]!];
    if (expansion === undefined) continue;
    if (match.index > last) parts.push({ literal: text.slice(last, match.index) });
    parts.push({ expansion });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ literal: text.slice(last) });
  if (!parts.some((part) => 'expansion' in part)) return singleQuoted(text);
  if (parts.every((part) => 'expansion' in part || !/["\\$`]/.test(part.literal))) {
    return `"${parts.map((part) => ('expansion' in part ? part.expansion : part.literal)).join('')}"`;
  }
  return parts.map((part) => ('expansion' in part ? `"${part.expansion}"` : singleQuoted(part.literal))).join('');
}

const singleQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
