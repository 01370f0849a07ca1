import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedInputs, loadOperations } from '../../examples/operations.ts';
import { createSandbox, type Sandbox } from '../../sandbox/core/sandbox.ts';
import { describeCa, type LocalCa, makeCa } from '../../sandbox/node/local-ca.ts';
import { type HermeticResult, runHermetic } from './hermetic.ts';
import { type Command, cacheDir, exists } from './runner.ts';

/** A folder and a CA shared by the runs of one verification, one test file or one try. */
export interface Session {
  ca: LocalCa;
  dir: string;
  /** A fresh private folder for one run, with a HOME inside it. */
  workDir(label: string): Promise<string>;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  const dir = await mkdtemp(join(tmpdir(), 'verify-'));
  const ca = await verifierCa();
  return {
    ca,
    dir,
    async workDir(label) {
      const workDir = await mkdtemp(join(dir, `${label}-`));
      await mkdir(join(workDir, 'home'));
      return workDir;
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

const DAY = 86_400_000;
const CA_DAYS = 7;

/**
 * The verifier's CA: made for a week into .cache/verify-ca/<its expiry>-<random>/, and shared by
 * every session until a day before it expires. Making one is four openssl runs and a keytool,
 * 1.5 s, a tenth of a warm verification. Its key stays in .cache/ (readable by the owner only), and
 * only the sealed runs trust it. A CA counts once its `complete` file is written, last: sessions
 * starting together (the verifier's test files) each see a whole CA or none, and may each make one.
 * (Made in place, not aside: the CA's php.ini fragment names the folder's own path.)
 */
async function verifierCa(): Promise<LocalCa> {
  const root = await cacheDir('verify-ca');
  const names = await readdir(root);
  const expiry = (name: string) => Number(/^(\d+)-/.exec(name)?.[1] ?? 0);
  for (const name of names) if (expiry(name) < Date.now()) await rm(join(root, name), { recursive: true, force: true });
  const usable = names.filter((name) => expiry(name) - Date.now() > DAY).sort((a, b) => expiry(b) - expiry(a));
  for (const name of usable) {
    const dir = join(root, name);
    if (!(await exists(join(dir, 'complete')))) continue;
    return describeCa(dir, { javaTrustStore: await exists(join(dir, 'truststore.p12')) });
  }
  const dir = join(root, `${Date.now() + CA_DAYS * DAY}-${randomBytes(4).toString('hex')}`);
  const ca = await makeCa(dir, { days: CA_DAYS });
  await writeFile(join(dir, 'complete'), '');
  return ca;
}

/** A test-mode access token shaped like the real ones, new for every run. */
export function newAccessToken(): string {
  return `TEST-${randomBytes(4).readUInt32BE()}-112609-${randomBytes(16).toString('hex')}-${randomBytes(4).readUInt32BE()}`;
}

export interface TryResult {
  run: HermeticResult;
  sandbox: Sandbox;
  env: {
    MERCADOPAGO_ACCESS_TOKEN: string;
    PAYMENT_ID: string;
    CAPTURED_PAYMENT_ID: string;
    MISSING_PAYMENT_ID: string;
    CARD_TOKEN: string;
    DECLINED_CARD_TOKEN: string;
    /** And every fixed input an operation declares (CAPTURE_AMOUNT…), with its declared value. */
    [fixed: string]: string;
  };
}

/**
 * Runs a program against a fresh sandbox holding a reserve of 100 (PAYMENT_ID), an approved
 * payment (CAPTURED_PAYMENT_ID), naming one that does not exist (MISSING_PAYMENT_ID), with
 * an unused card token of the approving test card (CARD_TOKEN) and of a declining one
 * (DECLINED_CARD_TOKEN), and the fixed inputs the operations declare (CAPTURE_AMOUNT…).
 */
export async function tryInSandbox(
  session: Session,
  command: Command,
  options: { cwd: string; workDir: string; timeoutMs: number },
): Promise<TryResult> {
  const sandbox = createSandbox();
  const reserve = sandbox.createPayment();
  const captured = sandbox.createPayment({ capture: true });
  const env = {
    MERCADOPAGO_ACCESS_TOKEN: newAccessToken(),
    PAYMENT_ID: String(reserve.id),
    CAPTURED_PAYMENT_ID: String(captured.id),
    MISSING_PAYMENT_ID: String(captured.id + 1_000_000),
    CARD_TOKEN: sandbox.createCardToken('APRO'),
    DECLINED_CARD_TOKEN: sandbox.createCardToken('OTHE'),
    ...Object.assign({}, ...loadOperations().map(fixedInputs)),
  };
  const run = await runHermetic({
    sandbox,
    ca: session.ca,
    workDir: options.workDir,
    command: command.command,
    args: command.args,
    cwd: options.cwd,
    env: { HOME: join(options.workDir, 'home'), ...env, ...command.env },
    timeoutMs: options.timeoutMs,
  });
  return { run, sandbox, env };
}
