import { fixedInputs, type Held, type Operation } from '../../examples/operations.ts';
import type { Payment } from '../../sandbox/core/payment.ts';
import type { Sandbox } from '../../sandbox/core/sandbox.ts';

/**
 * Readies a fresh sandbox for one run of an operation's program, as its declaration's `given`
 * says (each thing made in order, by direct calls: the program's request is the only one), and
 * returns the variables the program reads, but the token.
 */
export function prepareSandbox(sandbox: Sandbox, operation: Operation): Record<string, string> {
  const env = fixedInputs(operation);
  for (const [name, held] of Object.entries(operation.given)) env[name] = make(sandbox, held, env);
  return env;
}

/** Makes one thing `given` declares; returns its id. */
function make(sandbox: Sandbox, held: Held, made: Record<string, string>): string {
  if ('cardToken' in held) return sandbox.createCardToken(held.cardToken.cardholder);
  if ('payment' in held) {
    const { amount, capture, cardholder } = held.payment;
    return String(sandbox.createPayment({ amount, capture, cardholderName: cardholder }).id);
  }
  // The loader checked that `of` names a payment made before.
  return String(sandbox.refund(Number(made[held.refund.of]), held.refund.amount).id);
}

/** The payment under an id, or undefined: for checks, which must not throw the API's 404. */
export function paymentById(sandbox: Sandbox, id: number): Payment | undefined {
  try {
    return sandbox.payments.get(id);
  } catch {
    return undefined;
  }
}
