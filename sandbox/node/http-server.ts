import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions as HttpsOptions } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import { API_ORIGIN, MAX_BODY_BYTES } from '../core/handlers.ts';

export interface ListenOptions {
  host?: string;
  port?: number;
  /** A Unix socket path instead of host and port. */
  path?: string;
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export interface RunningServer {
  server: Server;
  /** `http://127.0.0.1:3001`, or the socket path. */
  url: string;
  close(): Promise<void>;
}

/**
 * A thin `node:http` adapter over msw's request handling: each request becomes a
 * Fetch `Request` addressed to the API's own origin and goes through the same
 * handlers the in-process adapter uses. No routing or rules live here.
 */
export function createListener(handlers: RequestHandler[]) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    void handle(handlers, req, res).catch((error: unknown) => {
      // The connection is gone: the client left mid-request, or its bytes broke the parser
      // mid-body and `onClientError` has answered. Nobody to answer, nothing unexpected.
      if (req.socket.destroyed) return;
      // Never a crash: a request that broke the adapter gets a 500 in the API's envelope.
      console.error('sandbox: unexpected error', error);
      if (res.headersSent) return void res.destroy();
      reply(res, 500, 'Internal server error', 'internal_server_error');
    });
  };
}

async function handle(handlers: RequestHandler[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { body, truncated } = await readBody(req, MAX_BODY_BYTES + 1);
  const method = req.method ?? 'GET';
  // Fetch would join two of these into one value: a token or key that matches neither.
  const repeated = repeatedHeader(req.rawHeaders);
  if (repeated) return reply(res, 400, `Malformed request: the ${repeated} header is sent more than once`, 'bad_request');
  let request: Request;
  try {
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    // Whatever host or absolute URL the request names, it is answered here: nothing is forwarded.
    const path = (req.url ?? '/').startsWith('/') ? req.url! : new URL(req.url ?? '/', API_ORIGIN).pathname;
    request = new Request(API_ORIGIN + path, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : (body as Uint8Array<ArrayBuffer>),
    });
  } catch {
    // Headers or a method that Node accepted but Fetch refuses (e.g. CONNECT, odd header bytes).
    return reply(res, 400, 'Malformed request: its method, path or headers cannot be read', 'bad_request');
  }
  const response = await getResponse(handlers, request);
  if (!response) throw new Error(`no handler answered ${method} ${req.url}`);
  // msw's network error: close the connection without an answer.
  if (response.type === 'error') return void req.socket.destroy();
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  // A body cut short cannot be drained: close the connection once the error is sent.
  if (truncated) out.connection = 'close';
  res.writeHead(response.status, out);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Headers that must come once: with two tokens or two idempotency keys, which one is meant is ambiguous. */
const SINGLE_HEADERS = new Set(['authorization', 'x-idempotency-key']);

function repeatedHeader(rawHeaders: string[]): string | undefined {
  const seen = new Set<string>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if (!SINGLE_HEADERS.has(name)) continue;
    if (seen.has(name)) return rawHeaders[i];
    seen.add(name);
  }
  return undefined;
}

/** An error the adapter answers itself, in the API's envelope, when no handler can run. */
function reply(res: ServerResponse, status: number, message: string, error: string): void {
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'X-Request-Id': randomUUID(),
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  res.end(JSON.stringify({ message, error, status, cause: [] }));
}

/** Requests Node's HTTP parser refuses (bad bytes, headers over 16 KB) still get the envelope. */
function onClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const message = status === 431 ? 'Request headers are too large (16 KB at most)' : 'Malformed HTTP request';
  const body = JSON.stringify({ message, error: status === 431 ? 'request_header_fields_too_large' : 'bad_request', status, cause: [] });
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/json;charset=UTF-8\r\nX-Request-Id: ${randomUUID()}\r\nX-Content-Type-Options: nosniff\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Reads at most `limit` bytes; the handlers refuse anything over the API's limit. */
function readBody(req: IncomingMessage, limit: number): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size >= limit) {
        req.off('data', onData);
        req.pause();
        resolve({ body: Buffer.concat(chunks).subarray(0, limit), truncated: true });
      }
    };
    req.on('data', onData);
    req.on('end', () => resolve({ body: Buffer.concat(chunks), truncated: false }));
    req.on('error', reject);
  });
}

/**
 * The handlers' HTTP (or, with a key and certificate, HTTPS) server, not yet listening: `listen`
 * starts it; the proxy (proxy-server.ts) hands it the connections it has opened a tunnel for.
 */
export function createSandboxServer(handlers: RequestHandler[], tls?: HttpsOptions): Server {
  const listener = createListener(handlers);
  const server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  server.keepAliveTimeout = 5_000;
  server.on('clientError', onClientError);
  return server;
}

/** Serves the handlers over HTTP, or HTTPS when given a key and certificate. */
export function listen(handlers: RequestHandler[], options: ListenOptions = {}): Promise<RunningServer> {
  const server = createSandboxServer(handlers, options.tls);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const ready = () => {
      server.off('error', reject);
      const address = server.address();
      const scheme = options.tls ? 'https' : 'http';
      const url =
        typeof address === 'string' || address === null
          ? String(options.path)
          : `${scheme}://${formatHost((address as AddressInfo).address)}:${(address as AddressInfo).port}`;
      resolve({
        server,
        url,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    };
    if (options.path) server.listen(options.path, ready);
    else server.listen(options.port ?? 0, options.host ?? '127.0.0.1', ready);
  });
}

function formatHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
