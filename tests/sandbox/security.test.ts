/**
 * What a local sandbox must not do: listen beyond the machine unannounced, forward a request
 * anywhere, echo input as HTML, or let any web page but the docs site read its answers.
 */
import dns from 'node:dns';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { getResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_ORIGIN } from '../../sandbox/core/handlers.ts';
import { createSandbox, type Sandbox } from '../../sandbox/core/sandbox.ts';
import { listen, type RunningServer } from '../../sandbox/node/http-server.ts';
import { checkChildJournal } from '../support/openapi-conformance.ts';
import { sandboxOverHttp } from '../support/sandbox.ts';
import { address, head, rawRequest } from './raw-http.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SITE = 'https://site.example';
const AUTH: [string, string] = ['Authorization', 'Bearer TEST-security'];

describe('sandbox/package/cli.ts: where it listens', () => {
  const children: ReturnType<typeof execa>[] = [];
  const urls: string[] = [];
  afterEach(async () => {
    // Before each child stops: what it answered must match the spec (it runs outside this process).
    await Promise.all(urls.splice(0).map((url) => checkChildJournal(url).catch(() => undefined)));
    for (const child of children.splice(0)) {
      child.kill('SIGTERM');
      await child;
    }
  });

  /** Starts the CLI and resolves with its URL once the banner is out (or its output if it exits). */
  function start(args: string[]) {
    const { PORT: _, ...env } = process.env;
    const child = execa(process.execPath, ['sandbox/package/cli.ts', '--port', '0', ...args], {
      cwd: ROOT,
      env,
      extendEnv: false,
      reject: false,
    });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ready = new Promise<{ url: string; stderr: () => string }>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
        if (url && stdout.includes('Ctrl-C stops.')) {
          urls.push(url);
          resolve({ url, stderr: () => stderr });
        }
      });
      void child.then((result) => reject(new Error(`exited ${result.exitCode}:\n${stdout}\n${stderr}`)));
    });
    children.push(child);
    return { child, ready };
  }

  it('listens on 127.0.0.1 by default, without a warning', async () => {
    const { ready } = start([]);
    const { url, stderr } = await ready;
    expect(address(url).host).toBe('127.0.0.1');
    expect(stderr()).toBe('');
    expect((await fetch(`${url}/v1/payments/1`, { headers: { Authorization: 'Bearer TEST-x' } })).status).toBe(404);
  });

  it('warns on stderr when --host is another address', async () => {
    const { ready } = start(['--host', '0.0.0.0']);
    const { url, stderr } = await ready;
    expect(address(url).host).toBe('0.0.0.0');
    expect(stderr()).toMatch(/warning: listening on 0\.0\.0\.0, so other machines may reach it/);
  });

  it('--host localhost is quiet', async () => {
    const { ready } = start(['--host', 'localhost']);
    const { stderr } = await ready;
    expect(stderr()).toBe('');
  });
});

describe('the HTTP server answers everything itself: nothing is forwarded', () => {
  const served = sandboxOverHttp();

  /**
   * Every outbound connection and name lookup this process attempts while `run` runs. The
   * raw client's own connection to the sandbox is one of them; nothing else may be.
   */
  async function outbound(run: () => Promise<void>) {
    const connects = vi.spyOn(net.Socket.prototype, 'connect');
    const lookups = vi.spyOn(dns, 'lookup');
    const lookupsPromises = vi.spyOn(dns.promises, 'lookup');
    try {
      await run();
      // Give anything the server might have started a moment to try.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const targets = connects.mock.calls.map(([options, port]) => {
        const target = (Array.isArray(options) ? options[0] : options) as net.TcpNetConnectOpts | number;
        return typeof target === 'object' ? `${target.host}:${target.port}` : `${String(port)}:${target}`;
      });
      return { targets, lookups: [...lookups.mock.calls, ...lookupsPromises.mock.calls].map(([host]) => host) };
    } finally {
      connects.mockRestore();
      lookups.mockRestore();
      lookupsPromises.mockRestore();
    }
  }

  const send = (requestLine: string, headers: [string, string][]) =>
    rawRequest(served.server.url, head(requestLine, [...headers, ['Connection', 'close']]));

  const requests: [string, string, [string, string][], number, number | undefined][] = [
    ['an absolute-form URL to another host', 'GET http://example.com/v1/payments/1 HTTP/1.1', [['Host', 'example.com'], AUTH], 404, 2000],
    [
      'an absolute-form https URL',
      'GET https://api.mercadopago.com/v1/payments/1 HTTP/1.1',
      [['Host', 'api.mercadopago.com'], AUTH],
      404,
      2000,
    ],
    ['the cloud metadata address', 'GET http://169.254.169.254/latest/meta-data/ HTTP/1.1', [['Host', '169.254.169.254']], 404, undefined],
    ['a forged Host header', 'GET /v1/payments/1 HTTP/1.1', [['Host', 'evil.example:443'], AUTH], 404, 2000],
    [
      'forwarding headers',
      'GET /v1/nowhere HTTP/1.1',
      [
        ['Host', 'localhost'],
        ['X-Forwarded-Host', 'evil.example'],
        ['Forwarded', 'host=evil.example'],
      ],
      404,
      undefined,
    ],
  ];
  it.each(requests)('%s is answered locally (404 envelope), with no outbound connection', async (_, requestLine, headers, status, code) => {
    let reply!: Awaited<ReturnType<typeof send>>;
    const seen = await outbound(async () => {
      reply = await send(requestLine, headers);
    });
    expect(reply.status).toBe(status);
    const body = JSON.parse(reply.body) as { cause: { code: number }[] };
    expect(body).toMatchObject({ status: 404, error: 'not_found' });
    expect(body.cause[0]?.code).toBe(code);
    expect(reply.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.targets).toEqual([`${address(served.server.url).host}:${address(served.server.url).port}`]);
    expect(seen.lookups).toEqual([]);
    // The journal names the path only: the host the request claimed plays no part.
    expect(served.sandbox.journal.entries().at(-1)!.path).toMatch(/^\/(v1|latest)\//);
  });

  it('CONNECT is never tunnelled', async () => {
    const seen = await outbound(async () => {
      const reply = await send('CONNECT example.com:443 HTTP/1.1', [['Host', 'example.com:443']]);
      expect(reply.status === 0 || reply.status >= 400).toBe(true);
    });
    expect(seen.targets).toEqual([`${address(served.server.url).host}:${address(served.server.url).port}`]);
    expect(seen.lookups).toEqual([]);
  });
});

