/**
 * Randomness from Web Crypto (`globalThis.crypto`), the same in Node and in a browser: the
 * core runs in both, so it imports nothing of either.
 */

/** `n` random bytes as lower-case hex. */
export function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A random integer in [0, 2^40): five random bytes. */
export function random40(): number {
  return crypto.getRandomValues(new Uint8Array(5)).reduce((n, byte) => n * 256 + byte, 0);
}

export const randomUUID = (): string => crypto.randomUUID();
