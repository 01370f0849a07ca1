import { join } from 'node:path';
import PQueue from 'p-queue';
import { language as languageOf } from '../../examples/languages.ts';
import type { Operation } from '../../examples/operations.ts';
import { EXAMPLES, fileHash, type Prepared, type Runner, type SdkChoice } from './runner.ts';
import { openSession, type Session } from './session.ts';
import { notRun, type Verification, type Via, verifyFile } from './verify-file.ts';

export interface Readiness {
  version?: string;
  prepared?: Prepared;
  error?: string;
}

export interface VerifierOptions {
  sdk: SdkChoice;
  timeoutMs: number;
  /** How many programs run against the sandbox at once (default 4); any number may run with the API down. */
  jobs?: number;
  /** Where each program meets the sandbox: in a namespace (default) or through a proxy of its own (`--via proxy`). */
  via?: Via;
  /** An earlier report's entries: a program whose run with the API down took longest then starts first. */
  history?: Verification[];
}

export interface Verifier {
  /** Verifies an operation's program in the runner's language, or another file in that language (a test's broken copy). */
  verify(operation: Operation, runner: Runner, file?: string): Promise<Verification>;
  /** The runner's runtime and SDK, readied once: the runtime's version (none when missing), and the SDK or why it could not be readied. */
  ready(runner: Runner): Promise<Readiness>;
  session: Session;
  close(): Promise<void>;
}

/** `examples/<operation>/<language>/<program>`, the file its page shows. */
export function exampleFile(operation: Pick<Operation, 'id'>, runner: Pick<Runner, 'id'>): string {
  const language = languageOf(runner.id);
  return join(EXAMPLES, operation.id, language.id, language.program(operation.id));
}

/**
 * One verification run: one CA, and each language's runtime and SDK readied once
 * (lazily, and only once even when asked concurrently). Every file verified gets its
 * own sandbox, prepared as its operation declares, and its own token.
 */
export async function createVerifier(options: VerifierOptions): Promise<Verifier> {
  const session = await openSession();
  // Two lanes: a run with the API down mostly sleeps through its SDK's retry back-off (up to 7 s
  // for Node and Go), so it waits in a lane of its own rather than hold up the next program.
  // The answered lane starts first, among those waiting, the program whose run with the API down
  // took longest last time: Node's and Go's back-off (6 to 8 s of sleep) then overlaps the other
  // programs' runs instead of trailing after the last of them.
  const lanes = { answered: new PQueue({ concurrency: options.jobs ?? 4 }), down: new PQueue() };
  const priority = (operation: Operation, runner: Runner) =>
    options.history?.find((old) => old.operation === operation.id && old.language === runner.id)?.downDurationMs ?? 0;
  const ready = new Map<Runner['id'], Promise<Readiness>>();

  const readyRunner = (runner: Runner) => {
    let entry = ready.get(runner.id);
    if (!entry) {
      entry = (async () => {
        const version = await runner.runtime.version();
        if (!version) return {};
        try {
          return { version, prepared: await runner.prepare(options.sdk) };
        } catch (error) {
          return { version, error: errorText(error) };
        }
      })();
      ready.set(runner.id, entry);
    }
    return entry;
  };

  return {
    async verify(operation, runner, file = exampleFile(operation, runner)) {
      const { version, prepared, error } = await readyRunner(runner);
      if (!version) {
        const reason = `${runner.runtime.name} is not installed here; install it with: ${runner.runtime.install}`;
        return notRun(operation, runner, file, await fileHash(file), { result: 'skipped', reason });
      }
      if (!prepared) {
        const reason = `could not ready the SDK: ${error}`;
        return notRun(operation, runner, file, await fileHash(file), { result: 'failed', reason, runtimeVersion: version });
      }
      return verifyFile({
        operation,
        runner,
        runtimeVersion: version,
        prepared,
        file,
        session,
        lanes,
        priority: priority(operation, runner),
        timeoutMs: options.timeoutMs,
        via: options.via,
      });
    },
    ready: readyRunner,
    session,
    close: () => session.close(),
  };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? ((error as { shortMessage?: string }).shortMessage ?? error.message) : String(error);
  const stderr = (error as { stderr?: string }).stderr;
  return stderr ? `${text}\n${stderr.trim().split('\n').slice(-5).join('\n')}` : text;
}
