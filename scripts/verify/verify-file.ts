import { join, relative } from 'node:path';
import { createSandbox } from '../../sandbox/sandbox.ts';
import { describeAnswer, judge, lastLines, parseJson, type Check } from './checks.ts';
import { runHermetic } from './hermetic.ts';
import { fileHash, ROOT, type Prepared, type Runner, type SdkInfo } from './runner.ts';
import { newAccessToken, type Session } from './session.ts';

export interface Verification {
  language: Runner['id'];
  title: string;
  /** The program, relative to the project's root. */
  file: string;
  /** The program's sha256 when it was verified: the site shows a result only for this exact text. */
  sha256: string;
  runtime: { name: string; version: string };
  sdk: SdkInfo | null;
  result: 'passed' | 'failed' | 'skipped';
  /** Why it failed or was skipped, in a reader's words. */
  reason: string | null;
  checks: Check[];
  durationMs: number;
  /** The JSON the program printed, when it printed JSON. */
  response: unknown;
  stderrTail: string;
  /** What the sandbox received, one line a request. */
  received: string[];
  date: string;
}

export interface VerifyFileOptions {
  runner: Runner;
  runtimeVersion: string;
  prepared: Prepared;
  file: string;
  session: Session;
  expected: Record<string, unknown>;
  timeoutMs: number;
}

/** Verifies one program against its own fresh sandbox, reserve and access token. */
export async function verifyFile(options: VerifyFileOptions): Promise<Verification> {
  const { runner, prepared, file, session } = options;
  const { ca } = session;
  const started = performance.now();
  const workDir = await session.workDir(runner.id);
  const base = {
    language: runner.id,
    title: runner.title,
    file: relative(ROOT, file),
    sha256: await fileHash(file),
    runtime: { name: runner.runtime.name, version: options.runtimeVersion },
    sdk: prepared.sdk,
    date: new Date().toISOString(),
  };

  const command = await prepared.command(file, ca, workDir);
  if ('compileError' in command) {
    const detail = `does not compile: ${firstErrors(command.compileError)}`;
    return {
      ...base, result: 'failed', reason: detail, durationMs: performance.now() - started,
      checks: [{ name: 'compiles', ok: false, detail }], response: null, stderrTail: lastLines(command.compileError, 8), received: [],
    };
  }

  const sandbox = createSandbox();
  const reserve = sandbox.createPayment();
  const accessToken = newAccessToken();
  const run = await runHermetic({
    sandbox, ca, workDir,
    command: command.command,
    args: command.args,
    cwd: join(file, '..'),
    env: { HOME: join(workDir, 'home'), MERCADOPAGO_ACCESS_TOKEN: accessToken, PAYMENT_ID: String(reserve.id), ...command.env },
    timeoutMs: options.timeoutMs,
  });
  const checks = judge(run, sandbox.payments.get(reserve.id), {
    expected: options.expected, paymentId: reserve.id, accessToken, timeoutMs: options.timeoutMs,
  });
  const failed = checks.filter((check) => !check.ok);
  return {
    ...base,
    result: failed.length === 0 ? 'passed' : 'failed',
    reason: failed.length === 0 ? null : failed.map((check) => check.detail).join('; '),
    checks,
    durationMs: performance.now() - started,
    response: parseJson(run.stdout) ?? null,
    stderrTail: lastLines(run.stderr, 8),
    received: run.journal.map((entry) => `${entry.method} ${entry.path} ${entry.body.trim()} -> ${describeAnswer(entry)}`),
  };
}

/** A skipped example: its runtime is missing here. */
export function skipped(runner: Runner, file: string, sha256: string, reason: string): Verification {
  return {
    language: runner.id, title: runner.title, file: relative(ROOT, file), sha256,
    runtime: { name: runner.runtime.name, version: 'missing' }, sdk: null,
    result: 'skipped', reason, checks: [], durationMs: 0, response: null, stderrTail: '', received: [],
    date: new Date().toISOString(),
  };
}

/** Compilers print many lines; the first errors say what is wrong. */
function firstErrors(output: string): string {
  const lines = output.split('\n').filter((line) => /error/i.test(line));
  return (lines.length > 0 ? lines : output.split('\n')).slice(0, 3).map((line) => line.trim()).join(' | ');
}
