import { fixedInputs, givenInput, type Operation } from '../../examples/operations.ts';
import type { Sandbox } from '../../sandbox/core/sandbox.ts';

/**
 * Readies a fresh sandbox for one run of an operation's program, as its declaration says
 * (a card token, or a reserve), and returns the variables the program reads, but the token.
 */
export function prepareSandbox(sandbox: Sandbox, operation: Operation): Record<string, string> {
  const env = fixedInputs(operation);
  env[givenInput(operation)] =
    'cardToken' in operation.given
      ? sandbox.createCardToken(operation.given.cardToken.cardholder)
      : String(sandbox.createPayment({ amount: operation.given.reserve.amount }).id);
  return env;
}

/** The payment under an id, or undefined: for checks, which must not throw the API's 404. */
export function paymentById(sandbox: Sandbox, id: number) {
  try {
    return sandbox.payments.get(id);
  } catch {
    return undefined;
  }
}
