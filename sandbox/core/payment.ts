import { additionalInfo } from './additional-info.ts';
import { apiDate } from './api-date.ts';
import type { CardToken } from './card-tokens.ts';
import { isObject, type JsonObject } from './json.ts';
import type { Refund } from './refund.ts';
import type { Outcome } from './test-cards.ts';

export type PaymentStatus = 'pending' | 'in_process' | 'authorized' | 'approved' | 'rejected' | 'cancelled' | 'refunded';

/** The fields a reader's code looks at, typed; the resource carries many more. */
export interface Payment extends JsonObject {
  id: number;
  status: PaymentStatus;
  status_detail: string;
  captured: boolean;
  collector_id: number;
  transaction_amount: number;
  /** What its refunds add up to; the whole `transaction_amount` once it is `refunded`. */
  transaction_amount_refunded: number;
  /** Its refunds, oldest first, as `GET /v1/payments/{id}/refunds` lists them. */
  refunds: Refund[];
  date_created: string;
  date_last_updated: string;
  date_approved: string | null;
  money_release_date: string | null;
  fee_details: JsonObject[];
  transaction_details: JsonObject;
}

/**
 * The rule for every change of status: which statuses a payment may move to from each, by a
 * request (cancel, capture, refund) or by a reserve's lapse. Payments.ts and refund-payment.ts
 * ask it before any change; a cancel or capture it refuses is cause 2018, a refund cause 2063.
 * Cancelling is allowed from pending, in_process and authorized (documented); capturing only
 * from authorized (our choice: the docs are silent); refunding only from approved, that is once
 * the money was captured (a reserve that was never captured is cancelled instead: our choice).
 * A partial refund leaves the payment approved; the one that empties it makes it refunded.
 */
export const TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['cancelled'],
  in_process: ['cancelled'],
  authorized: ['cancelled', 'approved'],
  approved: ['refunded'],
  rejected: [],
  cancelled: [],
  refunded: [],
};

export const mayMove = (from: PaymentStatus, to: PaymentStatus): boolean => TRANSITIONS[from].includes(to);

/**
 * The sandbox's `build_version`: recorded payments carry the API's (`"2.126.1"`); the sandbox's
 * names its own release, the version of sandbox/openapi.yaml (a test keeps the two equal).
 */
export const BUILD_VERSION = '0.4.0';

/**
 * Fields every recorded test-mode card payment carries with these values, and that nothing the
 * sandbox does changes. Frozen and shared by every payment, so they cost no memory per payment.
 */
const RECORDED_CARD_PAYMENT = Object.freeze({
  order: Object.freeze({}),
  acquirer_reconciliation: Object.freeze([]) as unknown as JsonObject[],
  point_of_interaction: Object.freeze({
    type: 'UNSPECIFIED',
    business_info: Object.freeze({ unit: 'online_payments', sub_unit: 'default' }),
  }),
}) satisfies JsonObject;

/**
 * A payment made before these fields existed (a snapshot kept by an older sandbox, such as the
 * browser's session state) gets them on restore, so every payment has every property.
 */
export function withEveryField(payment: Payment): Payment {
  const defaults: JsonObject = {
    taxes_amount: 0,
    shipping_amount: 0,
    build_version: BUILD_VERSION,
    additional_info: additionalInfo(undefined),
    ...RECORDED_CARD_PAYMENT,
  };
  for (const [key, value] of Object.entries(defaults)) {
    if (!(key in payment) || (key === 'additional_info' && Object.keys(payment.additional_info as JsonObject).length === 0)) {
      payment[key] = value;
    }
  }
  return payment;
}

/** Guess: the fee the sandbox charges on capture (the real one depends on country and plan). */
export const FEE_RATE = 0.0499;

export interface NewPayment {
  id: number;
  now: number;
  token: CardToken;
  /** The card's brand, or the one the body named where the card's is not known. */
  paymentMethodId: string;
  outcome: Outcome;
  capture: boolean;
  body: JsonObject;
  reserveExpiresAt: number | null;
}

