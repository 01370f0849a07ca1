/**
 * Runs any program where `api.mercadopago.com` is a fresh sandbox, as the verifier does,
 * and prints what the sandbox received. For trying your own code, or an SDK double's tests.
 *
 *   node scripts/try-in-sandbox.ts [--cwd DIR] [--timeout SECONDS] -- <command> [args...]
 *
 * The program gets MERCADOPAGO_ACCESS_TOKEN, PAYMENT_ID (an authorized reserve),
 * CAPTURED_PAYMENT_ID (an approved payment), MISSING_PAYMENT_ID (no such payment),
 * and the trust settings for the run's CA (SSL_CERT_FILE, NODE_EXTRA_CA_CERTS, ...).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createSandbox } from '../sandbox/sandbox.ts';
import { runHermetic } from './verify/hermetic.ts';
import { makeRunCa } from './verify/run-ca.ts';

const { values, positionals } = parseArgs({
  options: { cwd: { type: 'string', default: '.' }, timeout: { type: 'string', default: '60' } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  console.error('usage: node scripts/try-in-sandbox.ts [--cwd DIR] [--timeout SECONDS] -- <command> [args...]');
  process.exit(2);
}

const workDir = await mkdtemp(join(tmpdir(), 'try-sandbox-'));
try {
  const ca = await makeRunCa(workDir);
  const sandbox = createSandbox();
  const reserve = sandbox.createPayment();
  const captured = sandbox.createPayment({ capture: true });
  const token = `TEST-${randomBytes(8).toString('hex')}`;
  const env = {
    MERCADOPAGO_ACCESS_TOKEN: token,
    PAYMENT_ID: String(reserve.id),
    CAPTURED_PAYMENT_ID: String(captured.id),
    MISSING_PAYMENT_ID: String(reserve.id + 1_000_000),
  };
  console.error(`try-in-sandbox: ${JSON.stringify(env)}`);
  const [command, ...args] = positionals as [string, ...string[]];
  const result = await runHermetic({
    sandbox, ca, workDir, command, args, env,
    cwd: resolve(values.cwd), timeoutMs: Number(values.timeout) * 1000,
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  console.error(`try-in-sandbox: exit ${result.exitCode}${result.timedOut ? ' (timed out)' : ''} in ${Math.round(result.durationMs)} ms`);
  console.error('try-in-sandbox: the sandbox received:');
  console.error(JSON.stringify(result.journal.map(({ method, path, headers, body, status }) => ({ method, path, headers, body, status })), null, 2));
  process.exitCode = result.exitCode ?? 1;
} finally {
  await rm(workDir, { recursive: true, force: true });
}
