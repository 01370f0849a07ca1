import { makeGiven } from '../../examples/given.ts';
import { fixedInputs, type Operation } from '../../examples/operations.ts';
import type { Payment } from '../../sandbox/core/payment.ts';
import type { Sandbox } from '../../sandbox/core/sandbox.ts';

/**
 * Readies a fresh sandbox for one run of an operation's program, as its declaration's `given`
 * says (examples/given.ts, which the Try it panel stages its cases with too), and returns the
 * variables the program reads, but the token.
 */
export function prepareSandbox(sandbox: Sandbox, operation: Operation): Record<string, string> {
  return makeGiven(sandbox, operation.given, fixedInputs(operation)).values;
}

/** The payment under an id, or undefined: for checks, which must not throw the API's 404. */
export function paymentById(sandbox: Sandbox, id: number): Payment | undefined {
  try {
    return sandbox.payments.get(id);
  } catch {
    return undefined;
  }
}