/** Builds the full resource the API returns on creation, shaped like a recorded test-mode payment. */
export function newPayment({ id, now, token, paymentMethodId, outcome, capture, body, reserveExpiresAt }: NewPayment): Payment {
  const amount = body.transaction_amount as number;
  const reserved = outcome.status === 'approved' && !capture;
  const status: PaymentStatus = reserved ? 'authorized' : outcome.status;
  const payer = (body.payer ?? {}) as JsonObject;
  const created = apiDate(now);
  const payment: Payment = {
    id,
    date_created: created,
    date_approved: null,
    date_last_updated: created,
    date_of_expiration: reserveExpiresAt === null ? null : apiDate(reserveExpiresAt),
    money_release_date: null,
    money_release_status: null,
    operation_type: 'regular_payment',
    issuer_id: token.card.issuer_id,
    payment_method_id: paymentMethodId,
    payment_type_id: 'credit_card',
    payment_method: { id: paymentMethodId, type: 'credit_card', issuer_id: token.card.issuer_id },
    status,
    status_detail: reserved ? 'pending_capture' : outcome.status_detail,
    currency_id: typeof body.currency_id === 'string' ? body.currency_id : 'ARS',
    description: typeof body.description === 'string' ? body.description : null,
    live_mode: false,
    sponsor_id: null,
    authorization_code: status === 'rejected' ? null : String(100000 + (id % 900000)),
    taxes_amount: 0,
    shipping_amount: 0,
    build_version: BUILD_VERSION,
    collector_id: 1234567890,
    payer: {
      type: null,
      id: null,
      email: typeof payer.email === 'string' ? payer.email : null,
      identification: token.cardholder.identification,
      first_name: null,
      last_name: null,
      entity_type: null,
    },
    // Like the other optional fields, a value of the wrong type is dropped: only an object is kept.
    metadata: isObject(body.metadata) ? body.metadata : {},
    additional_info: additionalInfo(body.additional_info),
    order: RECORDED_CARD_PAYMENT.order,
    external_reference: typeof body.external_reference === 'string' ? body.external_reference : null,
    transaction_amount: amount,
    transaction_amount_refunded: 0,
    coupon_amount: 0,
    transaction_details: {
      net_received_amount: 0,
      total_paid_amount: amount,
      overpaid_amount: 0,
      installment_amount: amount / (body.installments as number),
      financial_institution: null,
      payment_method_reference_id: null,
      acquirer_reference: null,
      external_resource_url: null,
    },
    fee_details: [],
    charges_details: [],
    captured: false,
    binary_mode: body.binary_mode === true,
    statement_descriptor: typeof body.statement_descriptor === 'string' ? body.statement_descriptor : null,
    installments: body.installments as number,
    card: {
      id: null,
      first_six_digits: token.card.number.slice(0, 6),
      last_four_digits: token.card.number.slice(-4),
      expiration_month: token.expiration_month,
      expiration_year: token.expiration_year,
      date_created: created,
      date_last_updated: created,
      cardholder: { name: token.cardholder.name, identification: token.cardholder.identification },
    },
    notification_url: typeof body.notification_url === 'string' ? body.notification_url : null,
    refunds: [],
    processing_mode: 'aggregator',
    merchant_account_id: null,
    counter_currency: null,
    callback_url: null,
    acquirer_reconciliation: RECORDED_CARD_PAYMENT.acquirer_reconciliation,
    point_of_interaction: RECORDED_CARD_PAYMENT.point_of_interaction,
  };
  if (status === 'approved') settle(payment, now, amount);
  return payment;
}

/** Captures `amount`: approval and release dates, the fee, and what the collector receives. */
export function settle(payment: Payment, now: number, amount: number): void {
  const fee = Math.round(amount * FEE_RATE * 100) / 100;
  payment.status = 'approved';
  payment.status_detail = 'accredited';
  payment.captured = true;
  payment.transaction_amount = amount;
  payment.date_approved = apiDate(now);
  payment.date_last_updated = apiDate(now);
  payment.money_release_date = apiDate(now);
  payment.money_release_status = 'released';
  payment.date_of_expiration = null;
  payment.fee_details = [{ type: 'mercadopago_fee', amount: fee, fee_payer: 'collector' }];
  payment.transaction_details.total_paid_amount = amount;
  payment.transaction_details.installment_amount = amount / (payment.installments as number);
  payment.transaction_details.net_received_amount = Math.round((amount - fee) * 100) / 100;
}
