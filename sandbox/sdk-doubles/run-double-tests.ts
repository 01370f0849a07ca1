import { join } from 'node:path';
import type { LanguageId } from '../../examples/languages.ts';
import { doubleDir } from '../../scripts/verify/runner.ts';
import { RUNNERS } from '../../scripts/verify/runners/index.ts';
import { openSession, type TryResult, tryInSandbox } from '../../scripts/verify/session.ts';
import type { JournalEntry } from '../core/journal.ts';

/**
 * Runs a double's own test program the way the verifier runs an example in that
 * language (same runtime flags, same trust, the double in place of the SDK), against
 * a sandbox holding PAYMENT_ID, CAPTURED_PAYMENT_ID and MISSING_PAYMENT_ID.
 */
export async function runDoubleTests(language: LanguageId, testFile: string): Promise<TryResult> {
  const runner = RUNNERS[language];
  const session = await openSession();
  try {
    const prepared = await runner.prepare('double');
    const workDir = await session.workDir(`${language}-double`);
    const command = await prepared.command(join(doubleDir(language), testFile), session.ca, workDir);
    if ('compileError' in command) throw new Error(`the ${language} double's tests do not compile:\n${command.compileError}`);
    return await tryInSandbox(session, command, { cwd: doubleDir(language), workDir, timeoutMs: 60_000 });
  } finally {
    await session.close();
  }
}

/** The PUTs the sandbox received for one payment id, in order. */
export function putsTo(journal: JournalEntry[], id: string): JournalEntry[] {
  return journal.filter((entry) => entry.method === 'PUT' && entry.path.replace(/\?$/, '') === `/v1/payments/${id}`);
}

export function causeOf(entry: JournalEntry): number | undefined {
  return (JSON.parse(entry.response) as { cause?: { code: number }[] }).cause?.[0]?.code;
}
