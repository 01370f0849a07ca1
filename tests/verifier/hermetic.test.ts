// What the verifier promises of every run: the program reaches the sandbox as
// api.mercadopago.com and nothing else — not the machine's own loopback, not the internet.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../sandbox/core/sandbox.ts';
import { runHermetic } from '../../scripts/verify/hermetic.ts';
import { openSession, type Session } from '../../scripts/verify/session.ts';

let session: Session;
let outside: Server;
let outsidePort: number;
let outsideConnections = 0;

beforeAll(async () => {
  session = await openSession();
  // A server on the machine's loopback: a program that could reach it could reach the network.
  outside = createServer((socket) => {
    outsideConnections++;
    socket.end('hello from outside\n');
  });
  await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
  outsidePort = (outside.address() as { port: number }).port;
});
afterAll(async () => {
  outside?.close();
  await session?.close();
});

async function run(script: string, options: { unreachable?: boolean } = {}) {
  return runHermetic({
    ...options,
    sandbox: createSandbox(),
    ca: session.ca,
    workDir: await session.workDir('hermetic'),
    command: 'bash',
    args: ['-c', script],
    cwd: session.dir,
    timeoutMs: 20_000,
  });
}

describe('a hermetic run', () => {
  it('reaches the sandbox as https://api.mercadopago.com', async () => {
    const result = await run('curl -sS https://api.mercadopago.com/v1/payments/1 -H "Authorization: Bearer TEST-x"');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 404, cause: [{ code: 2000 }] });
  });

  it("cannot reach a server on the machine's own loopback", async () => {
    const result = await run(`exec 3<>/dev/tcp/127.0.0.1/${outsidePort} && head -1 <&3`);
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout).not.toContain('hello from outside');
    expect(outsideConnections).toBe(0);
  });

  it("has no route to any other address, and no name but the API's", async () => {
    const result = await run('ip -o route show; (exec 3<>/dev/tcp/192.0.2.1/80) 2>&1; getent hosts example.com || echo "no name"');
    expect(result.stdout.split('\n')[0]).not.toMatch(/default|via/);
    expect(result.stdout).toMatch(/Network is unreachable/);
    expect(result.stdout).toContain('no name');
  });

  it('with the API down, still names api.mercadopago.com but refuses the connection', async () => {
    const result = await run('getent hosts api.mercadopago.com; curl -sS https://api.mercadopago.com/v1/payments/1', {
      unreachable: true,
    });
    expect(result.stdout).toMatch(/^127\.0\.0\.1\s+api\.mercadopago\.com/);
    expect(result.exitCode).toBe(7); // curl: "Failed to connect"
    expect(result.stderr).toMatch(/Couldn't connect to server/);
    expect(result.journal).toEqual([]);
  });
});
