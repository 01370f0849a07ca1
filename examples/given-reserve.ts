import type { OperationDeclaration } from './operations.ts';

/**
 * The amount of the reserve an operation is given (a payment not captured), if it is given
 * one: the Try it panel's cases act on it. Apart from ./operations.ts, which reads files, so
 * that the panel's browser module can import what imports it.
 */
export function givenReserve(operation: Pick<OperationDeclaration, 'given'>): number | undefined {
  for (const held of Object.values(operation.given)) if ('payment' in held && !held.payment.capture) return held.payment.amount;
  return undefined;
}
