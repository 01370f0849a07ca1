/**
 * Prepares what a case needs in the in-browser sandbox before it is sent: its `given`, made by
 * the verifier's own function (examples/given.ts), with what the visit keeps standing in where it
 * can: the reserve the visit made (while it is still authorized) and its unused card token of the
 * approving card. Then says, for the reader, how each value came to be.
 */

import { isPlainReserve, makeGiven, type Reuse } from '../../../examples/given.ts';
import type { CaseHeld } from '../../../examples/operations.ts';
import type { Payment } from '../../../sandbox/core/payment.ts';
import type { Refund } from '../../../sandbox/core/refund.ts';
import type { Sandbox } from '../../../sandbox/core/sandbox.ts';
import type { TryCase } from './cases.ts';
import type { Visit } from './visit.ts';

export interface Staged {
  /** What the case's `given` made, by variable: the ids the path names, the card token the body carries. */
  values: Record<string, string>;
  /** The case's `given`, to say what each value is. */
  given: Record<string, CaseHeld>;
  /** The variables the visit's own reserve or card token stands for. */
  taken: string[];
}

/** The payment with that id as it is now, or undefined when the sandbox has none. */
export function paymentNow(sandbox: Sandbox, id: number | string | undefined): Payment | undefined {
  if (id === undefined || !/^\d{1,15}$/.test(String(id))) return undefined;
  try {
    return sandbox.payments.get(Number(id));
  } catch {
    return undefined;
  }
}

/** That payment's refund as it is now, or undefined. */
export function refundNow(sandbox: Sandbox, paymentId: string | undefined, refundId: string | undefined): Refund | undefined {
  const payment = paymentNow(sandbox, paymentId);
  return payment?.refunds.find((refund) => String(refund.id) === refundId);
}

const unused = (sandbox: Sandbox, token: string | undefined) =>
  token !== undefined && sandbox.cardTokens.snapshot().some((t) => t.id === token);

const approving = (held: CaseHeld) => 'cardToken' in held && held.cardToken.cardholder === 'APRO' && !held.cardToken.used;

/** Stages `tryCase`; records in `visit` a reserve or an approving card token it made. */
export function stage(sandbox: Sandbox, visit: Visit, tryCase: Pick<TryCase, 'given'>): Staged {
  const reuse: Reuse = {
    take(held) {
      if ('payment' in held && isPlainReserve(held)) {
        const kept = paymentNow(sandbox, visit.reserveId);
        return kept?.status === 'authorized' && kept.transaction_amount === held.payment.amount ? String(kept.id) : undefined;
      }
      if (approving(held)) return unused(sandbox, visit.cardToken) ? visit.cardToken : undefined;
      // The token the visit's last payment used, when there is one: the case sends what the reader's own Send used up.
      if ('cardToken' in held && held.cardToken.used) {
        const token = visit.usedCardToken?.token;
        return token !== undefined && !unused(sandbox, token) ? token : undefined;
      }
      return undefined;
    },
    made(held, id) {
      if (isPlainReserve(held)) visit.reserveId = Number(id);
      if (approving(held)) visit.cardToken = id;
    },
  };
  const { values, taken } = makeGiven(sandbox, tryCase.given, {}, reuse);
  return { values, given: tryCase.given, taken };
}

/** A UI string `tryIt.<key>` and the values it takes. */
export interface Said {
  key: string;
  values?: Record<string, string | number>;
}

/**
 * How the value of `name` came to be, for the reader: "a reserve of 100 just made with the APRO
 * test card", "an id no refund has"… A payment's refunds the case made follow it, with their amounts.
 */
export function howMade(staged: Staged, name: string, sandbox: Sandbox): Said[] {
  const held = staged.given[name];
  if (!held) return [];
  const kept = staged.taken.includes(name);
  if ('unknown' in held) return [{ key: `${held.unknown === 'cardToken' ? 'card' : held.unknown}.unknown` }];
  if ('cardToken' in held) {
    const { cardholder, used } = held.cardToken;
    if (used) return [{ key: 'card.used' }];
    if (cardholder === 'APRO') return [{ key: 'card.approving' }];
    if (cardholder === 'OTHE') return [{ key: 'card.declined' }];
    return [{ key: 'card.made', values: { card: cardholder } }];
  }
  if ('refund' in held) {
    const refund = refundNow(sandbox, staged.values[held.refund.of], staged.values[name]);
    return [{ key: 'refund.new', values: { amount: refund?.amount ?? held.refund.amount ?? '' } }];
  }
  const { amount, cardholder, afterwards } = held.payment;
  const said: Said[] = [];
  if (isPlainReserve(held)) said.push(kept ? { key: 'payment.kept' } : { key: 'payment.new', values: { amount } });
  else if (!held.payment.capture && cardholder === 'APRO')
    said.push({ key: afterwards === 'cancel' ? 'payment.cancelled' : 'payment.captured' });
  else said.push({ key: afterwards === 'cancel' ? 'payment.paidCancelled' : 'payment.paid', values: { amount, card: cardholder } });
  const refunds = Object.entries(staged.given).filter(([, other]) => 'refund' in other && other.refund.of === name);
  if (refunds.length > 0) {
    const payment = paymentNow(sandbox, staged.values[name]);
    const amounts = refunds.map(([refundName]) => payment?.refunds.find((r) => String(r.id) === staged.values[refundName])?.amount ?? '?');
    said.push({ key: 'payment.refunded', values: { amounts: amounts.join(' + ') } });
  }
  return said;
}

/**
 * After a payment's creation was answered: a 201 used its card token up, and an authorized
 * payment becomes the visit's reserve, which the capture and cancel pages start from.
 */
export function recordCreation(visit: Visit, sentToken: string | undefined, status: number, payment: unknown): void {
  if (status !== 201 || !payment || typeof payment !== 'object') return;
  const { id, status: paymentStatus } = payment as { id?: unknown; status?: unknown };
  if (typeof id !== 'number') return;
  if (sentToken !== undefined) visit.usedCardToken = { token: sentToken, paymentId: id };
  if (sentToken === visit.cardToken) delete visit.cardToken;
  if (paymentStatus === 'authorized') visit.reserveId = id;
}
