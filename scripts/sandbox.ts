/**
 * `npm run sandbox`: the Payments API sandbox as a local HTTP server; with --proxy, as an HTTPS
 * proxy for api.mercadopago.com (sandbox/node/proxy-server.ts), with a local CA kept in --ca-dir
 * (default $XDG_CONFIG_HOME/mercadopago-sandbox, else ~/.config/mercadopago-sandbox).
 * Options: --port (or PORT, default 3001), --host (default 127.0.0.1),
 * --reserve-days (default 7), --max-payments (default 100000),
 * --seed-reserves N (start with N reserves ready to capture or cancel: for load tests),
 * --cors-origin ORIGIN (the one browser origin, the docs site's, allowed to call it; none by default).
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGUAGES } from '../examples/languages.ts';
import { placesFor, proxySettings, shellAssignments } from '../examples/proxy-settings.ts';
import { createSandbox, DEFAULTS } from '../sandbox/core/sandbox.ts';
import { listen } from '../sandbox/node/http-server.ts';
import { openCa } from '../sandbox/node/local-ca.ts';
import { listenProxy } from '../sandbox/node/proxy-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3001' },
    host: { type: 'string', default: '127.0.0.1' },
    'reserve-days': { type: 'string', default: String(DEFAULTS.reserveTtlDays) },
    'max-payments': { type: 'string', default: String(DEFAULTS.maxPayments) },
    'seed-reserves': { type: 'string', default: '0' },
    'cors-origin': { type: 'string' },
    proxy: { type: 'boolean', default: false },
    'ca-dir': { type: 'string' },
  },
});

const number = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`sandbox: --${name} must be a number, got "${text}"`);
    process.exit(2);
  }
  return value;
};

const host = values.host;
if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
  console.warn(
    `sandbox: warning: listening on ${host}, so other machines may reach it. Use the default 127.0.0.1 unless you mean to share it.`,
  );
}

const sandbox = createSandbox({
  reserveTtlDays: number('reserve-days', values['reserve-days']),
  maxPayments: number('max-payments', values['max-payments']),
  log: (message) => console.log(`sandbox: ${message}`),
  corsOrigin: values['cors-origin'],
});

const port = number('port', values.port);
const caDir = values['ca-dir'] ?? join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'mercadopago-sandbox');
const opened = values.proxy ? await openCa(caDir) : undefined;
let server: { url: string; close(): Promise<void> };
let proxy: Awaited<ReturnType<typeof listenProxy>> | undefined;
try {
  if (opened) {
    const tls = { key: await readFile(opened.ca.key), cert: await readFile(opened.ca.cert) };
    server = proxy = await listenProxy(sandbox.handlers, { host, port, tls, log: (message) => console.log(`sandbox: ${message}`) });
  } else server = await listen(sandbox.handlers, { host, port });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const other = port < 65535 ? port + 1 : 3001;
  const hint =
    code === 'EADDRINUSE' ? ` Another program uses that port: pass --port ${other} (or PORT=${other}), or --port 0 for any free port.` : '';
  console.error(`sandbox: cannot listen on ${host}:${values.port}: ${(error as Error).message}.${hint}`);
  process.exit(1);
}

const seeded = number('seed-reserves', values['seed-reserves']);
if (seeded > 0) {
  const first = sandbox.createPayment().id;
  for (let i = 1; i < seeded; i++) sandbox.createPayment();
  console.log(`Seeded ${seeded} reserves: ids ${first} to ${first + seeded - 1}`);
}

// Before the banner: whoever reads "Ctrl-C stops." may signal at once.
const stop = () => {
  void server.close().then(() => {
    console.log('sandbox: stopped');
    process.exit(0);
  });
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

const token = sandbox.createCardToken('APRO');
if (proxy && opened) {
  const { ca, made } = opened;
  const places = placesFor(proxy, ca);
  const lines = LANGUAGES.flatMap((language) => {
    const { env, note } = proxySettings(language, places);
    return [`  ${language.label.padEnd(7)} ${shellAssignments(env)}`, ...(note ? [`          ${note}`] : [])];
  });
  console.log(`Mercado Pago Payments API sandbox, as an HTTPS proxy for api.mercadopago.com, on ${proxy.url}
CA: ${ca.caFile}
    ${made ? 'made now' : 'made before, reused'}, in ${ca.dir} (its key is readable by you only; --ca-dir picks another folder)
Access token: any non-empty bearer, e.g. TEST-sandbox
Ready card token (APRO, single use): ${token}

Run your program unchanged with these set (a CONNECT to any other host is refused):
${lines.join('\n')}

Try it:
  curl -s --proxy ${proxy.url} --cacert ${ca.caFile} https://api.mercadopago.com/v1/payments \\
    -H 'Authorization: Bearer TEST-sandbox' -H 'Content-Type: application/json' -H "X-Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \\
    -d '{"transaction_amount":100,"token":"${token}","description":"Reserve","installments":1,"payment_method_id":"visa","payer":{"email":"test_user_123@testuser.com"},"capture":false}'
Ctrl-C stops.`);
} else {
  const base = server.url;
  console.log(`Mercado Pago Payments API sandbox listening on ${base}
Access token: any non-empty bearer, e.g. TEST-sandbox
Ready card token (APRO, single use): ${token}

Make a reserve:
  curl -s ${base}/v1/payments -H 'Authorization: Bearer TEST-sandbox' -H 'Content-Type: application/json' \\
    -H "X-Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \\
    -d '{"transaction_amount":100,"token":"${token}","description":"Reserve","installments":1,"payment_method_id":"visa","payer":{"email":"test_user_123@testuser.com"},"capture":false}'
Cancel it:
  curl -s -X PUT ${base}/v1/payments/PAYMENT_ID -H 'Authorization: Bearer TEST-sandbox' -H 'Content-Type: application/json' \\
    -H "X-Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -d '{"status":"cancelled"}'
More card tokens: POST ${base}/v1/card_tokens (see README). Ctrl-C stops.`);
}
