import { apiDate } from './api-date.ts';
import { errors } from './api-error.ts';
import type { Clock } from './clock.ts';
import { isObject, type JsonObject } from './json.ts';
import { randomHex } from './random.ts';
import { cardFor, type TestCard } from './test-cards.ts';

export interface CardToken {
  id: string;
  card: TestCard;
  expiration_month: number;
  expiration_year: number;
  cardholder: { name: string; identification: { type: string; number: string } };
  date_created: number;
  date_due: number;
}

/** Real card tokens live 7 days and serve one payment. */
const TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Card tokens: made from a test card, consumed by exactly one payment. */
export class CardTokens {
  readonly #tokens = new Map<string, CardToken>();
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  create(body: JsonObject): JsonObject {
    // A token for a customer's saved card: customers are not emulated, so neither is this.
    if (body.card_id !== undefined) throw errors.notEmulated('POST', '/v1/card_tokens', ' with a card_id (a saved card)');
    const number = scalar(body.card_number).replace(/[\s-]/g, '');
    const card = cardFor(number);
    if (!card) throw errors.invalidCard('card_number');
    const { month, year } = expiry(body, this.#clock.now());
    if (!/^\d{3,4}$/.test(scalar(body.security_code))) throw errors.invalidCard('security_code');
    const holder = isObject(body.cardholder) ? body.cardholder : {};
    const name = typeof holder.name === 'string' ? holder.name : '';
    if (!name.trim()) throw errors.invalidCard('cardholder.name');
    const identification = isObject(holder.identification) ? holder.identification : {};

    const now = this.#clock.now();
    const token: CardToken = {
      id: randomHex(16),
      card,
      expiration_month: month,
      expiration_year: year,
      cardholder: {
        name,
        identification: {
          type: scalar(identification.type, 'DNI'),
          number: scalar(identification.number),
        },
      },
      date_created: now,
      date_due: now + TOKEN_TTL_MS,
    };
    this.#tokens.set(token.id, token);
    return this.#resource(token);
  }

  /** Takes the token out: a second payment with it gets cause 2006, as an unknown one does (a guess). */
  consume(id: string): CardToken {
    const token = this.find(id);
    this.#tokens.delete(id);
    return token;
  }

  /** The unused token, left in place; cause 2006 for one unknown, used or past its 7 days. */
  find(id: string): CardToken {
    const token = this.#tokens.get(id);
    if (!token || token.date_due <= this.#clock.now()) throw errors.cardTokenNotFound();
    return token;
  }

  /**
   * `GET /v1/card_tokens/{id}`: the token as `POST` answered it. One the sandbox does not hold
   * (unknown, used by a payment, or past its 7 days) is 404 cause 2006 (our choice).
   */
  get(id: string): JsonObject {
    const token = this.#tokens.get(id);
    if (!token || token.date_due <= this.#clock.now()) throw errors.cardTokenNotFoundById();
    return this.#resource(token);
  }

  /** Every unused token, for a snapshot. */
  snapshot(): CardToken[] {
    return [...this.#tokens.values()];
  }

  restore(tokens: CardToken[]): void {
    for (const token of tokens) this.#tokens.set(token.id, token);
  }

  #resource(token: CardToken): JsonObject {
    return {
      id: token.id,
      public_key: null,
      first_six_digits: token.card.number.slice(0, 6),
      last_four_digits: token.card.number.slice(-4),
      expiration_month: token.expiration_month,
      expiration_year: token.expiration_year,
      card_number_length: token.card.number.length,
      security_code_length: token.card.payment_method_id === 'amex' ? 4 : 3,
      cardholder: token.cardholder,
      status: 'active',
      luhn_validation: true,
      live_mode: false,
      require_esc: false,
      date_created: apiDate(token.date_created),
      date_last_updated: apiDate(token.date_created),
      date_due: apiDate(token.date_due),
    };
  }
}

/**
 * The card's expiry, refused with MercadoPago.js's documented codes: 208/209 when missing, 325
 * (month) or 326 (year) when out of range or already past. A card is good through the last day
 * of its expiry month, in the sandbox's time zone (-04:00); a past month of this year is a bad
 * month (325), a past year a bad year (326).
 */
function expiry(body: JsonObject, now: number): { month: number; year: number } {
  const monthText = scalar(body.expiration_month).trim();
  const yearText = scalar(body.expiration_year).trim();
  if (monthText === '') throw errors.expirationMonthMissing();
  if (yearText === '') throw errors.expirationYearMissing();
  const month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : NaN;
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!(month >= 1 && month <= 12)) throw errors.expirationMonthInvalid();
  if (!(year >= 2000 && year <= 2100)) throw errors.expirationYearInvalid();
  const today = apiDate(now);
  const [thisYear, thisMonth] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (year < thisYear) throw errors.expirationYearInvalid();
  if (year === thisYear && month < thisMonth) throw errors.expirationMonthInvalid();
  return { month, year };
}

/**
 * A string or number as text; anything else (an object, an array, null) as `fallback`. Never
 * `String(value)` on a request's JSON: `{"toString": []}` would throw instead of being refused.
 */
function scalar(value: unknown, fallback = ''): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
}
