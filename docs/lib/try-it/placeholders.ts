/**
 * The verifier records a request with the run's secrets and ids as `{NAME}` placeholders
 * (scripts/verify/report-schema.ts, SentRequestSchema). The panel fills them with the
 * in-browser sandbox's values to send, and with shell variables to copy as curl.
 */
export const PLACEHOLDER = /\{([A-Z][A-Z0-9_]*)\}/g;

export type PlaceholderName = 'MERCADOPAGO_ACCESS_TOKEN' | 'IDEMPOTENCY_KEY' | 'PAYMENT_ID' | 'REFUND_ID' | 'CARD_TOKEN';

/** `{NAME}` → `values[NAME]`; a name without a value stays as it is. */
export function fillPlaceholders(text: string, values: Partial<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (match, name: string) => values[name] ?? match);
}

/** The access token the panel sends: the sandbox takes any bearer token, and this one says where it came from. */
export const SANDBOX_TOKEN = 'TEST-in-browser-sandbox';
