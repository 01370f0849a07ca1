/**
 * OpenAPI conformance: every response a sandbox gives during a test file must match
 * sandbox/openapi.yaml (documented status for its route, body valid against the schema).
 *
 * Two ways responses reach it:
 * - in this process: tests/setup/openapi-conformance.ts makes every `createSandbox()` of the
 *   file report each response here (the sandbox's own `onResponse` option);
 * - from a sandbox a test started as a child process (`npm run sandbox`): before the test stops
 *   it, `checkChildJournal(url)` reads what it answered from `GET /__sandbox/requests` (its
 *   journal keeps the last 1,000 requests) and checks those.
 *
 * Cost: nothing for a file that never calls a sandbox. Otherwise the spec is parsed once per
 * file, each (route, status) schema compiled on first use; only failures are kept. Response
 * headers are not in the journal, so they are not checked here (sandbox/openapi.test.ts does).
 */
import type { JournalEntry } from '../../sandbox/core/journal.ts';
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

/** Checks one response; the spec is loaded on the first, so a file that never calls a sandbox pays nothing. */
export function conform(entry: JournalEntry): void {
  if (validator) {
    check(validator, entry);
    return;
  }
  pending.push(entry);
  loading ??= import('../../sandbox/openapi-validator.ts')
    .then(async ({ createResponseValidator, loadSpec }) => {
      const validate = createResponseValidator(await loadSpec());
      validator = validate;
      for (const queued of pending.splice(0)) check(validate, queued);
    })
    .catch((error: unknown) => {
      loadError = error;
    });
}

/** Checks every response a sandbox running as a child process has journaled. Call it before stopping the child. */
export async function checkChildJournal(url: string): Promise<void> {
  const response = await fetch(`${url}/__sandbox/requests`);
  for (const entry of (await response.json()) as JournalEntry[]) {
    // The journal's own answer is not in it; a request for it by another test is.
    conform(entry);
  }
}

/** Throws, listing them, if any response checked so far did not conform. */
export async function assertConformance(): Promise<{ checked: number }> {
  if (loading) await loading;
  if (loadError) throw new Error(`sandbox/openapi.yaml could not be loaded: ${String(loadError)}`);
  if (failureCount === 0) return { checked };
  const more = failureCount > failures.length ? `\n…and ${failureCount - failures.length} more` : '';
  throw new Error(
    `${failureCount} of ${checked} sandbox responses do not conform to sandbox/openapi.yaml ` +
      `(fix the sandbox or the spec):\n  ${failures.join('\n  ')}${more}`,
  );
}
