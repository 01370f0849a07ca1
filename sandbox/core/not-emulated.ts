/**
 * What the sandbox knows it does not emulate. A reader's own code may call these real API paths
 * or send a payment the sandbox cannot make; it must get a clear "not emulated" answer (501), not
 * the API's 404 for a path that does not exist, nor an error that looks like a real refusal.
 */

/**
 * Real Mercado Pago API paths (from its API reference), matched with everything under them:
 * `/v1/customers` also covers `/v1/customers/123/cards`. Any other unknown path stays the API's 404.
 */
export const NOT_EMULATED_PATHS: readonly string[] = [
  '/v1/customers',
  '/v1/orders',
  '/checkout/preferences',
  '/v1/payment_methods',
  '/v1/identification_types',
  '/merchant_orders',
  '/v1/merchant_orders',
  '/v1/chargebacks',
  '/v1/advanced_payments',
  '/v1/account',
  '/preapproval',
  '/preapproval_plan',
  '/authorized_payments',
  '/pos',
  '/stores',
  '/users',
  '/instore',
  '/point',
  '/terminals',
  '/oauth/token',
];

/** True for a real API path the sandbox leaves out (a trailing slash or a deeper path included). */
export function isNotEmulatedPath(path: string): boolean {
  return NOT_EMULATED_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * `payment_method_id` values that are cards (credit, debit or prepaid) in some country Mercado
 * Pago serves. A payment named by any of these is a card payment, which needs a card token. Any
 * other method (pix, bolbradesco, pec, account_money, oxxo, rapipago, pse…) is not a card.
 */
export const CARD_METHODS: ReadonlySet<string> = new Set([
  'visa',
  'master',
  'amex',
  'debvisa',
  'debmaster',
  'maestro',
  'elo',
  'debelo',
  'hipercard',
  'diners',
  'naranja',
  'nativa',
  'cabal',
  'debcabal',
  'cencosud',
  'tarshop',
  'argencard',
  'cordobesa',
  'cmr',
  'codensa',
  'magna',
  'presto',
  'lider',
  'oca',
  'creditel',
  'redcompra',
  'carnet',
  'mercadopagocard',
]);

/**
 * A payment the sandbox cannot make: no card token, and a `payment_method_id` that is not a
 * card brand (a Pix, a boleto, a ticket, account money). Without a method name, a payment is a
 * card payment that forgot its token (cause 4000), as before.
 */
export function nonCardMethod(body: { token?: unknown; payment_method_id?: unknown }): string | undefined {
  const method = body.payment_method_id;
  const hasToken = typeof body.token === 'string' && body.token !== '';
  if (hasToken || typeof method !== 'string' || method === '' || CARD_METHODS.has(method)) return undefined;
  return method;
}
