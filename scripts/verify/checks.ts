import { isDeepStrictEqual } from 'node:util';
import type { JournalEntry } from '../../sandbox/journal.ts';
import type { Payment } from '../../sandbox/payment.ts';
import type { HermeticResult } from './hermetic.ts';

export interface Check {
  name: string;
  ok: boolean;
  /** What was seen, in words a reader of the docs understands. */
  detail: string;
}

export interface Expectations {
  /** The documented response: every key must appear in what the program prints. */
  expected: Record<string, unknown>;
  paymentId: number;
  accessToken: string;
  timeoutMs: number;
}

/**
 * The verdict on one run. A program passes only if it exits 0, prints the documented
 * response for the right payment, made exactly one correct cancellation, and the
 * reserve is cancelled afterwards: printing the right words without the call fails.
 */
export function judge(run: HermeticResult, payment: Payment, want: Expectations): Check[] {
  return [exitCheck(run, want), requestCheck(run.journal, want), stateCheck(payment), outputCheck(run.stdout, want)];
}

function exitCheck(run: HermeticResult, want: Expectations): Check {
  const name = 'exits with status 0';
  if (run.timedOut) {
    return { name, ok: false, detail: `did not finish within ${want.timeoutMs / 1000} s and was stopped (raise it with --timeout)` };
  }
  if (run.exitCode === 0) return { name, ok: true, detail: 'exited with status 0' };
  return { name, ok: false, detail: `exited with status ${run.exitCode}: ${errorSummary(run.stderr || run.stdout) || 'no output'}` };
}

function requestCheck(journal: JournalEntry[], want: Expectations): Check {
  const name = 'sends one cancellation of the reserve';
  const target = `/v1/payments/${want.paymentId}`;
  const puts = journal.filter((entry) => entry.method === 'PUT' && entry.path === target);
  const fail = (detail: string): Check => ({ name, ok: false, detail });
  if (journal.length === 0) return fail('made no request to the API');
  if (puts.length === 0) {
    const seen = journal.map((entry) => `${entry.method} ${entry.path}`).join(', ');
    return fail(`never sent PUT ${target}; the API received: ${seen}`);
  }
  if (puts.length > 1) return fail(`sent PUT ${target} ${puts.length} times; a cancellation is one request`);
  const put = puts[0]!;
  const problems: string[] = [];
  if (!isDeepStrictEqual(parseJson(put.body), { status: 'cancelled' })) {
    problems.push(`sent the body ${put.body.trim() || '(empty)'} instead of {"status":"cancelled"}`);
  }
  if (put.headers.authorization !== `Bearer ${want.accessToken}`) {
    problems.push(`did not send the access token from MERCADOPAGO_ACCESS_TOKEN as "Authorization: Bearer …" (sent ${put.headers.authorization ? `"${put.headers.authorization}"` : 'none'})`);
  }
  if (!put.headers['x-idempotency-key']?.trim()) problems.push('sent no X-Idempotency-Key header');
  if (put.status !== 200) problems.push(`the API answered ${describeAnswer(put)}`);
  if (problems.length > 0) return fail(problems.join('; '));
  return { name, ok: true, detail: `PUT ${target} {"status":"cancelled"} with the token and an idempotency key: 200` };
}

function stateCheck(payment: Payment): Check {
  const ok = payment.status === 'cancelled' && payment.status_detail === 'by_collector';
  return {
    name: 'the reserve is cancelled in the sandbox',
    ok,
    detail: ok ? 'cancelled / by_collector' : `the reserve is still ${payment.status} / ${payment.status_detail}`,
  };
}

function outputCheck(stdout: string, want: Expectations): Check {
  const name = 'prints the documented response';
  const printed = parseJson(stdout);
  if (printed === undefined || typeof printed !== 'object' || printed === null || Array.isArray(printed)) {
    return { name, ok: false, detail: stdout.trim() ? `printed something that is not a JSON object: ${lastLines(stdout, 2)}` : 'printed nothing' };
  }
  const response = printed as Record<string, unknown>;
  const wrong = Object.entries(want.expected)
    .filter(([key, value]) => !isDeepStrictEqual(response[key], value))
    .map(([key, value]) => `${key} is ${JSON.stringify(response[key])}, the docs say ${JSON.stringify(value)}`);
  if (String(response.id) !== String(want.paymentId)) wrong.push(`id is ${JSON.stringify(response.id)}, not the reserve ${want.paymentId}`);
  if (wrong.length > 0) return { name, ok: false, detail: `printed JSON, but ${wrong.join('; ')}` };
  return { name, ok: true, detail: `printed id ${response.id}, ${Object.keys(want.expected).join(', ')} as documented` };
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
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const said = lines.find((line) => /(error|exception)\b/i.test(line) && !/^(unhandled exception|traceback|stack trace):?$/i.test(line));
  return said ?? lastLines(text, 3);
}

export function lastLines(text: string, count: number): string {
  return text.trim().split('\n').filter((line) => line.trim()).slice(-count).join(' | ');
}
