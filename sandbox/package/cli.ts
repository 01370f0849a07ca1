/**
 * The sandbox's one command: `npx verified-mp-sandbox` from the package (built into dist/cli.js),
 * `npm run sandbox` in this repository (this file, run as TypeScript).
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { placesFor } from '../../examples/proxy-settings.ts';
import { createSandbox, DEFAULTS } from '../core/sandbox.ts';
import { listen } from '../node/http-server.ts';
import { openCa } from '../node/local-ca.ts';
import { listenProxy } from '../node/proxy-server.ts';
import { proxyLines } from './proxy-lines.ts';

const USAGE = `Usage: verified-mp-sandbox [--proxy] [options]   (in its repository: npm run sandbox -- [options])

An unofficial emulator of Mercado Pago's Payments API (card tokens, payments, reserves, refunds,
search), in memory, for trying code against; not made or endorsed by Mercado Pago.

  --proxy               an HTTPS proxy for api.mercadopago.com, with a local CA, instead of plain HTTP;
                        prints the CA's path and, per language, the settings your program runs with
  --ca-dir DIR          the CA's folder (default $XDG_CONFIG_HOME/mercadopago-sandbox, else
                        ~/.config/mercadopago-sandbox); made on the first --proxy start, then reused
  --port N              default 3001 (or PORT); 0 picks a free one
  --host HOST           default 127.0.0.1; anything else warns, as other machines may reach it
  --reserve-days N      days an uncaptured reserve lasts (default ${DEFAULTS.reserveTtlDays})
  --max-payments N      payments kept, oldest evicted past it (default ${DEFAULTS.maxPayments})
  --seed-reserves N     start with N reserves ready to capture or cancel (for load tests)
  --cors-origin ORIGIN  the one browser origin allowed to call it (none by default)
  --help                this text`;

const parsed = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: process.env.PORT ?? '3001' },
        host: { type: 'string', default: '127.0.0.1' },
        'reserve-days': { type: 'string', default: String(DEFAULTS.reserveTtlDays) },
        'max-payments': { type: 'string', default: String(DEFAULTS.maxPayments) },
        'seed-reserves': { type: 'string', default: '0' },
        'cors-origin': { type: 'string' },
        proxy: { type: 'boolean', default: false },
        'ca-dir': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`sandbox: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
})();
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

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
const opened = values.proxy
  ? await openCa(caDir).catch((error: Error) => {
      const noOpenssl = /\bENOENT\b/.test(error.message) && /\bopenssl\b/.test(error.message);
      const hint = noOpenssl
        ? 'The proxy makes its CA with the openssl command: install it, so that it is on PATH, and start again.'
        : 'Pass --ca-dir to keep the CA in another folder.';
      console.error(`sandbox: cannot make or read the local CA in ${caDir}: ${error.message}\n${hint}`);
      process.exit(1);
    })
  : undefined;
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
  const lines = proxyLines(placesFor(proxy, ca));
  console.log(`Mercado Pago Payments API sandbox (an unofficial emulator), as an HTTPS proxy for api.mercadopago.com, on ${proxy.url}
CA: ${ca.caFile}
    ${made ? 'made now' : 'made before, reused'}, in ${ca.dir} (its key is readable by you only; --ca-dir picks another folder)
Access token: any non-empty bearer, e.g. TEST-sandbox
Ready card token (APRO, single use): ${token}

Run your program unchanged with these set (a CONNECT to any other host is refused):
${lines.join('\n')}

Try it:
  curl -s --proxy ${proxy.url} --cacert ${ca.caFile} https://api.mercadopago.com/v1/payments \\
    -H 'Authorization: Bearer TEST-sandbox' -H 'Content-Type: application/json' -H "X-Idempotency-Key: $(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)" \\
    -d '{"transaction_amount":100,"token":"${token}","description":"Reserve","installments":1,"payment_method_id":"visa","payer":{"email":"test_user_123@testuser.com"},"capture":false}'
Ctrl-C stops.`);
} else {
  const base = server.url;
  console.log(`Mercado Pago Payments API sandbox (an unofficial emulator) listening on ${base}
Access token: any non-empty bearer, e.g. TEST-sandbox
Ready card token (APRO, single use): ${token}

Make a reserve:
  curl -s ${base}/v1/payments -H 'Authorization: Bearer TEST-sandbox' -H 'Content-Type: application/json' \\
    -H "X-Idempotency-Key: $(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)" \\
    -d '{"transaction_amount":100,"token":"${token}","description":"Reserve","installments":1,"payment_method_id":"visa","payer":{"email":"test_user_123@testuser.com"},"capture":false}'
Cancel it:
  curl -s -X PUT ${base}/v1/payments/PAYMENT_ID -H 'Authorization: Bearer TEST-sandbox' -H 'Content-Type: application/json' \\
    -H "X-Idempotency-Key: $(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)" -d '{"status":"cancelled"}'
More card tokens: POST ${base}/v1/card_tokens (see README). Ctrl-C stops.`);
}
