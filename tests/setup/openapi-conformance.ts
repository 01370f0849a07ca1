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
import { observeResponses, type JournalEntry } from '../../sandbox/journal.ts';
import { createResponseValidator, loadSpec, type ResponseValidator } from '../../sandbox/openapi-validator.ts';

/** Failures reported in full; past this only counted, so one broken route cannot flood the output. */
const MAX_REPORTED = 30;

let validator: ResponseValidator | undefined;
let loading: Promise<ResponseValidator> | undefined;
const pending: JournalEntry[] = [];
const failures: string[] = [];
let failureCount = 0;
let checked = 0;

function check(validate: ResponseValidator, entry: JournalEntry): void {
  checked++;
  const problems = validate({ method: entry.method, path: entry.path, status: entry.status, body: entry.response });
  if (problems.length === 0) return;
  failureCount++;
  if (failures.length < MAX_REPORTED) {
    failures.push(`${entry.method} ${entry.path} ${entry.status} →\n    ${problems.join('\n    ')}`);
  }
}

const stop = observeResponses((entry) => {
  if (validator) return check(validator, entry);
  pending.push(entry);
  loading ??= loadSpec().then((spec) => {
    validator = createResponseValidator(spec);
    for (const queued of pending.splice(0)) check(validator, queued);
    return validator;
  });
});

afterAll(async () => {
  stop();
  if (loading) await loading;
  if (failureCount === 0) return;
  const more = failureCount > failures.length ? `\n…and ${failureCount - failures.length} more` : '';
  throw new Error(
    `${failureCount} of ${checked} sandbox responses do not conform to sandbox/openapi.yaml ` +
      `(fix the sandbox or the spec):\n  ${failures.join('\n  ')}${more}`,
  );
});
