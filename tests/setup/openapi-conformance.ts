/**
 * OpenAPI conformance: every response any sandbox gives during a test file must match
 * sandbox/openapi.yaml (documented status for its route, body valid against the schema).
 * Registered as a vitest setupFile, so it runs around every test file.
 *
 * Cost: nothing for a file that never calls a sandbox. Otherwise the spec is parsed and
 * dereferenced once per file (a few ms), each (route, status) schema is compiled on first
 * use, and responses are checked as they arrive; only the failures are kept.
 * Response headers are not in the journal, so they are not checked here
 * (sandbox/openapi.test.ts checks them).
 */
import { afterAll } from 'vitest';
import { observeResponses, type JournalEntry } from '../../sandbox/core/journal.ts';
import type { ResponseValidator } from '../../sandbox/openapi-validator.ts';

/** Failures reported in full; past this only counted, so one broken route cannot flood the output. */
const MAX_REPORTED = 30;

let validator: ResponseValidator | undefined;
let loading: Promise<void> | undefined;
let loadError: unknown;
const pending: JournalEntry[] = [];
const failures: string[] = [];
let failureCount = 0;
let checked = 0;

function check(validate: ResponseValidator, entry: JournalEntry): void {
  // A fault dropped the connection (journaled as status 0): no response was sent to check.
  if (entry.status === 0) return;
  checked++;
  let problems: string[];
  try {
    problems = validate({ method: entry.method, path: entry.path, status: entry.status, body: entry.response });
  } catch (error) {
    // A broken schema must fail the file, not the sandbox's request.
    problems = [`could not be checked: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (problems.length === 0) return;
  failureCount++;
  if (failures.length < MAX_REPORTED) {
    failures.push(`${entry.method} ${entry.path} ${entry.status} →\n    ${problems.join('\n    ')}`);
  }
}

const stop = observeResponses((entry) => {
  if (validator) return check(validator, entry);
  pending.push(entry);
  // Loaded on the first response: a file that never calls a sandbox pays nothing.
  loading ??= import('../../sandbox/openapi-validator.ts')
    .then(async ({ createResponseValidator, loadSpec }) => {
      const validate = createResponseValidator(await loadSpec());
      validator = validate;
      for (const queued of pending.splice(0)) check(validate, queued);
    })
    .catch((error: unknown) => {
      loadError = error;
    });
});

afterAll(async () => {
  stop();
  if (loading) await loading;
  if (loadError) throw new Error(`sandbox/openapi.yaml could not be loaded: ${String(loadError)}`);
  if (failureCount === 0) return;
  const more = failureCount > failures.length ? `\n…and ${failureCount - failures.length} more` : '';
  throw new Error(
    `${failureCount} of ${checked} sandbox responses do not conform to sandbox/openapi.yaml ` +
      `(fix the sandbox or the spec):\n  ${failures.join('\n  ')}${more}`,
  );
});
