/**
 * Makes a declaration's `given` in a sandbox: the verifier before each run of a program
 * (scripts/verify/given.ts) and the Try it panel before each case it sends (docs/lib/try-it/stage.ts)
 * both call `makeGiven`, so a case is staged exactly as a run is. Direct calls on the sandbox, by
 * the routes' own rules: the program's request (or the reader's Send) is the only one made.
 *
 * Apart from ./operations.ts, which reads files: the panel's browser module imports this one.
 */
import type { Sandbox } from '../sandbox/core/sandbox.ts';
import type { CaseHeld } from './operations.ts';

/**
 * What `{"unknown": …}` passes: ids the sandbox never holds. Payment and refund ids count up
 * from 1,000,000,000, so a nine-digit id is neither; a card token is 32 hex digits, never zeros.
 */
export const UNKNOWN_IDS = { payment: '999999999', refund: '999999999', cardToken: '0'.repeat(32) } as const;

/**
 * Lets a caller stand something it already has for what `given` declares: the panel's visit
 * keeps its reserve and its card token from page to page. The verifier passes none.
 */
export interface Reuse {
  /** An id to pass for `held` instead of making one, or undefined to make it. */
  take?(held: CaseHeld): string | undefined;
  /** Told of each thing made (not of one taken). */
  made?(held: CaseHeld, id: string): void;
}

export interface MadeGiven {
  /** Each variable's value: the fixed inputs passed, then what was made, in the declaration's order. */
  values: Record<string, string>;
  /** The variables whose value `reuse.take` gave. */
  taken: string[];
}

/**
 * Makes each thing `given` declares, in order (a refund names a payment made before it, as the
 * loader checks). `fixed` are the inputs the declaration fixes (CAPTURE_AMOUNT…), passed as they are.
 */
export function makeGiven(
  sandbox: Sandbox,
  given: Record<string, CaseHeld>,
  fixed: Record<string, string> = {},
  reuse: Reuse = {},
): MadeGiven {
  const values = { ...fixed };
  const taken: string[] = [];
  for (const [name, held] of Object.entries(given)) {
    const kept = reuse.take?.(held);
    if (kept !== undefined) {
      values[name] = kept;
      taken.push(name);
      continue;
    }
    values[name] = make(sandbox, held, values);
    reuse.made?.(held, values[name]);
  }
  return { values, taken };
}

/** Makes one thing; returns its id. */
function make(sandbox: Sandbox, held: CaseHeld, made: Record<string, string>): string {
  if ('unknown' in held) return UNKNOWN_IDS[held.unknown];
  if ('cardToken' in held) {
    const token = sandbox.createCardToken(held.cardToken.cardholder);
    // Used as a payment uses it: gone from the unused tokens, as the API then refuses it.
    if (held.cardToken.used) sandbox.cardTokens.consume(token);
    return token;
  }
  if ('payment' in held) {
    const { amount, capture, cardholder, afterwards } = held.payment;
    const { id } = sandbox.createPayment({ amount, capture, cardholderName: cardholder });
    if (afterwards === 'capture') sandbox.payments.update(id, { capture: true });
    if (afterwards === 'cancel') sandbox.payments.update(id, { status: 'cancelled' });
    return String(id);
  }
  const { of, amount, times = 1 } = held.refund as { of: string; amount?: number; times?: number };
  let id = '';
  for (let i = 0; i < times; i++) id = String(sandbox.refund(Number(made[of]), amount).id);
  return id;
}

/** The reserve a plain `given` payment is: not captured, the approving card, nothing done to it. */
export function isPlainReserve(held: CaseHeld): boolean {
  return 'payment' in held && !held.payment.capture && held.payment.cardholder === 'APRO' && held.payment.afterwards === undefined;
}
