/**
 * The packed sandbox, tried as a reader outside this repository: `npm pack`, an `npm install` of
 * the tarball (and of the official Node SDK, at the version the examples pin) in an empty temp
 * folder, then from there the command (`npx verified-mp-sandbox --proxy`) and the README's own
 * node:test file against the exported handlers. npm's cache serves what it holds; what it lacks
 * (msw's and execa's dependencies, mercadopago, node@22.12.0) comes from the npm registry.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, pinnedNodeSdk, readerEnv } from '../../sandbox/package/install-packed.ts';
import { type StartedCommand, startInstalled } from '../../sandbox/package/start-installed.ts';
import { ROOT } from '../../scripts/verify/runner.ts';

let dir: string;
let folder: string;
let proxy: StartedCommand;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mp-sandbox-reader-'));
  ({ folder } = await installPacked(dir, [await pinnedNodeSdk()]));
  proxy = await startInstalled(folder, ['--proxy', '--port', '0', '--ca-dir', join(dir, 'ca'), '--seed-reserves', '1']);
});
afterAll(async () => {
  await proxy?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The printed `NAME=value` words of one language's line ("  Node    NODE_USE_ENV_PROXY=1 …"). */
function printedEnv(banner: string, label: string): Record<string, string> {
  const line = new RegExp(`^  ${label} +(.+)$`, 'm').exec(banner)?.[1];
  if (!line) throw new Error(`no ${label} line in:\n${banner}`);
  return Object.fromEntries(line.split(' ').map((word) => word.split(/=(.*)/s).slice(0, 2) as [string, string]));
}

