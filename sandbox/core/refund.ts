import { apiDate } from './api-date.ts';
import type { JsonObject } from './json.ts';

/**
 * A refund, as `POST /v1/payments/{id}/refunds` answers it and as the payment's `refunds` lists it.
 * The fields are the union of the 2017 recording, the SDKs' refund classes and the SDKs' fixture of
 * a partly refunded payment; the sandbox writes every one of them, always.
 */
export interface Refund extends JsonObject {
  id: number;
  payment_id: number;
  amount: number;
  status: 'approved';
  date_created: string;
}

export interface NewRefund {
  id: number;
  paymentId: number;
  /** Whoever asked for it: the payment's collector (the sandbox has one). */
  collectorId: number;
  amount: number;
  now: number;
}

/**
 * Builds the refund resource. Every refund the sandbox makes is `approved` at once: when the real
 * API answers `in_process` or `rejected` is not known, so the sandbox never does.
 */
export function newRefund({ id, paymentId, collectorId, amount, now }: NewRefund): Refund {
  return {
    id,
    payment_id: paymentId,
    amount,
    metadata: {},
    // An object, as recorded: the API reference's sample shows an array here, which no answer has.
    source: { id: String(collectorId), name: 'Sandbox collector', type: 'collector' },
    // Three fractional digits, always: sdk-java parses `.SSS` and nothing else.
    date_created: apiDate(now),
    unique_sequence_number: null,
    refund_mode: 'standard',
    adjustment_amount: 0,
    status: 'approved',
    reason: null,
    // `labels` as sdk-php names it; the API reference says `label`. Which one the API sends is not known.
    labels: [],
    // The sandbox has no fees on refunds: the payer gets back what was refunded.
    amount_refunded_to_payer: amount,
    partition_details: [],
    external_refund_id: null,
    expiration_date: null,
    additional_data: null,
  };
}
