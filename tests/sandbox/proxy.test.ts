/**
 * The sandbox as an HTTPS proxy (sandbox/node/proxy-server.ts), spoken to byte for byte: the one
 * tunnel it opens, everything it refuses, and bad input that must leave it running with no socket
 * left open. Every test ends by checking that the proxy still answers and holds no connection.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../examples/languages.ts';
import { createSandbox, type Sandbox } from '../../sandbox/core/sandbox.ts';
import { type LocalCa, makeCa, openCa } from '../../sandbox/node/local-ca.ts';
import { listenProxy, REFUSAL, type RunningProxy } from '../../sandbox/node/proxy-server.ts';

let dir: string;
let ca: LocalCa;
let caPem: string;
let sandbox: Sandbox;
let proxy: RunningProxy;
let paymentId: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proxy-test-'));
  ca = await makeCa(join(dir, 'ca'));
  caPem = await readFile(ca.caFile, 'utf8');
  sandbox = createSandbox();
  paymentId = sandbox.createPayment().id;
  // Short, so the tests that wait for the proxy to give up do not wait long (nothing asserts the time).
  proxy = await listenProxy(sandbox.handlers, { tls: { key: await readFile(ca.key), cert: await readFile(ca.cert) }, timeoutMs: 500 });
});
afterAll(async () => {
  await proxy.close();
  await rm(dir, { recursive: true, force: true });
});

// After each test: the proxy still serves a tunnel, and once every client is gone it holds no connection.
afterEach(async () => {
  expect((await getThroughTunnel(`/v1/payments/${paymentId}`)).status).toBe(200);
  await expect.poll(() => openConnections(), { timeout: 5_000 }).toBe(0);
});

const openConnections = () =>
  new Promise<number>((resolve, reject) => proxy.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));

/** Opens a TCP connection to the proxy and writes `bytes`; resolves with all it received once it closes. */
function exchange(bytes: string | Buffer, options: { hangUpAfterWrite?: boolean } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(proxy.port, '127.0.0.1', () => {
      socket.write(bytes);
      if (options.hangUpAfterWrite) socket.destroy();
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

/** CONNECT, then a GET inside the tunnel over TLS trusting only the test's CA: the status and body the sandbox answered. */
async function getThroughTunnel(path: string): Promise<{ status: number; body: string }> {
  const raw = await openTunnel();
  const tls = tlsConnect({ socket: raw, servername: 'api.mercadopago.com', ca: caPem });
  return new Promise((resolve, reject) => {
    // Plain http over the TLS socket: it is already the tunnel's TLS.
    const req = request(
      { host: 'api.mercadopago.com', path, headers: { Authorization: 'Bearer TEST-proxy' }, createConnection: () => tls },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          tls.destroy();
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A socket to the proxy after its "200 Connection Established" for the API's host. */
function openTunnel(target = 'api.mercadopago.com:443'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(proxy.port, '127.0.0.1', () => socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`));
    socket.once('data', (chunk: Buffer) => {
      const head = chunk.toString('latin1');
      if (head.startsWith('HTTP/1.1 200')) resolve(socket);
      else reject(new Error(`the proxy answered the CONNECT with: ${head}`));
    });
    socket.once('error', reject);
  });
}

describe('the tunnel it opens', () => {
  it('serves the sandbox as api.mercadopago.com, over TLS with a certificate the CA signed', async () => {
    const { status, body } = await getThroughTunnel(`/v1/payments/${paymentId}`);
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ id: paymentId, status: 'authorized' });
  });

  it('takes the host in any case, as host names are', async () => {
    const socket = await openTunnel('API.MercadoPago.com:443');
    socket.destroy();
  });

  it('serves a SOCKS5 CONNECT to the API by name (the JVM reaches a proxy by flags only through SOCKS)', async () => {
    const reply = await socksConnect(Buffer.from([0x03, 19, ...Buffer.from('api.mercadopago.com'), 0x01, 0xbb]));
    expect(reply[1]).toBe(0x00);
  });
});

describe('not an open proxy', () => {
  it.each([
    ['another host', 'example.com:443'],
    ['another port of the API', 'api.mercadopago.com:80'],
    ['a host whose name only starts like the API', 'api.mercadopago.com.example.com:443'],
  ])('refuses a CONNECT to %s with 403, saying what it is for', async (_, target) => {
    const answer = await exchange(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
    expect(answer).toContain(REFUSAL);
  });

  it('refuses a plain proxied GET http://… with 403, saying what it is for', async () => {
    const answer = await exchange('GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
    expect(answer).toContain(REFUSAL);
  });

  it('refuses a SOCKS5 CONNECT to another host or port (reply 02, not allowed)', async () => {
    expect((await socksConnect(Buffer.from([0x03, 11, ...Buffer.from('example.com'), 0x01, 0xbb])))[1]).toBe(0x02);
    expect((await socksConnect(Buffer.from([0x01, 127, 0, 0, 1, 0x00, 0x50])))[1]).toBe(0x02);
  });

  it('ends a SOCKS tunnel whose TLS handshake names another host', async () => {
    const raw = connect(proxy.port, '127.0.0.1');
    raw.write(Buffer.from([0x05, 0x01, 0x00]));
    await once(raw, 2);
    raw.write(Buffer.from([0x05, 0x01, 0x00, 0x01, 93, 184, 215, 14, 0x01, 0xbb]));
    await once(raw, 10);
    const tls = tlsConnect({ socket: raw, servername: 'example.com', ca: caPem });
    await expect(new Promise((resolve, reject) => tls.once('secureConnect', resolve).once('error', reject))).rejects.toThrow();
    tls.destroy();
  });
});

describe('bad input keeps it running', () => {
  it('answers a CONNECT that names no host:port with 400', async () => {
    const answer = await exchange('CONNECT nonsense HTTP/1.1\r\nHost: nonsense\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('Malformed CONNECT');
  });

  it('answers bytes that are no HTTP request with 400', async () => {
    expect(await exchange('\x16\x03\x01 this is not a request\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
  });

  it('closes a tunnel whose TLS handshake never comes', async () => {
    const socket = await openTunnel();
    await new Promise((resolve) => socket.on('close', resolve));
  });

  it('closes a connection that never says anything', async () => {
    expect(await new Promise<string>((resolve) => exchangeSilently(resolve))).toBe('');
  });

  it('closes a connection that stops in the middle of its CONNECT line', async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(proxy.port, '127.0.0.1', () => socket.write('CONNECT api.merc'));
      socket.on('error', () => {});
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    });
    expect(answer === '' || answer.startsWith('HTTP/1.1 4')).toBe(true);
  });

  it('survives clients that hang up mid-request: in the CONNECT, in the SOCKS greeting, and inside the tunnel', async () => {
    await exchange('CONNECT api.mercadopago.com:443 HTTP/1.1\r\nHo', { hangUpAfterWrite: true });
    await exchange(Buffer.from([0x05, 0x02]), { hangUpAfterWrite: true });
    const tunnel = await openTunnel();
    const tls = tlsConnect({ socket: tunnel, servername: 'api.mercadopago.com', ca: caPem });
    await new Promise((resolve) => tls.once('secureConnect', resolve));
    tls.write('POST /v1/payments HTTP/1.1\r\nHost: api.mercadopago.com\r\nContent-Length: 500\r\n\r\n{"transaction_am');
    tls.destroy();
  });

  it('ends a SOCKS handshake that offers no way in without a password', async () => {
    const raw = connect(proxy.port, '127.0.0.1');
    raw.write(Buffer.from([0x05, 0x01, 0x02]));
    expect([...(await once(raw, 2))]).toEqual([0x05, 0xff]);
    raw.destroy();
  });
});

describe('npm run sandbox -- --proxy', () => {
  it('makes its CA on the first start, reuses it after, keeps the keys private, and prints the CA and every language’s settings', async () => {
    const caDir = join(dir, 'home-ca');
    const first = await startAndStop(caDir);
    const caLine = /^CA: (.+)$/m.exec(first)?.[1];
    expect(caLine).toBe(join(caDir, 'ca.pem'));
    expect(first).toContain('made now');
    for (const language of LANGUAGES) expect(first).toMatch(new RegExp(`^  ${escapeRegExp(language.label)} +\\S+=`, 'm'));
    expect(first).toContain(`CURL_CA_BUNDLE=${caLine}`);
    for (const key of ['ca.key', 'server.key']) expect((await stat(join(caDir, key))).mode & 0o777).toBe(0o600);
    const pem = await readFile(join(caDir, 'ca.pem'), 'utf8');
    const second = await startAndStop(caDir);
    expect(second).toContain('made before, reused');
    expect(await readFile(join(caDir, 'ca.pem'), 'utf8')).toBe(pem);
    expect((await openCa(caDir)).made).toBe(false);
  });
});

/** Starts the command on a free port, waits for its banner, stops it: what it printed. */
async function startAndStop(caDir: string): Promise<string> {
  const child = execa('node', ['sandbox/package/cli.ts', '--proxy', '--port', '0', '--ca-dir', caDir], { reject: false, all: true });
  let printed = '';
  await new Promise<void>((resolve) => {
    child.all!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('Ctrl-C stops.')) resolve();
    });
    void child.then(() => resolve());
  });
  child.kill('SIGTERM');
  await child;
  return printed;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&');

/** A SOCKS5 greeting (no authentication) and CONNECT to `address` (its type byte, address and port): the reply's bytes. */
async function socksConnect(address: Buffer): Promise<Buffer> {
  const socket = connect(proxy.port, '127.0.0.1');
  socket.on('error', () => {});
  socket.write(Buffer.from([0x05, 0x01, 0x00]));
  expect([...(await once(socket, 2))]).toEqual([0x05, 0x00]);
  socket.write(Buffer.concat([Buffer.from([0x05, 0x01, 0x00]), address]));
  const reply = await once(socket, 10);
  socket.destroy();
  return reply;
}

/** The next `n` bytes the socket receives. */
function once(socket: Socket, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let got = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      got = Buffer.concat([got, chunk]);
      if (got.length >= n) {
        socket.off('data', onData);
        resolve(got);
      }
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`closed after ${got.length} of ${n} bytes`)));
  });
}

function exchangeSilently(resolve: (received: string) => void): void {
  const socket = connect(proxy.port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => {});
  socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
}
