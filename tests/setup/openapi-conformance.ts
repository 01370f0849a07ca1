/**
 * Registered as a vitest setupFile, so it runs around every test file: every sandbox the file
 * creates in this process reports its responses to the conformance check
 * (tests/support/openapi-conformance.ts), and the file fails if any did not match the spec.
 * The sandbox itself knows nothing of this: it takes an `onResponse` option, set here.
 */
import { afterAll, vi } from 'vitest';
import { assertConformance, conform } from '../support/openapi-conformance.ts';

vi.mock(import('../../sandbox/core/sandbox.ts'), async (importOriginal) => {
  const original = await importOriginal();
  return {
    ...original,
    createSandbox: (options = {}) =>
      original.createSandbox({
        ...options,
        onResponse: (entry) => {
          conform(entry);
          options.onResponse?.(entry);
        },
      }),
  };
});

afterAll(async () => {
  await assertConformance();
});
