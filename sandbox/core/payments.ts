import { apiDate } from './api-date.ts';
import { errors } from './api-error.ts';
import type { CardTokens } from './card-tokens.ts';
import type { Clock } from './clock.ts';
import { isObject, type JsonObject } from './json.ts';
import { nonCardMethod } from './not-emulated.ts';
import { mayMove, newPayment, type Payment, settle, withEveryField } from './payment.ts';
import { type SearchPage, searchPayments } from './payment-search.ts';
import { random40 } from './random.ts';
import type { Refund } from './refund.ts';
import { refundPayment } from './refund-payment.ts';
import { outcomeFor } from './test-cards.ts';

export interface PaymentsOptions {
  clock: Clock;
  /** How long a reserve waits for capture before the sandbox cancels it. */
  reserveTtlMs: number;
  /** Past this many payments the oldest is evicted, so a long-lived sandbox stays bounded. */
  maxPayments: number;
  onEvict?: (id: number) => void;
}

export interface Entry {
  payment: Payment;
  /** When an uncaptured reserve lapses; null once it cannot lapse any more. */
  expiresAt: number | null;
  /**
   * The access token that made it, which alone finds it by search; none for a payment made by
   * a direct call (the verifier's, the page's), which every caller finds.
   */
  owner?: string;
}

/** The payments of one sandbox, and the rules by which they change. */
export class Payments {
  readonly #entries = new Map<number, Entry>();
  readonly #options: PaymentsOptions;
  /**
   * Ids start at a random point per sandbox, so an id from one sandbox is
   * (almost surely) unknown to another: payments never leak between instances.
   * Refunds take their ids from the same count (our choice; in the 2017 recording a refund's id
   * is a few above its payment's), so no refund id is ever also a payment id.
   */
  #nextId = 1_000_000_000 + random40();

