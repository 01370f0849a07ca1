import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXAMPLES, fileHash, type Prepared, type Runner, type SdkChoice } from './runner.ts';
import { openSession, type Session } from './session.ts';
import { skipped, verifyFile, type Verification } from './verify-file.ts';

export interface VerifierOptions {
  sdk: SdkChoice;
  timeoutMs: number;
}

export interface Verifier {
  /** Verifies the runner's example, or another file in its language (a fixture). */
  verify(runner: Runner, file?: string): Promise<Verification>;
  /** The runner's runtime and SDK, readied once; undefined when the runtime is missing. */
  prepared(runner: Runner): Promise<Prepared | undefined>;
  session: Session;
  close(): Promise<void>;
}

export const EXPECTED_FILE = join(EXAMPLES, 'expected.json');

export function exampleFile(runner: Runner): string {
  return join(EXAMPLES, runner.id, runner.file);
}

/**
 * One verification run: one CA, and each language's runtime and SDK readied once
 * (lazily, and only once even when asked concurrently). Every file verified gets its
 * own sandbox, reserve and token.
 */
export async function createVerifier(options: VerifierOptions): Promise<Verifier> {
  const session = await openSession();
  const expected = JSON.parse(await readFile(EXPECTED_FILE, 'utf8')) as Record<string, unknown>;
  const ready = new Map<Runner['id'], Promise<{ version?: string; prepared?: Prepared; error?: string }>>();

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
    async verify(runner, file = exampleFile(runner)) {
      const { version, prepared, error } = await readyRunner(runner);
      if (!version) {
        return skipped(runner, file, await fileHash(file), `${runner.runtime.name} is not installed here; install it with: ${runner.runtime.install}`);
      }
      if (!prepared) {
        const verification = skipped(runner, file, await fileHash(file), `could not ready the SDK: ${error}`);
        return { ...verification, result: 'failed', runtime: { name: runner.runtime.name, version } };
      }
      return verifyFile({ runner, runtimeVersion: version, prepared, file, session, expected, timeoutMs: options.timeoutMs });
    },
    prepared: async (runner) => (await readyRunner(runner)).prepared,
    session,
    close: () => session.close(),
  };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? ((error as { shortMessage?: string }).shortMessage ?? error.message) : String(error);
  const stderr = (error as { stderr?: string }).stderr;
  return stderr ? `${text}\n${stderr.trim().split('\n').slice(-5).join('\n')}` : text;
}
