import { apiDate } from './api-date.ts';
import { errors } from './api-error.ts';
import type { JsonObject } from './json.ts';
import { mayMove, type Payment } from './payment.ts';
import { newRefund, type Refund } from './refund.ts';

/** The old refunds guide: "up to 20 partial refunds" per payment. What the 21st gets is not documented. */
export const MAX_PARTIAL_REFUNDS = 20;

/**
 * `POST /v1/payments/{id}/refunds` on one payment: checks the request against what is left,
 * makes the refund and changes the payment. Checked in this order (the order is our choice):
 * the amount's type (4041) and sign (4040), the payment's state (2063), the amount against
 * what is left (2017), the number of partial refunds (3024). A refused request changes nothing.
 *
 * No `amount` (no body, `{}`, or `"amount": null`) is a full refund of what is left: the SDKs
 * send all three forms for one.
 *
 * Amounts are summed and compared in cents, so that 0.1 + 0.2 refunds add up to 0.3 and a
 * payment refunded in parts ends exactly refunded; an amount with more decimals is rounded to
 * the cent first (our choice: what the API does with one is not known).
 */
export function refundPayment(payment: Payment, body: JsonObject, options: { now: number; nextId: () => number }): Refund {
  const asked = requestedCents(body.amount);
  const total = cents(payment.transaction_amount);
  const refunded = cents(payment.transaction_amount_refunded);
  const left = total - refunded;
  // Only captured money can be given back; a refunded payment has none left (2063, recorded).
  if (!mayMove(payment.status, 'refunded') || left <= 0) throw errors.notRefundable();
  const amount = asked ?? left;
  if (amount > left) throw errors.invalidAmountForUpdate();
  // Our choice: the 21st partial refund is refused, but a refund of everything left is still
  // allowed after 20 partial ones, so that a payment can always be refunded in full.
  if (amount < left && payment.refunds.length >= MAX_PARTIAL_REFUNDS) throw errors.partialRefundUnsupported();

  const refund = newRefund({
    id: options.nextId(),
    paymentId: payment.id,
    collectorId: payment.collector_id,
    amount: amount / 100,
    now: options.now,
  });
  const emptied = amount === left;
  payment.refunds.push(refund);
  payment.transaction_amount_refunded = (refunded + amount) / 100;
  payment.status = emptied ? 'refunded' : 'approved';
  payment.status_detail = emptied ? 'refunded' : 'partially_refunded';
  // Inferred, not recorded: a refund is a change to the payment.
  payment.date_last_updated = apiDate(options.now);
  return refund;
}

/** The amount asked for, in cents; undefined for a full refund. */
function requestedCents(amount: unknown): number | undefined {
  if (amount === undefined || amount === null) return undefined;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) throw errors.refundAmountNotNumber();
  const inCents = cents(amount);
  if (inCents <= 0) throw errors.refundAmountNotPositive();
  return inCents;
}

const cents = (amount: number): number => Math.round(amount * 100);
