/**
 * The Payments API's error envelope:
 * `{message, error, status, cause: [{code, description, data}]}`.
 * Thrown by the rules, turned into a response by the handlers.
 */
export interface Cause {
  code: number;
  description: string;
  data: string | null;
}

export interface ErrorBody {
  message: string;
  error: string;
  status: number;
  cause: Cause[];
}

const ERROR_NAMES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  409: 'conflict',
  413: 'request_entity_too_large',
  415: 'unsupported_media_type',
  423: 'locked',
  429: 'too_many_requests',
  500: 'internal_server_error',
  501: 'not_implemented',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: number | undefined;
  /** The real API leaves `data` null on some errors (401) and stamps it on others. */
  readonly stamped: boolean;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, options: { code?: number; stamped?: boolean; headers?: Record<string, string> } = {}) {
    super(message);
    this.status = status;
    this.code = options.code;
    this.stamped = options.stamped ?? true;
    this.headers = options.headers ?? {};
  }

  /** `data` is the API's `<date>UTC;<request id>` stamp when the cause carries one. */
  body(data: string | null): ErrorBody {
    return {
      message: this.message,
      error: ERROR_NAMES[this.status] ?? 'error',
      status: this.status,
      cause: this.code === undefined ? [] : [{ code: this.code, description: this.message, data: this.stamped ? data : null }],
    };
  }
}

/** Every cause the sandbox gives, in one place, with the API's wording. */
export const errors = {
  noToken: () => new ApiError(401, 'Must provide your access_token to proceed', { code: 5, stamped: false }),
  /** The real API's answer to a token it does not know; ours refuses only absurd ones (over 512 characters). */
  invalidToken: () => new ApiError(401, 'Invalid access token'),
  paymentNotFound: () => new ApiError(404, 'Payment not found', { code: 2000 }),
  routeNotFound: (path: string) => new ApiError(404, `Resource ${path} not found.`),
  methodNotAllowed: (method: string, path: string, allow: string[]) =>
    new ApiError(405, `Method ${method} not allowed for ${path}.`, {
      headers: { Allow: allow.join(', ') },
    }),
  cardTokenNotFound: () => new ApiError(400, 'Card Token not found', { code: 2006 }),
  invalidStatus: () => new ApiError(400, 'Invalid status for update', { code: 2016 }),
  invalidAmountForUpdate: () => new ApiError(400, 'Invalid transaction_amount for update', { code: 2017 }),
  invalidState: () =>
    new ApiError(400, 'The action requested is not valid for the current payment state', {
      code: 2018,
    }),
  statusNull: () => new ApiError(400, "Status attribute can't be null", { code: 4017 }),
  /** The same wording as 2018, under the code the API gives when a payment has nothing left to refund. */
  notRefundable: () =>
    new ApiError(400, 'The action requested is not valid for the current payment state', {
      code: 2063,
    }),
  partialRefundUnsupported: () => new ApiError(400, 'Not valid action - partial refund unsupported for this transaction', { code: 3024 }),
  refundNotFound: () => new ApiError(404, 'Refund not found', { code: 2032 }),
  /** The reference files 4040 and 4041 under 401, which cannot be right for a bad amount: the sandbox answers 400. */
  refundAmountNotPositive: () => new ApiError(400, 'amount attribute must be positive', { code: 4040 }),
  refundAmountNotNumber: () => new ApiError(400, 'amount attribute must be numeric', { code: 4041 }),
  idempotencyKeyNull: () => new ApiError(400, "Header X-Idempotency-Key can't be null", { code: 4292 }),
  tokenNull: () => new ApiError(400, 'card_token_id is required', { code: 4000 }),
  paymentMethodNull: () => new ApiError(400, "payment_method_id attribute can't be null", { code: 4001 }),
  cannotInferPaymentMethod: () => new ApiError(400, 'Cannot infer Payment Method', { code: 2131 }),
  amountNull: () => new ApiError(400, "transaction_amount attribute can't be null", { code: 4002 }),
  amountNotNumber: () => new ApiError(400, 'transaction_amount attribute must be numeric', { code: 4003 }),
  installmentsNull: () => new ApiError(400, "installments attribute can't be null", { code: 4004 }),
  installmentsNotNumber: () => new ApiError(400, 'installments attribute must be numeric', { code: 4005 }),
  payerEmailInvalid: () => new ApiError(400, 'payer.email must be a valid email', { code: 4050 }),
  /** Card-token field errors the sandbox has no documented code for: the envelope with cause 1000. */
  invalidCard: (what: string) => new ApiError(400, `invalid parameter: ${what}`, { code: 1000 }),
  /** MercadoPago.js's documented codes for the expiry: 208/209 when missing, 325/326 when invalid or past. */
  expirationMonthMissing: () => new ApiError(400, 'parameter expirationMonth can not be null/empty', { code: 208 }),
  expirationYearMissing: () => new ApiError(400, 'parameter expirationYear can not be null/empty', { code: 209 }),
  expirationMonthInvalid: () => new ApiError(400, 'invalid parameter expirationMonth', { code: 325 }),
  expirationYearInvalid: () => new ApiError(400, 'invalid parameter expirationYear', { code: 326 }),
  /** GET /v1/card_tokens/{id} of a token it does not hold: the API's 2006 wording, as a 404 (our choice). */
  cardTokenNotFoundById: () => new ApiError(404, 'Card Token not found', { code: 2006 }),
  /**
   * A real API path or feature the sandbox does not emulate: 501, never an answer that looks
   * like the API's (our choice). It names the request and says where the sandbox's scope is written.
   */
  notEmulated: (method: string, path: string, what = '') =>
    new ApiError(
      501,
      `${method} ${path}${what} is not emulated by this sandbox. It emulates card tokens, card payments ` +
        '(reserve, capture, cancel), refunds and payment search; sandbox/README.md lists what it covers.',
    ),
  invalidParameter: (what: string) => new ApiError(400, `Invalid parameter: ${what}`),
  malformedJson: () => new ApiError(400, 'Malformed JSON in request body'),
  bodyNotObject: () => new ApiError(400, 'The request body must be a JSON object'),
  unsupportedMediaType: () => new ApiError(415, 'Content-Type must be application/json: send the body as JSON with that header'),
  bodyTooLarge: (limit: number) => new ApiError(413, `Request body is larger than ${limit} bytes`),
};
