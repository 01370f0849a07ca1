/**
 * Prepares what a case needs in the in-browser sandbox before it is sent: the reserve its path
 * names, or the card token its body carries. Direct calls on the sandbox (not requests), the
 * way the verifier prepares a run: the reader's Send is the only request the case makes.
 */

import type { Payment } from '../../../sandbox/core/payment.ts';
import type { Sandbox } from '../../../sandbox/core/sandbox.ts';
import { type TryCase, UNKNOWN_PAYMENT_ID } from './cases.ts';
import type { Visit } from './visit.ts';

export interface Staged {
  /** The id the path names, when the operation's path has one. */
  paymentId?: string;
  /** How that payment came to be, for the reader. */
  payment?: 'kept' | 'new' | 'cancelled' | 'captured' | 'unknown';
  /** The card token the body's `{CARD_TOKEN}` stands for, and what it is. */
  cardToken?: { token: string; kind: 'approving' | 'declined' | 'used' };
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

const unused = (sandbox: Sandbox, token: string | undefined) =>
  token !== undefined && sandbox.cardTokens.snapshot().some((t) => t.id === token);

/** Stages `tryCase`; records a reserve or card token it made in `visit`. */
export function stage(sandbox: Sandbox, visit: Visit, tryCase: TryCase, reserveAmount: number): Staged {
  const staged: Staged = {};
  const reserve = () => sandbox.createPayment({ amount: reserveAmount }).id;
  switch (tryCase.subject) {
    case 'reserve': {
      if (paymentNow(sandbox, visit.reserveId)?.status === 'authorized') {
        staged.payment = 'kept';
      } else {
        visit.reserveId = reserve();
        staged.payment = 'new';
      }
      staged.paymentId = String(visit.reserveId);
      break;
    }
    case 'cancelled-reserve':
    case 'captured-reserve': {
      const id = reserve();
      sandbox.payments.update(id, tryCase.subject === 'cancelled-reserve' ? { status: 'cancelled' } : { capture: true });
      staged.paymentId = String(id);
      staged.payment = tryCase.subject === 'cancelled-reserve' ? 'cancelled' : 'captured';
      break;
    }
    case 'unknown':
      staged.paymentId = UNKNOWN_PAYMENT_ID;
      staged.payment = 'unknown';
      break;
  }
  switch (tryCase.card) {
    case 'APRO':
      if (!unused(sandbox, visit.cardToken)) visit.cardToken = sandbox.createCardToken('APRO');
      staged.cardToken = { token: visit.cardToken!, kind: 'approving' };
      break;
    case 'OTHE':
      staged.cardToken = { token: sandbox.createCardToken('OTHE'), kind: 'declined' };
      break;
    case 'used': {
      let token = visit.usedCardToken?.token;
      if (token === undefined || unused(sandbox, token)) {
        // No token used yet in this visit: use one up, as a payment would.
        token = sandbox.createCardToken('APRO');
        sandbox.cardTokens.consume(token);
      }
      staged.cardToken = { token, kind: 'used' };
      break;
    }
  }
  return staged;
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
