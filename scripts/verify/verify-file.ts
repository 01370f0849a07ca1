import { join, relative } from 'node:path';
import type PQueue from 'p-queue';
import type { Operation } from '../../examples/operations.ts';
import { createSandbox } from '../../sandbox/core/sandbox.ts';
import { describeAnswer, judge, judgeUnreachable, lastLines, parseJson, sentRequest } from './checks.ts';
import { paymentById, prepareSandbox } from './given.ts';
import { type HermeticResult, runHermetic } from './hermetic.ts';
import type { Verification } from './report-schema.ts';
import { fileHash, type Prepared, ROOT, type Runner } from './runner.ts';
import { newAccessToken, type Session } from './session.ts';
import { runViaProxy } from './via-proxy.ts';

export type { Verification };

export interface VerifyFileOptions {
  operation: Operation;
  runner: Runner;
  runtimeVersion: string;
  prepared: Prepared;
  file: string;
  session: Session;
  /** Where runs wait their turn: `answered` for the compile and the run against the sandbox, `down` for the run with the API down. */
  lanes: { answered: PQueue; down: PQueue };
  /** Where the program waits in the answered lane: higher starts sooner. */
  priority?: number;
  timeoutMs: number;
  /** Where the program meets the sandbox: as api.mercadopago.com in a sealed namespace (the default), or through the proxy. */
  via?: Via;
}

export type Via = 'namespace' | 'proxy';

/**
 * Verifies one program against its own fresh sandbox, prepared as its operation declares, and
 * access token; then runs it again with the API down, in the other lane, to see it say so.
 */
export async function verifyFile(options: VerifyFileOptions): Promise<Verification> {
  const { verification, runDown } = await options.lanes.answered.add(() => runAnswered(options), { priority: options.priority });
  if (!runDown) return verification;
  const down = await options.lanes.down.add(runDown);
  const checks = [...verification.checks, judgeUnreachable(down, options.timeoutMs)];
  const failed = checks.filter((check) => !check.ok);
  return {
    ...verification,
    checks,
    result: failed.length === 0 ? 'passed' : 'failed',
    reason: failed.length === 0 ? null : failed.map((check) => check.detail).join('; '),
    downDurationMs: down.durationMs,
  };
}

/** Compiles the program and runs it against its sandbox; `runDown` runs it again with the API down (none when it does not compile). */
async function runAnswered(options: VerifyFileOptions): Promise<{ verification: Verification; runDown?: () => Promise<HermeticResult> }> {
  const { operation, runner, prepared, file, session } = options;
  const started = performance.now();
  const workDir = await session.workDir(`${operation.id}-${runner.id}`);
  const base = {
    operation: operation.id,
    language: runner.id,
    file: relative(ROOT, file),
    sha256: await fileHash(file),
    runtime: { name: runner.runtime.name, version: options.runtimeVersion },
    sdk: prepared.sdk,
    date: new Date().toISOString(),
  };

  const via = options.via ?? 'namespace';
  const command = await prepared.command(file, via === 'namespace' ? session.ca : undefined, workDir);
  if ('compileError' in command) {
    const detail = `does not compile: ${firstErrors(command.compileError)}`;
    const verification: Verification = {
      ...base,
      result: 'failed',
      reason: detail,
      durationMs: performance.now() - started,
      checks: [{ name: 'compiles', ok: false, detail }],
      response: null,
      stderrTail: lastLines(command.compileError, 8),
      received: [],
      request: null,
    };
    return { verification };
  }

  const sandbox = createSandbox();
  const env = prepareSandbox(sandbox, operation);
  // A copy, as it is before the program runs: the run changes the sandbox's own.
  const givenPayment = env.PAYMENT_ID === undefined ? undefined : structuredClone(paymentById(sandbox, Number(env.PAYMENT_ID)));
  const accessToken = newAccessToken();
  const runIn = (dir: string, unreachable: boolean) =>
    (via === 'proxy' ? (o: Parameters<typeof runHermetic>[0]) => runViaProxy({ ...o, language: runner.id }) : runHermetic)({
      sandbox,
      ca: session.ca,
      workDir: dir,
      command: command.command,
      args: command.args,
      cwd: join(file, '..'),
      env: { HOME: join(dir, 'home'), MERCADOPAGO_ACCESS_TOKEN: accessToken, ...env, ...command.env },
      timeoutMs: options.timeoutMs,
      unreachable,
    });
  const run = await runIn(workDir, false);
  const { checks, request } = judge(run, {
    operation,
    env,
    accessToken,
    timeoutMs: options.timeoutMs,
    paymentById: (id) => paymentById(sandbox, id),
    givenPayment,
  });
  const failed = checks.filter((check) => !check.ok);
  const verification: Verification = {
    ...base,
    result: failed.length === 0 ? 'passed' : 'failed',
    reason: failed.length === 0 ? null : failed.map((check) => check.detail).join('; '),
    checks,
    durationMs: performance.now() - started,
    response: parseJson(run.stdout) ?? null,
    stderrTail: lastLines(run.stderr, 8),
    received: run.journal.map((entry) => `${entry.method} ${entry.path} ${entry.body.trim()} -> ${describeAnswer(entry)}`),
    request: request ? sentRequest(request, env, accessToken) : null,
  };
  return { verification, runDown: async () => runIn(await session.workDir(`${operation.id}-${runner.id}-down`), true) };
}

/** A program that could not run: its runtime is missing here (skipped), or its SDK could not be readied (failed). */
export function notRun(
  operation: Operation,
  runner: Runner,
  file: string,
  sha256: string,
  outcome: { result: 'skipped' | 'failed'; reason: string; runtimeVersion?: string },
): Verification {
  return {
    operation: operation.id,
    language: runner.id,
    file: relative(ROOT, file),
    sha256,
    runtime: { name: runner.runtime.name, version: outcome.runtimeVersion ?? 'missing' },
    sdk: null,
    result: outcome.result,
    reason: outcome.reason,
    checks: [],
    durationMs: 0,
    response: null,
    stderrTail: '',
    received: [],
    request: null,
    date: new Date().toISOString(),
  };
}

/** Compilers print many lines; the first errors say what is wrong. */
function firstErrors(output: string): string {
  const lines = output.split('\n').filter((line) => /error/i.test(line));
  return (lines.length > 0 ? lines : output.split('\n'))
    .slice(0, 3)
    .map((line) => line.trim())
    .join(' | ');
}
