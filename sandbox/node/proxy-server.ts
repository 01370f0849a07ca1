import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { RequestHandler } from 'msw';
import { createSandboxServer } from './http-server.ts';
import { API_HOST } from './local-ca.ts';
import { isSocksGreeting, socksHandshake } from './socks5.ts';

export interface ProxyOptions {
  host?: string;
  port?: number;
  /** The key and certificate for `api.mercadopago.com` (PEM), signed by a CA the client trusts. */
  tls: { key: string | Buffer; cert: string | Buffer };
  /**
   * How long a connection may take to send its first bytes, its CONNECT request, or, once the
   * tunnel is open, its TLS handshake, before it is closed. 10 s unless set.
   */
  timeoutMs?: number;
  /**
   * Play the API down behind the proxy: a tunnel to it is opened and closed at once, before any TLS.
   * The verifier's run with the API unreachable uses this.
   */
  apiDown?: boolean;
  /** Told what the proxy refused and why; nothing by default. */
  log?: (message: string) => void;
}

export interface RunningProxy {
  server: Server;
  /** `http://127.0.0.1:3001`: what HTTPS_PROXY is set to. */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** What a refusal says: a reader who pointed something else at this proxy learns what it is for. */
export const REFUSAL =
  `This is the Mercado Pago Payments API sandbox, serving as a proxy for ${API_HOST} only: ` +
  `it answers CONNECT ${API_HOST}:443 itself, with the sandbox, and forwards nothing anywhere. ` +
  `Send only your Mercado Pago API calls through it (HTTPS_PROXY for this one program), not other traffic.`;

/**
 * The sandbox as an HTTP proxy for the real host name: `CONNECT api.mercadopago.com:443` opens a
 * tunnel that ends here, in a TLS server with a certificate for that name, behind which the same
 * msw handlers answer as `npm run sandbox` does (createSandboxServer). Nothing is ever forwarded:
 * any other CONNECT target, and any plain proxied request, is a 403 that says what this proxy is for.
 *
 * One port speaks two proxy protocols, told apart by the first byte: HTTP (CONNECT), which
 * every runtime's proxy variables name, and SOCKS5, which is the one proxy the JVM can be given
 * by flags alone (`-DsocksProxyHost`: sdk-java's Apache HttpClient ignores `https.proxyHost`).
 */
export function listenProxy(handlers: RequestHandler[], options: ProxyOptions): Promise<RunningProxy> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const log = options.log ?? (() => {});
  const sockets = new Set<Socket>();

  const api = createSandboxServer(handlers, {
    ...options.tls,
    handshakeTimeout: timeoutMs,
    // A SOCKS client names an address, not a host; the TLS handshake names the host, and only the API's is served.
    SNICallback: (name, done) =>
      name.toLowerCase() === API_HOST ? done(null) : done(new Error(`this proxy serves only ${API_HOST}, not ${name}`)),
  });
  // A handshake that never comes, or fails: close the tunnel, quietly (it is the client's mistake, not ours).
  api.on('tlsClientError', (_error: Error, tls: Socket) => tls.destroy());
  const openTunnel = (socket: Socket, early: Buffer) => {
    // The client was told "established"; refusing instead would not do: Mono's HttpClient takes a
    // CONNECT's 502 for the API's own answer, and a SOCKS refusal makes Apache HttpClient retry, logging each time.
    if (options.apiDown) return void socket.destroy();
    if (early.length > 0) socket.unshift(early);
    api.emit('connection', socket);
  };

  const front = createHttpServer();
  front.on('request', (req: IncomingMessage, res: ServerResponse) => {
    log(`proxy refused ${req.method} ${req.url}: not a CONNECT to ${API_HOST}:443`);
    refuse(res, 403, REFUSAL);
  });
  front.on('connect', (req: IncomingMessage, socket: Socket, early: Buffer) => {
    const target = /^(\[[^\]]*\]|[^:\s[\]]+):(\d{1,5})$/.exec(req.url ?? '');
    if (!target) return endRaw(socket, 400, `Malformed CONNECT: it names "${req.url}", where a host:port is expected. ${REFUSAL}`);
    if (target[1]!.toLowerCase() !== API_HOST || target[2] !== '443') {
      log(`proxy refused CONNECT ${req.url}: it serves only ${API_HOST}:443`);
      return endRaw(socket, 403, REFUSAL);
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    // From here the TLS server's handshake timeout, then the sandbox server's keep-alive, watch it.
    socket.setTimeout(0);
    openTunnel(socket, early);
  });
  front.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || !socket.writable) return void socket.destroy();
    endRaw(socket, 400, `Malformed proxy request. ${REFUSAL}`);
  });

  const gate = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A client that hangs up or resets mid-request: nothing to answer, nothing to keep.
    socket.on('error', () => socket.destroy());
    // Until a tunnel opens: Node's own headersTimeout is checked only every 30 s, and a SOCKS handshake keeps its own time.
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.pause();
      if (isSocksGreeting(first)) {
        socket.setTimeout(0);
        socksHandshake(socket, first, timeoutMs)
          .then((outcome) => {
            if (outcome.ok) return openTunnel(socket, outcome.early);
            log(`proxy refused SOCKS ${outcome.target}: ${outcome.why}`);
          })
          .catch(() => socket.destroy());
        return;
      }
      socket.unshift(first);
      front.emit('connection', socket);
      socket.resume();
    });
  });

  return new Promise((resolve, reject) => {
    gate.once('error', reject);
    gate.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      gate.off('error', reject);
      const { address, port } = gate.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      resolve({
        server: gate,
        url: `http://${host}:${port}`,
        host: address,
        port,
        close: () =>
          new Promise<void>((done) => {
            gate.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}

/** A refusal on an HTTP response the front server made. */
function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
  res.end(`${message}\n`);
}

/** A refusal on a socket the HTTP parser handed over (CONNECT, a parse error): written by hand, then closed. */
function endRaw(socket: Socket, status: 400 | 403, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${status === 403 ? 'Forbidden' : 'Bad Request'}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
