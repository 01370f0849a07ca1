import { isDeepStrictEqual } from 'node:util';
import { fillIn, type Operation } from '../../examples/operations.ts';
import type { JournalEntry } from '../../sandbox/core/journal.ts';
import type { Payment } from '../../sandbox/core/payment.ts';
import type { HermeticResult } from './hermetic.ts';

import type { Check, SentRequest } from './report-schema.ts';

export type { Check };

export interface Expectations {
  operation: Operation;
  /** The values the program was given, by variable name. */
  env: Record<string, string>;
  accessToken: string;
  timeoutMs: number;
  /** The payment the sandbox holds under an id, if any. */
  paymentById: (id: number) => Payment | undefined;
  /** The payment the program was given (PAYMENT_ID), as it was before the run: what `"state": "unchanged"` compares with. */
  givenPayment?: Payment;
}

/**
 * The verdict on one run. A program passes only if it exits 0, sent exactly the one request
 * its operation declares (right method, path and body, the token, an idempotency key) and got
 * the documented answer, left the payment in the declared state, and printed the documented
 * response for that payment: printing the right words without the call fails.
 */
export function judge(run: HermeticResult, want: Expectations): { checks: Check[]; request: JournalEntry | undefined } {
  const { check, request } = requestCheck(run.journal, want);
  // A reserve's target is the payment the program made; the others act on the one they were given.
  const given = want.env.PAYMENT_ID;
  const targetId = given !== undefined ? Number(given) : request ? createdId(request) : undefined;
  return { checks: [exitCheck(run, want), check, stateCheck(targetId, want), outputCheck(run.stdout, targetId, request, want)], request };
}

/** How every example says, on stderr, that the API could not be reached (CONTRIBUTING.md, "Add an operation"). */
export const UNREACHABLE_PREFIX = 'Could not reach Mercado Pago: ';

/**
 * The verdict on the same program run while the API refuses every connection: it must say so
 * in one line on stderr, print nothing a script could take for an answer, and exit non-zero.
 * A stack trace or a fatal error is no way to tell a reader the network is the problem.
 */
export function judgeUnreachable(run: HermeticResult, timeoutMs: number): Check {
  const name = 'says when Mercado Pago cannot be reached';
  const fail = (detail: string) => ({ name, ok: false, detail: `with the API refusing connections, ${detail}` });
  if (run.timedOut) return fail(`did not finish within ${timeoutMs / 1000} s and was stopped`);
  const said = run.stderr.split('\n').filter((line) => line.trim());
  if (run.exitCode === 0) return fail('exited with status 0, as if it had succeeded');
  if (run.stdout.trim()) return fail(`printed on stdout: ${lastLines(run.stdout, 2)}`);
  if (said.length !== 1 || !said[0]!.startsWith(UNREACHABLE_PREFIX)) {
    const what = said.length === 0 ? 'nothing' : `${said.length} line${said.length === 1 ? '' : 's'}: ${lastLines(run.stderr, 3)}`;
    return fail(`printed ${what} on stderr, not one line starting "${UNREACHABLE_PREFIX.trim()}"`);
  }
  return { name, ok: true, detail: `exited with status ${run.exitCode} after ${(run.durationMs / 1000).toFixed(1)} s: ${said[0]}` };
}

/** Headers that belong to the connection, not to what the program chose to send. */
const CONNECTION_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

/**
 * The request as the program sent it, for the page: secrets and the run's own values become
 * placeholders (the token, the key, and every input the sandbox made: PAYMENT_ID, CARD_TOKEN…).
 */
export function sentRequest(entry: JournalEntry, env: Record<string, string>, accessToken: string): SentRequest {
  const swaps: [string, string][] = Object.entries(env)
    .filter(([, value]) => value.length >= 6)
    .map(([name, value]) => [value, `{${name}}`]);
  const key = entry.headers['x-idempotency-key'];
  if (key) swaps.push([key, '{IDEMPOTENCY_KEY}']);
  swaps.push([accessToken, '{MERCADOPAGO_ACCESS_TOKEN}']);
  const hide = (text: string) => swaps.reduce((out, [value, placeholder]) => out.replaceAll(value, placeholder), text);
  return {
    method: entry.method,
    path: hide(entry.path),
    headers: Object.entries(entry.headers)
      .filter(([name]) => !CONNECTION_HEADERS.has(name))
      .map(([name, value]) => [name, hide(value)]),
    body: hide(entry.body),
  };
}

