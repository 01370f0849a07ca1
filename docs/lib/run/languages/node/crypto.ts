/**
 * Browser stand-in for Node's `crypto` / `node:crypto`, mapped in by the iframe's import map.
 * Covers what the tab programs and the mercadopago SDK's request path use (randomUUID, randomInt);
 * the SDK's webhook helpers (createHmac, timingSafeEqual) are not needed to make a request and throw.
 */
const webcrypto = globalThis.crypto;

export function randomUUID(): string {
  return webcrypto.randomUUID();
}

/** randomInt(max) or randomInt(min, max): an integer in [min, max), without modulo bias. */
export function randomInt(a: number, b?: number): number {
  const [min, max] = b === undefined ? [0, a] : [a, b];
  const range = max - min;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || range <= 0 || range > 2 ** 32) {
    throw new RangeError(`randomInt: bad range [${min}, ${max})`);
  }
  const limit = 2 ** 32 - (2 ** 32 % range);
  const buf = new Uint32Array(1);
  do webcrypto.getRandomValues(buf);
  while (buf[0]! >= limit);
  return min + (buf[0]! % range);
}

export function randomBytes(size: number): Uint8Array {
  return webcrypto.getRandomValues(new Uint8Array(size));
}

export const getRandomValues = <T extends ArrayBufferView>(a: T): T => webcrypto.getRandomValues(a as never);

function unavailable(name: string): never {
  throw new Error(`crypto.${name} is not available in the browser runner`);
}
export const createHmac = (): never => unavailable('createHmac');
export const createHash = (): never => unavailable('createHash');
export const timingSafeEqual = (): never => unavailable('timingSafeEqual');

export { webcrypto };
export default { randomUUID, randomInt, randomBytes, getRandomValues, createHmac, createHash, timingSafeEqual, webcrypto };
