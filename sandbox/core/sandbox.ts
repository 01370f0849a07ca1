import type { HttpHandler } from 'msw';
import { CardTokens } from './card-tokens.ts';
import { type Clock, DAY_MS, systemClock } from './clock.ts';
import { Faults } from './faults.ts';
import { createHandlers } from './handlers.ts';
import { Idempotency } from './idempotency.ts';
import { Journal, type JournalEntry } from './journal.ts';
import type { Payment } from './payment.ts';
import { Payments } from './payments.ts';
import type { Refund } from './refund.ts';
import type { SandboxState } from './state.ts';
import { RESERVE_BODY, TEST_CARD } from './test-cards.ts';

export type { SandboxState };

export interface SandboxOptions {
  clock?: Clock;
  /** Days an uncaptured reserve lasts (7 in Argentina and Mexico, 5 in Brazil, 22 in Peru). */
  reserveTtlDays?: number;
  /** Oldest payments are evicted past this count. */
  maxPayments?: number;
  /** How many idempotency keys' answers are kept for replay, oldest forgotten first. */
  idempotencyKeys?: number;
  /** How many requests the journal keeps. */
  journalSize?: number;
  log?: (message: string) => void;
  /** Sees every request and the answer given, as the journal records it (tests check each against the spec). */
  onResponse?: (entry: JournalEntry) => void;
  /** State from an earlier sandbox's `snapshot()`: the in-browser sandbox outlives a page this way. */
  restore?: SandboxSnapshot;
  /** The one browser origin (the docs site) allowed to call the sandbox with CORS. */
  corsOrigin?: string;
}

/**
 * A sandbox's payments, unused card tokens and stored idempotent answers, as plain JSON.
 * Faults, the journal and the options are not kept: they belong to one session.
 */
export interface SandboxSnapshot {
  version: 1;
  payments: ReturnType<Payments['snapshot']>;
  cardTokens: ReturnType<CardTokens['snapshot']>;
  idempotency: ReturnType<Idempotency['snapshot']>;
}

export interface Sandbox extends SandboxState {
  /** The state to restore later with `createSandbox({ restore })`. */
  snapshot(): SandboxSnapshot;
  /** The msw request handlers: the sandbox's one HTTP surface. */
  handlers: HttpHandler[];
  /** Makes a card token from a test card; the cardholder name picks the outcome. */
  createCardToken(cardholderName?: string): string;
  /**
   * Makes a payment directly (no HTTP, not journaled): a reserve unless `capture` is true. The
   * cardholder name picks the outcome as with a card token: `capture: true` with `APRO` is an
   * approved payment, `CONT` an `in_process` one (whatever `capture` says), `OTHE` a rejected one.
   */
  createPayment(options?: { cardholderName?: string; amount?: number; capture?: boolean }): Payment;
  /**
   * Refunds a payment directly (no HTTP, no idempotency key, not journaled), by the same rules as
   * `POST /v1/payments/{id}/refunds`: all that is left without `amount`, else that much. Throws
   * the API's error (an `ApiError`) where the route would answer one.
   */
  refund(paymentId: number, amount?: number): Refund;
}

/**
 * Keys are bounded apart from payments: each keeps a whole answer (about 2.5 KB), so
 * 100,000 of them would double the memory of a full sandbox. Shortcut: a key older than the
 * last 10,000 is forgotten, where the real API keeps keys for a time instead.
 */
export const DEFAULTS = { reserveTtlDays: 7, maxPayments: 100_000, idempotencyKeys: 10_000, journalSize: 1_000 } as const;

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  const maxPayments = options.maxPayments ?? DEFAULTS.maxPayments;
  const cardTokens = new CardTokens(clock);
  const payments = new Payments({
    clock,
    reserveTtlMs: (options.reserveTtlDays ?? DEFAULTS.reserveTtlDays) * DAY_MS,
    maxPayments,
    onEvict: (id) => log(`payment ${id} evicted: more than ${maxPayments} payments are kept (--max-payments)`),
  });
  const state: SandboxState = {
    clock,
    cardTokens,
    payments,
    idempotency: new Idempotency(options.idempotencyKeys ?? DEFAULTS.idempotencyKeys),
    journal: new Journal(options.journalSize ?? DEFAULTS.journalSize, options.onResponse),
    faults: new Faults(),
    corsOrigin: options.corsOrigin,
  };

  const createCardToken = (cardholderName = 'APRO'): string =>
    cardTokens.create({ ...TEST_CARD, cardholder: { ...TEST_CARD.cardholder, name: cardholderName } }).id as string;

  if (options.restore?.version === 1) {
    payments.restore(options.restore.payments);
    cardTokens.restore(options.restore.cardTokens);
    state.idempotency.restore(options.restore.idempotency);
  }

  return {
    ...state,
    snapshot: () => ({
      version: 1,
      payments: payments.snapshot(),
      cardTokens: cardTokens.snapshot(),
      idempotency: state.idempotency.snapshot(),
    }),
    handlers: createHandlers(state),
    createCardToken,
    createPayment: ({ cardholderName = 'APRO', amount = RESERVE_BODY.transaction_amount, capture = false } = {}) =>
      payments.create({ ...RESERVE_BODY, transaction_amount: amount, token: createCardToken(cardholderName), capture }, cardTokens),
    refund: (paymentId, amount) => payments.refund(paymentId, amount === undefined ? {} : { amount }),
  };
}