/** A reader's environment with the printed Node settings, and no proxy setting of this machine's left to interfere. */
function withPrintedNodeSettings(started: StartedCommand, extra: Record<string, string> = {}): Record<string, string> {
  const env = readerEnv();
  for (const name of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy'])
    delete env[name];
  return { ...env, ...printedEnv(started.output(), 'Node'), ...extra };
}

/** A reader's program (plain fetch to the real host name, nothing in it names the sandbox) makes a reserve with the banner's card token. */
async function reserveThrough(started: StartedCommand): Promise<{ status: number; body: unknown }> {
  const token = /Ready card token \(APRO, single use\): (\w+)/.exec(started.output())![1]!;
  const program = `
    const response = await fetch('https://api.mercadopago.com/v1/payments', {
      method: 'POST',
      headers: { Authorization: 'Bearer TEST-reader', 'Content-Type': 'application/json', 'X-Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ transaction_amount: 100, token: ${JSON.stringify(token)}, installments: 1, payment_method_id: 'visa', payer: { email: 'test_user_123@testuser.com' }, capture: false }),
    });
    console.log(JSON.stringify({ status: response.status, body: await response.json() }));`;
  const env = withPrintedNodeSettings(started);
  const { stdout } = await execa(process.execPath, ['--input-type=module', '-e', program], { cwd: folder, env, extendEnv: false });
  return JSON.parse(stdout);
}

const RESERVED = { status: 'authorized', status_detail: 'pending_capture', captured: false, live_mode: false };

describe('verified-mp-sandbox, installed from its tarball in an empty folder', () => {
  it('installs JavaScript only, with its licence and the rules', async () => {
    const installed = join(folder, 'node_modules', 'verified-mp-sandbox');
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('verified-mp-sandbox');
    expect(await readFile(join(installed, 'dist', 'LICENSE'), 'utf8')).toBe(await readFile(join(ROOT, 'LICENSE'), 'utf8'));
    expect(await readFile(join(installed, 'dist', 'RULES.md'), 'utf8')).toContain('## Limitations');
    const { stdout } = await execa('find', [installed, '-name', '*.ts', '-not', '-name', '*.d.ts'], { cwd: folder });
    expect(stdout).toBe('');
  });

  it('npx verified-mp-sandbox --proxy: a program with only the printed Node settings reaches the sandbox over HTTPS', async () => {
    expect(proxy.caFile).toBe(join(dir, 'ca', 'ca.pem'));
    const { status, body } = await reserveThrough(proxy);
    expect(status).toBe(201);
    expect(body).toMatchObject(RESERVED);
  });

  it('the project’s own Node example, copied out and unchanged, cancels a reserve with only the printed settings', async () => {
    const id = /Seeded 1 reserves: ids (\d+)/.exec(proxy.output())![1]!;
    const program = join(folder, 'cancel-reserve.mjs');
    await writeFile(program, await readFile(join(ROOT, 'examples', 'cancel-reserve', 'node', 'cancel-reserve.mjs')));
    const env = withPrintedNodeSettings(proxy, { MERCADOPAGO_ACCESS_TOKEN: 'TEST-reader', PAYMENT_ID: id });
    const { stdout } = await execa(process.execPath, [program], { cwd: folder, env, extendEnv: false });
    expect(JSON.parse(stdout)).toMatchObject({ id: Number(id), status: 'cancelled', status_detail: 'by_collector', captured: false });
  });

  it('refuses CONNECT example.com:443 with 403, saying what it is for', async () => {
    const port = Number(new URL(proxy.url).port);
    const answer = await new Promise<string>((resolve, reject) => {
      let got = '';
      const socket = connect(port, '127.0.0.1', () => socket.write('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'));
      socket.on('data', (chunk) => {
        got += chunk.toString();
      });
      socket.on('close', () => resolve(got));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    expect(answer).toContain('api.mercadopago.com');
  });

  it('the README’s node:test file passes: the official Node SDK reserves, captures and cancels through setupServer(...handlers)', async () => {
    const readme = await readFile(join(folder, 'node_modules', 'verified-mp-sandbox', 'README.md'), 'utf8');
    const file = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
    await writeFile(join(folder, 'reserve.test.mjs'), file);
    const result = await execa(process.execPath, ['--test', 'reserve.test.mjs'], {
      cwd: folder,
      env: readerEnv(),
      extendEnv: false,
      reject: false,
      all: true,
    });
    expect(result.all).toMatch(/^ℹ pass 2$/m);
    expect(result.exitCode, result.all).toBe(0);
  });

  it('… on Node 22.12, the lowest its engines field claims: that test passes, and the command serves through its proxy', async () => {
    const node22 = (
      await execa('npm', ['exec', '--yes', '--prefer-offline', '--package=node@22.12.0', '--', 'node', '-p', 'process.execPath'], {
        cwd: folder,
        env: readerEnv(),
        extendEnv: false,
      })
    ).stdout.trim();
    expect((await execa(node22, ['--version'])).stdout).toBe('v22.12.0');
    const result = await execa(node22, ['--test', 'reserve.test.mjs'], {
      cwd: folder,
      env: readerEnv(),
      extendEnv: false,
      reject: false,
      all: true,
    });
    expect(result.all).toMatch(/^# pass 2$/m);
    expect(result.exitCode, result.all).toBe(0);
    const onNode22 = await startInstalled(folder, ['--proxy', '--port', '0', '--ca-dir', join(dir, 'ca')], { node: node22 });
    try {
      const { status, body } = await reserveThrough(onNode22);
      expect(status).toBe(201);
      expect(body).toMatchObject(RESERVED);
    } finally {
      await onNode22.stop();
    }
  });

  it('its types: a reader’s TypeScript checks against the exported declarations', async () => {
    await writeFile(
      join(folder, 'reader.ts'),
      `import { setupServer } from 'msw/node';
import { createSandbox, handlers, type Sandbox, sandbox, TEST_CARD } from 'verified-mp-sandbox';
const server = setupServer(...handlers);
const fresh: Sandbox = createSandbox({ reserveTtlDays: 5 });
server.resetHandlers(...fresh.handlers);
const token: string = sandbox.createCardToken('APRO');
const id: number = fresh.createPayment({ capture: true }).id;
export const used = [token, id, TEST_CARD.card_number];
`,
    );
    const tsconfig = {
      compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] },
    };
    await writeFile(join(folder, 'tsconfig.json'), JSON.stringify(tsconfig));
    const result = await execa(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', folder], { cwd: folder, reject: false, all: true });
    expect(result.exitCode, result.all).toBe(0);
  });
});