function exitCheck(run: HermeticResult, want: Expectations): Check {
  const name = 'exits with status 0';
  if (run.timedOut) {
    return { name, ok: false, detail: `did not finish within ${want.timeoutMs / 1000} s and was stopped (raise it with --timeout)` };
  }
  if (run.exitCode === 0) return { name, ok: true, detail: 'exited with status 0' };
  return { name, ok: false, detail: `exited with status ${run.exitCode}: ${errorSummary(run.stderr || run.stdout) || 'no output'}` };
}

function requestCheck(journal: JournalEntry[], want: Expectations): { check: Check; request?: JournalEntry } {
  const declared = want.operation.request;
  const target = fillIn(declared.path, want.env);
  const line = `${declared.method} ${target}`;
  const name = `sends one ${line}`;
  const matching = journal.filter((entry) => entry.method === declared.method && entry.path.replace(/\/$/, '') === target);
  const fail = (detail: string, request?: JournalEntry) => ({ check: { name, ok: false, detail }, request });
  if (journal.length === 0) return fail('made no request to the API');
  if (matching.length === 0) {
    const seen = journal.map((entry) => `${entry.method} ${entry.path}`).join(', ');
    return fail(`never sent ${line}; the API received: ${seen}`);
  }
  if (matching.length > 1) return fail(`sent ${line} ${matching.length} times; the operation is one request`);
  const request = matching[0]!;
  const problems: string[] = [];
  const sent = parseJson(request.body);
  let bodyText: string;
  if (declared.bodyMatch === 'empty') {
    bodyText = 'no body';
    // The three forms the SDKs send for a call without parameters.
    if (request.body.trim() !== '' && !isDeepStrictEqual(sent, {}))
      problems.push(`sent the body ${request.body.trim()}, where the docs send none`);
  } else {
    const wanted = fillIn(declared.body ?? {}, want.env);
    bodyText = JSON.stringify(wanted);
    if (declared.bodyMatch === 'exact' ? !isDeepStrictEqual(sent, wanted) : !includes(sent, wanted)) {
      const how = declared.bodyMatch === 'exact' ? bodyText : `a body with ${bodyText}`;
      problems.push(`sent the body ${request.body.trim() || '(empty)'} instead of ${how}`);
    }
  }
  if (request.headers.authorization !== `Bearer ${want.accessToken}`) {
    problems.push(
      `did not send the access token from MERCADOPAGO_ACCESS_TOKEN as "Authorization: Bearer …" (sent ${request.headers.authorization ? `"${request.headers.authorization}"` : 'none'})`,
    );
  }
  // A read changes nothing, so the API asks no key of it.
  const keyed = declared.method !== 'GET';
  if (keyed && !request.headers['x-idempotency-key']?.trim()) problems.push('sent no X-Idempotency-Key header');
  const status = want.operation.response.status;
  if (request.status !== status) problems.push(`the API answered ${describeAnswer(request)}, not ${status}`);
  if (problems.length > 0) return fail(problems.join('; '), request);
  const sentWith = keyed ? 'with the token and an idempotency key' : 'with the token';
  return { check: { name, ok: true, detail: `${line} ${bodyText} ${sentWith}: ${status}` }, request };
}

function stateCheck(targetId: number | undefined, want: Expectations): Check {
  const name = 'leaves the payment as documented';
  const payment = targetId === undefined ? undefined : want.paymentById(targetId);
  if (!payment)
    return { name, ok: false, detail: targetId === undefined ? 'no payment was made' : `the sandbox has no payment ${targetId}` };
  const { state } = want.operation;
  // An operation that only reads must leave every member of the payment as it was given.
  const expected: Record<string, unknown> = state === 'unchanged' ? { ...want.givenPayment } : state;
  const wrong = Object.entries(expected)
    .filter(([key, value]) => !isDeepStrictEqual(payment[key], value))
    .map(
      ([key, value]) =>
        `${key} ${JSON.stringify(payment[key])} (${state === 'unchanged' ? 'it was' : 'the docs:'} ${JSON.stringify(value)})`,
    );
  if (state === 'unchanged' && !want.givenPayment) wrong.push('no payment was given to compare with');
  if (wrong.length > 0) return { name, ok: false, detail: `the payment ${payment.id} is left with ${wrong.join(', ')}` };
  return {
    name,
    ok: true,
    detail:
      state === 'unchanged'
        ? 'unchanged'
        : Object.values(state)
            .map((v) => String(v))
            .join(' / '),
  };
}

