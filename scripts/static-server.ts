/**
 * A tiny static file server for dist/: what the browser tests and `npm start` use.
 * Serves /path/ as /path/index.html, redirects /path to /path/ when that is a folder,
 * answers 404 with dist/404.html, and compresses text (brotli or gzip) as a real host would.
 * It serves the folder under the site's base (SITE_BASE, docs/lib/site-address.ts), as GitHub
 * Pages serves a repository's site under /<repo>/: a build's links work only there.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { siteAddress } from '../docs/lib/site-address.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  // Run's runtimes and the programs they run (docs/lib/run/).
  '.wasm': 'application/wasm',
  '.sh': 'text/plain; charset=utf-8',
  '.go': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
};

// Not .wasm: brotli at quality 11 takes half a minute for one of Go's 11 MB binaries; a host compresses them ahead.
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.xml', '.sh', '.go', '.py']);

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compressed bodies, by file, encoding and modification time: each file is compressed once.
 * On zlib's thread pool, not the event loop: brotli at quality 11 takes seconds for Run's
 * largest bundles, and a synchronous call held every other request (a page's search script
 * among them) for that long while several browser tests shared one busy machine.
 */
const compressed = new Map<string, Promise<Buffer>>();

function encode(file: string, mtime: number, body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  const key = `${encoding}:${mtime}:${file}`;
  let out = compressed.get(key);
  if (!out) {
    out =
      encoding === 'br'
        ? brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipAsync(body, { level: 9 });
    compressed.set(key, out);
    out.catch(() => compressed.delete(key));
  }
  return out;
}

export interface StaticServer {
  /** The site's address, its base included, without the final slash: `${url}/cancel-reserve/` is a page. */
  url: string;
  /** `http://host:port`. */
  origin: string;
  /** The base the folder is served under, `/` or `/<path>/`. */
  base: string;
  /** A URL's path within the site, `/cancel-reserve/` for `<url>/cancel-reserve/`; undefined if it is not under the base here. */
  pathOf(address: string | URL): string | undefined;
  server: Server;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function serveStatic(
  root: string,
  { host = '127.0.0.1', port = 0, base: sitePath = siteAddress().base } = {},
): Promise<StaticServer> {
  const base = normalize(root + sep);
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (!`${url.pathname}/`.startsWith(sitePath)) {
        response
          .writeHead(404, { 'Content-Type': TYPES['.txt']! })
          .end(`Not found: this server serves the site under ${sitePath} (SITE_BASE), as it was built\n`);
        return;
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname.slice(sitePath.length - 1) || '/');
      } catch {
        pathname = '/';
      }
      const target = normalize(join(base, pathname));
      if (!target.startsWith(base) && target + sep !== base) {
        response.writeHead(403).end();
        return;
      }
      let file = target;
      if (url.pathname.endsWith('/')) file = join(target, 'index.html');
      else if (await isDir(target)) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      let status = 200;
      if (!(await isFile(file))) {
        status = 404;
        file = join(base, '404.html');
        if (!(await isFile(file))) {
          response.writeHead(404, { 'Content-Type': TYPES['.txt']! }).end('Not found');
          return;
        }
      }
      const info = await stat(file);
      let body: Buffer = await readFile(file);
      const headers: Record<string, string> = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': file.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      if (COMPRESSIBLE.has(extname(file))) {
        headers.Vary = 'Accept-Encoding';
        const accepted = String(request.headers['accept-encoding'] ?? '');
        const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
        if (encoding) {
          body = await encode(file, info.mtimeMs, body, encoding);
          headers['Content-Encoding'] = encoding;
        }
      }
      headers['Content-Length'] = String(body.length);
      response.writeHead(status, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${shownHost}:${address.port}`;
  return {
    url: `${origin}${sitePath.slice(0, -1)}`,
    origin,
    base: sitePath,
    pathOf(address) {
      const parsed = new URL(address, origin);
      if (parsed.origin !== origin || !`${parsed.pathname}/`.startsWith(sitePath)) return undefined;
      return parsed.pathname.slice(sitePath.length - 1) || '/';
    },
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