  constructor(options: PaymentsOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** `POST /v1/payments`: validates like the API, consumes the card token, stores the payment. */
  create(body: JsonObject, cardTokens: CardTokens, owner?: string): Payment {
    // Before any check: a Pix or a boleto refused with a card payment's cause would look like a real refusal.
    const method = nonCardMethod(body);
    if (method !== undefined) {
      throw errors.notEmulated(
        'POST',
        '/v1/payments',
        ` with payment_method_id ${JSON.stringify(method.slice(0, 64))} (not a card) and no card token`,
      );
    }
    validateCreation(body);
    const capture = parseCapture(body.capture);
    // The API works the method out from the card when the body leaves it out (2131 when it cannot);
    // the card's own brand wins over the body's. The token is used up only by a payment that is made.
    const paymentMethodId = cardTokens.find(body.token as string).card.payment_method_id ?? (body.payment_method_id as string | undefined);
    if (paymentMethodId === undefined) throw errors.cannotInferPaymentMethod();
    const token = cardTokens.consume(body.token as string);
    const now = this.#options.clock.now();
    const outcome = outcomeFor(token.cardholder.name);
    const reserve = outcome.status === 'approved' && !capture;
    const expiresAt = reserve ? now + this.#options.reserveTtlMs : null;
    const payment = newPayment({ id: this.#nextId++, now, token, paymentMethodId, outcome, capture, body, reserveExpiresAt: expiresAt });
    this.#entries.set(payment.id, { payment, expiresAt, ...(owner === undefined ? {} : { owner }) });
    this.#evictOverflow();
    return payment;
  }

  get(id: number): Payment {
    const entry = this.#entries.get(id);
    if (!entry) throw errors.paymentNotFound();
    this.#lapse(entry);
    return entry.payment;
  }

  /** `PUT /v1/payments/{id}`: a cancellation when the body names a status, else a capture. */
  update(id: number, body: JsonObject): Payment {
    const entry = this.#entries.get(id);
    if (!entry) throw errors.paymentNotFound();
    this.#lapse(entry);
    if ('status' in body || !('capture' in body)) return this.#cancel(entry, body.status);
    return this.#capture(entry, body);
  }

  /** `POST /v1/payments/{id}/refunds`: the rules are in refund-payment.ts. */
  refund(id: number, body: JsonObject): Refund {
    return refundPayment(this.get(id), body, { now: this.#options.clock.now(), nextId: () => this.#nextId++ });
  }

  /** `GET /v1/payments/{id}/refunds`: the payment's refunds, oldest first (an empty list when it has none). */
  refunds(id: number): Refund[] {
    return this.get(id).refunds;
  }

  /**
   * `GET /v1/payments/{id}/refunds/{refund_id}`: the payment first (2000), then its refund (2032).
   * A refund of another payment is not found here. `undefined` is an id that can name no refund.
   */
  findRefund(id: number, refundId: number | undefined): Refund {
    const refund = this.get(id).refunds.find((candidate) => candidate.id === refundId);
    if (!refund) throw errors.refundNotFound();
    return refund;
  }

  /** `GET /v1/payments/search`: the rules are in payment-search.ts; a caller finds only its own payments. */
  search(query: URLSearchParams, owner: string): SearchPage {
    const mine = [...this.#entries.values()].filter((entry) => entry.owner === undefined || entry.owner === owner);
    for (const entry of mine) this.#lapse(entry);
    return searchPayments(
      mine.map((entry) => entry.payment),
      query,
      this.#options.clock.now(),
    );
  }

  /** Every payment with its lapse deadline, and the next id: all a snapshot needs. */
  snapshot(): { nextId: number; entries: Entry[] } {
    return { nextId: this.#nextId, entries: [...this.#entries.values()] };
  }

  restore(snapshot: { nextId: number; entries: Entry[] }): void {
    this.#nextId = snapshot.nextId;
    for (const entry of snapshot.entries) {
      withEveryField(entry.payment);
      this.#entries.set(entry.payment.id, entry);
    }
  }

  /** Every payment, oldest first: for invariant checks in tests. */
  *all(): Iterable<Payment> {
    for (const entry of this.#entries.values()) yield entry.payment;
  }

  #cancel(entry: Entry, status: unknown): Payment {
    if (status === undefined || status === null) throw errors.statusNull();
    if (status !== 'cancelled') throw errors.invalidStatus();
    const { payment } = entry;
    if (!mayMove(payment.status, 'cancelled')) throw errors.invalidState();
    payment.status = 'cancelled';
    payment.status_detail = 'by_collector';
    payment.date_last_updated = apiDate(this.#options.clock.now());
    entry.expiresAt = null;
    return payment;
  }

  #capture(entry: Entry, body: JsonObject): Payment {
    if (body.capture !== true) throw errors.invalidParameter('capture must be true to capture a reserve');
    const { payment } = entry;
    if (!mayMove(payment.status, 'approved')) throw errors.invalidState();
    let amount = payment.transaction_amount;
    if (body.transaction_amount !== undefined) {
      if (typeof body.transaction_amount !== 'number' || !Number.isFinite(body.transaction_amount)) {
        throw errors.amountNotNumber();
      }
      // The docs: capturing more than the reserve is refused ("cancel and make a new reserve").
      if (body.transaction_amount <= 0 || body.transaction_amount > amount) throw errors.invalidAmountForUpdate();
      amount = body.transaction_amount;
    }
    settle(payment, this.#options.clock.now(), amount);
    entry.expiresAt = null;
    return payment;
  }

  /**
   * A reserve left uncaptured past its deadline is cancelled. Done lazily, when the
   * payment is next looked at, so time can be moved in tests without timers.
   * The resulting `status_detail` is undocumented: `expired` is our guess.
   */
  #lapse(entry: Entry): void {
    if (entry.expiresAt === null || this.#options.clock.now() < entry.expiresAt) return;
    entry.payment.status = 'cancelled';
    entry.payment.status_detail = 'expired';
    entry.payment.date_last_updated = apiDate(entry.expiresAt);
    entry.expiresAt = null;
  }

  #evictOverflow(): void {
    while (this.#entries.size > this.#options.maxPayments) {
      const oldest = this.#entries.keys().next().value as number;
      this.#entries.delete(oldest);
      this.#options.onEvict?.(oldest);
    }
  }
}

function validateCreation(body: JsonObject): void {
  const amount = body.transaction_amount;
  if (amount === undefined || amount === null) throw errors.amountNull();
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) throw errors.amountNotNumber();
  if (typeof body.token !== 'string' || body.token === '') throw errors.tokenNull();
  // Optional with a card token (the method is the card's); named, it must be a name.
  if (body.payment_method_id !== undefined && (typeof body.payment_method_id !== 'string' || body.payment_method_id === ''))
    throw errors.paymentMethodNull();
  if (body.installments === undefined || body.installments === null) throw errors.installmentsNull();
  if (!Number.isInteger(body.installments) || (body.installments as number) < 1) throw errors.installmentsNotNumber();
  const email = isObject(body.payer) ? body.payer.email : undefined;
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw errors.payerEmailInvalid();
}

/** `capture` defaults to true; old docs send it as the string "false", which the API accepts. */
function parseCapture(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw errors.invalidParameter('capture must be a boolean');
}
