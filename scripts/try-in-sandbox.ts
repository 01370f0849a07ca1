/**
 * Runs any program where `api.mercadopago.com` is a fresh sandbox, as the verifier does,
 * and prints what the sandbox received. For trying your own code, or an SDK double's tests.
 *
 *   npm run try -- [--cwd DIR] [--timeout SECONDS] -- <command> [args...]
 *
 * The program gets MERCADOPAGO_ACCESS_TOKEN, PAYMENT_ID (an authorized reserve),
 * CAPTURED_PAYMENT_ID (an approved payment), MISSING_PAYMENT_ID (no such payment),
 * CARD_TOKEN (an approving test card's token), DECLINED_CARD_TOKEN, CAPTURE_AMOUNT (75),
 * and the usual trust settings pointed at the run's CA (SSL_CERT_FILE, NODE_EXTRA_CA_CERTS,
 * REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE; SANDBOX_CA_FILE names the file).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openSession, tryInSandbox } from './verify/session.ts';

const { values, positionals } = parseArgs({
  options: { cwd: { type: 'string', default: '.' }, timeout: { type: 'string', default: '60' } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  console.error('usage: npm run try -- [--cwd DIR] [--timeout SECONDS] -- <command> [args...]');
  process.exit(2);
}

const session = await openSession();
try {
  const [command, ...args] = positionals as [string, ...string[]];
  const { run, env } = await tryInSandbox(
    session,
    { command, args },
    {
      cwd: resolve(values.cwd),
      workDir: await session.workDir('try'),
      timeoutMs: Number(values.timeout) * 1000,
    },
  );
  console.error(`try-in-sandbox: ${JSON.stringify(env)}`);
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  console.error(`try-in-sandbox: exit ${run.exitCode}${run.timedOut ? ' (timed out)' : ''} in ${Math.round(run.durationMs)} ms`);
  console.error('try-in-sandbox: the sandbox received:');
  console.error(
    JSON.stringify(
      run.journal.map(({ method, path, headers, body, status }) => ({ method, path, headers, body, status })),
      null,
      2,
    ),
  );
  process.exitCode = run.exitCode ?? 1;
} finally {
  await session.close();
}
