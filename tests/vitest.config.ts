import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Kept under tests/ so the top level stays as the design card has it. One project per part of
// the system, so each npm script runs one part and says what it needs (tests/browser has its own config).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    exclude: ['**/node_modules/**', 'tests/browser/**'],
    setupFiles: ['tests/setup/openapi-conformance.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      // TypeScript only: the sandbox's rules, its HTTP adapter, faults, load, security, the official Node SDK in-process.
      {
        extends: true,
        test: { name: 'sandbox', include: ['sandbox/core/**/*.test.ts', 'sandbox/*.test.ts', 'tests/sandbox/**/*.test.ts'] },
      },
      // Runs the examples' runtimes (PHP, Node, Java, Ruby, Mono, Python, Go, curl) in the namespace.
      { extends: true, test: { name: 'verifier', include: ['scripts/**/*.test.ts', 'tests/verifier/**/*.test.ts'] } },
      // Each SDK double's own test program, in its runtime (PHP, Ruby, Mono), against the sandbox.
      { extends: true, test: { name: 'doubles', include: ['sandbox/sdk-doubles/**/*.test.ts'] } },
      // The built site (run `npm run build` first) and the pages' shell snippets, with curl, against `npm run sandbox`.
      { extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'] } },
    ],
  },
});