describe('input is never answered as HTML', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await listen(createSandbox().handlers, { port: 0 });
  });
  afterAll(() => server.close());

  it.each([
    '/<script>alert(1)</script>',
    '/v1/payments/<script>alert(1)</script>',
    '/v1/<img src=x onerror=alert(1)>',
    '/v1/nowhere?q=<script>alert(1)</script>',
    // A path the sandbox does not emulate echoes its path in a 501, escaped the same way.
    '/v1/orders/<script>alert(1)</script>',
  ])('GET %s: JSON with nosniff, no markup echoed', async (path) => {
    const reply = await rawRequest(
      server.url,
      head(`GET ${path.replaceAll(' ', '%20')} HTTP/1.1`, [['Host', 'localhost'], ['Accept', 'text/html'], AUTH, ['Connection', 'close']]),
    );
    expect(reply.status).toBe(path.startsWith('/v1/orders/') ? 501 : 404);
    expect(reply.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(() => JSON.parse(reply.body)).not.toThrow();
    expect(reply.body).not.toMatch(/<|>/);
  });

  it('the same through the in-process adapter, and for a 405', async () => {
    const sandbox = createSandbox();
    for (const [method, path] of [
      ['GET', '/<script>alert(1)</script>'],
      ['DELETE', '/v1/payments/<svg onload=alert(1)>'],
    ]) {
      const response = (await getResponse(sandbox.handlers, new Request(`${API_ORIGIN}${path}`, { method })))!;
      expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).not.toMatch(/<|>/);
    }
  });
});

describe('CORS: only the configured origin', () => {
  let sandbox: Sandbox;
  let server: RunningServer;
  let plain: RunningServer;
  beforeAll(async () => {
    sandbox = createSandbox({ corsOrigin: SITE });
    server = await listen(sandbox.handlers, { port: 0 });
    plain = await listen(createSandbox().handlers, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await plain.close();
  });

  const preflight = (url: string, origin: string) =>
    fetch(`${url}/v1/payments/1`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,content-type,x-idempotency-key',
      },
    });
  const corsHeaders = (response: Response) =>
    [...response.headers.keys()].filter((name) => name.startsWith('access-control-') || name === 'vary');

  it('a preflight from the site: 204 with the methods and headers the guide needs', async () => {
    const response = await preflight(server.url, SITE);
    expect(response.status).toBe(204);
    expect(Object.fromEntries([...response.headers].filter(([name]) => corsHeaders(response).includes(name)))).toEqual({
      'access-control-allow-origin': SITE,
      'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
      'access-control-allow-headers': 'Authorization, Content-Type, X-Idempotency-Key',
      'access-control-max-age': '600',
      'access-control-expose-headers': 'X-Request-Id',
      vary: 'Origin',
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it.each(['https://evil.example', 'https://site.example.evil.example', 'http://site.example', 'HTTPS://SITE.EXAMPLE', 'null'])(
    "a preflight from %s: no CORS headers (the catch-all's 405)",
    async (origin) => {
      const response = await preflight(server.url, origin);
      expect(response.status).toBe(405);
      expect(corsHeaders(response)).toEqual([]);
    },
  );

  it('simple requests: the site may read the answer (errors too); no one else may', async () => {
    const { id } = sandbox.createPayment();
    for (const path of [`/v1/payments/${id}`, '/v1/payments/999', '/v1/orders']) {
      const mine = await fetch(`${server.url}${path}`, { headers: { Origin: SITE, Authorization: 'Bearer TEST-x' } });
      expect(mine.headers.get('access-control-allow-origin')).toBe(SITE);
      expect(mine.headers.get('access-control-expose-headers')).toBe('X-Request-Id');
      expect(mine.headers.get('vary')).toBe('Origin');
      const theirs = await fetch(`${server.url}${path}`, { headers: { Origin: 'https://evil.example', Authorization: 'Bearer TEST-x' } });
      expect(corsHeaders(theirs)).toEqual([]);
      const none = await fetch(`${server.url}${path}`, { headers: { Authorization: 'Bearer TEST-x' } });
      expect(corsHeaders(none)).toEqual([]);
    }
  });

  it('a sandbox without a configured origin allows none, the site included', async () => {
    expect((await preflight(plain.url, SITE)).status).toBe(405);
    expect(corsHeaders(await preflight(plain.url, SITE))).toEqual([]);
    const simple = await fetch(`${plain.url}/v1/payments/1`, { headers: { Origin: SITE, Authorization: 'Bearer TEST-x' } });
    expect(corsHeaders(simple)).toEqual([]);
  });
});
