/**
 * The cases a page's "What goes wrong" lists, as the panel can stage them: what it prepares,
 * what it changes in the request, and the answer the page says to expect. The server renders
 * them into the panel (labels in the page's language); the browser applies them as data.
 */
import { givenReserve } from '../../../examples/given-reserve.ts';
import type { Operation } from '../examples.ts';

/** Which payment the path names when the case is sent. */
export type Subject =
  /** The visit's reserve while it is still authorized, else a new one (the documented call). */
  | 'reserve'
  /** A reserve the panel has just cancelled, or captured: sending to it again is refused. */
  | 'cancelled-reserve'
  | 'captured-reserve'
  /** An id no sandbox payment can have (ids start at 1,000,000,000). */
  | 'unknown';

export interface TryCase {
  /** The UI string `tryIt.case.<id>` names it. */
  id: 'documented' | 'cancel-twice' | 'capture-twice' | 'canceled' | 'unknown-id' | 'over-capture' | 'declined' | 'no-key' | 'used-token';
  subject?: Subject;
  /** For a payment's creation: the test card's holder, whose name picks the outcome, or a token already used. */
  card?: 'APRO' | 'OTHE' | 'used';
  /** A header the case leaves out. */
  omit?: string;
  /** A top-level member of the body the case sets. */
  set?: { member: string; value: string | number };
  expect: { status: number; cause?: number; paymentStatus?: string };
}

/** An id that is never a payment's: the sandbox numbers payments from 1,000,000,000 up. */
export const UNKNOWN_PAYMENT_ID = '999999999';

/** The documented call first, then the page's "What goes wrong", in the page's order. */
export function casesFor(operation: Operation): TryCase[] {
  const documented: TryCase = {
    id: 'documented',
    ...(givenReserve(operation) !== undefined ? { subject: 'reserve' as const } : { card: 'APRO' as const }),
    expect: { status: operation.response.status, paymentStatus: String(operation.response.body.status) },
  };
  const reserveAmount = givenReserve(operation) ?? 0;
  switch (operation.id) {
    case 'reserve-funds':
      return [
        documented,
        { id: 'declined', card: 'OTHE', expect: { status: 201, paymentStatus: 'rejected' } },
        { id: 'no-key', card: 'APRO', omit: 'x-idempotency-key', expect: { status: 400, cause: 4292 } },
        { id: 'used-token', card: 'used', expect: { status: 400, cause: 2006 } },
      ];
    case 'capture-reserve':
      return [
        documented,
        { id: 'capture-twice', subject: 'captured-reserve', expect: { status: 400, cause: 2018 } },
        { id: 'unknown-id', subject: 'unknown', expect: { status: 404, cause: 2000 } },
      ];
    case 'partial-capture':
      return [
        documented,
        {
          id: 'over-capture',
          subject: 'reserve',
          set: { member: 'transaction_amount', value: reserveAmount + 50 },
          expect: { status: 400, cause: 2017 },
        },
        { id: 'capture-twice', subject: 'captured-reserve', expect: { status: 400, cause: 2018 } },
        { id: 'unknown-id', subject: 'unknown', expect: { status: 404, cause: 2000 } },
      ];
    case 'cancel-reserve':
      return [
        documented,
        { id: 'cancel-twice', subject: 'cancelled-reserve', expect: { status: 400, cause: 2018 } },
        { id: 'canceled', subject: 'reserve', set: { member: 'status', value: 'canceled' }, expect: { status: 400, cause: 2016 } },
        { id: 'unknown-id', subject: 'unknown', expect: { status: 404, cause: 2000 } },
      ];
    default:
      return [documented];
  }
}