function outputCheck(stdout: string, targetId: number | undefined, request: JournalEntry | undefined, want: Expectations): Check {
  const name = 'prints the documented response';
  const { about, body: expected } = want.operation.response;
  const printed = parseJson(stdout);
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const shape = about === 'refunds' ? 'a JSON array' : 'a JSON object';
  if (about === 'refunds' ? !Array.isArray(printed) : !isObject(printed)) {
    return {
      name,
      ok: false,
      detail: stdout.trim() ? `printed something that is not ${shape}: ${lastLines(stdout, 2)}` : 'printed nothing',
    };
  }
  const wrong: string[] = [];
  const compare = (response: Record<string, unknown>, where = '') => {
    for (const [key, value] of Object.entries(expected))
      if (!isDeepStrictEqual(response[key], value))
        wrong.push(`${where}${key} is ${JSON.stringify(response[key])}, the docs say ${JSON.stringify(value)}`);
  };
  const samePayment = (response: Record<string, unknown>, where = '') => {
    if (String(response.payment_id) !== String(targetId))
      wrong.push(`${where}payment_id is ${JSON.stringify(response.payment_id)}, not the payment ${targetId}`);
  };
  let said: string;
  if (targetId === undefined) {
    wrong.push('there is no payment whose id it could print');
    said = '';
  } else if (about === 'refunds') {
    // Exactly the payment's refunds: another payment's list, or an empty one, is not the answer.
    const items = printed as unknown[];
    const held = ((want.paymentById(targetId)?.refunds ?? []) as { id: number }[]).map((refund) => refund.id);
    const ids = items.map((item) => (isObject(item) ? item.id : item));
    if (!isDeepStrictEqual(ids.map(String), held.map(String)))
      wrong.push(`it lists the refunds ${JSON.stringify(ids)}, where the payment ${targetId} has ${JSON.stringify(held)}`);
    items.forEach((item, index) => {
      if (isObject(item)) {
        compare(item, `refund ${index + 1}: `);
        samePayment(item, `refund ${index + 1}: `);
      }
    });
    said = `printed the ${items.length} refunds of payment ${targetId}`;
  } else if (about === 'refund') {
    // The refund the API answered with: the one this request made, or the one it asked for.
    const response = printed as Record<string, unknown>;
    compare(response);
    samePayment(response);
    const answered = request ? createdId(request) : undefined;
    if (answered === undefined) wrong.push('the API answered with no refund it could print');
    else if (String(response.id) !== String(answered)) wrong.push(`id is ${JSON.stringify(response.id)}, not the refund ${answered}`);
    said = `printed refund ${response.id} of payment ${targetId}`;
  } else {
    const response = printed as Record<string, unknown>;
    compare(response);
    if (String(response.id) !== String(targetId)) wrong.push(`id is ${JSON.stringify(response.id)}, not the payment ${targetId}`);
    said = `printed id ${response.id}`;
  }
  if (wrong.length > 0) return { name, ok: false, detail: `printed JSON, but ${wrong.join('; ')}` };
  return { name, ok: true, detail: `${said}, ${Object.keys(expected).join(', ')} as documented` };
}

/** The id in a successful creation's answer. */
function createdId(entry: JournalEntry): number | undefined {
  const id = (parseJson(entry.response) as { id?: unknown } | undefined)?.id;
  return entry.status < 300 && typeof id === 'number' ? id : undefined;
}

/** Every member of `wanted` is in `sent`, deeply equal. */
function includes(sent: unknown, wanted: Record<string, unknown>): boolean {
  if (!sent || typeof sent !== 'object' || Array.isArray(sent)) return false;
  return Object.entries(wanted).every(([key, value]) => isDeepStrictEqual((sent as Record<string, unknown>)[key], value));
}

/** `400 cause 2016 (Invalid status for update)`, from the error envelope the sandbox sent. */
export function describeAnswer(entry: JournalEntry): string {
  const body = parseJson(entry.response) as { cause?: { code: number; description: string }[]; message?: string } | undefined;
  const cause = body?.cause?.[0];
  if (cause) return `${entry.status} cause ${cause.code} (${cause.description})`;
  return body?.message ? `${entry.status} (${body.message})` : String(entry.status);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The line of a crash report that says what went wrong: runtimes print it first (PHP, Ruby,
 * Mono) or last (Python), always naming an error or exception. Else the last lines.
 */
export function errorSummary(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const said = lines.find((line) => /(error|exception)\b/i.test(line) && !/^(unhandled exception|traceback|stack trace):?$/i.test(line));
  return said ?? lastLines(text, 3);
}

export function lastLines(text: string, count: number): string {
  return text
    .trim()
    .split('\n')
    .filter((line) => line.trim())
    .slice(-count)
    .join(' | ');
}
