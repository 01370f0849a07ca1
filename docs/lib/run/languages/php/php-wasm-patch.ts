/**
 * Build-time fixes to php-wasm 3.1.55 so that a request that gets no answer ends as curl's error,
 * as in CI (an esbuild plugin, used by ./prepare.ts). Without them the PHP tab prints an API
 * error 400, or hangs, where CI's program prints "Could not reach Mercado Pago: <curl's error>".
 *
 * 1. @php-wasm/web's TCP-over-fetch bridge, when its `fetch` rejects (no network, or the page
 *    refusing to send), writes `HTTP/1.1 400 Bad Request` to curl's socket before ending it:
 *    curl sees an answer. Ours ends the response with nothing in it, so curl reports
 *    "Empty reply from server".
 * 2. The SDK retries on the same cURL handle, and curl then shuts the dead connection's TLS
 *    down. Writing to a socket whose peer has closed fails with ENOTCONN in php-wasm's
 *    Emscripten runtime, which OpenSSL takes for "not connected yet, retry", and php-wasm's
 *    poll reports a closed socket writable: curl spun for ever (seen in about half the runs).
 *    Ours fails that write with EPIPE, as a closed TCP socket does, and OpenSSL gives up.
 *
 * The build fails if the text is not the one these were written against.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';

/** 1: the bridge's answer to a failed fetch, in @php-wasm/web/index.js. */
const NO_400 = {
  file: /@php-wasm[\\/]web[\\/]index\.js$/,
  needle:
    'n.enqueue(\n            new TextEncoder().encode(\n              `HTTP/1.1 400 Bad Request\\r\nContent-Length: 0\\r\n\\r\n`\n            )\n          ), n.error(o);',
  replacement: 'n.close();',
};

/** 2: a send to a closed socket, in PHP 8.3's JSPI loader (Emscripten's errno 53 is ENOTCONN, 64 EPIPE). */
const SEND_TO_CLOSED = {
  file: /@php-wasm[\\/]web-8-3[\\/]jspi[\\/]php_8_3\.js$/,
  needle: 'dest.socket.readyState === dest.socket.CLOSED\n\t\t\t\t\t) {\n\t\t\t\t\t\tthrow new FS.ErrnoError(53);',
  replacement: 'dest.socket.readyState === dest.socket.CLOSED\n\t\t\t\t\t) {\n\t\t\t\t\t\tthrow new FS.ErrnoError(64);',
};

export const phpWasmNoAnswer: Plugin = {
  name: 'php-wasm-no-answer',
  setup(build) {
    for (const { file, needle, replacement } of [NO_400, SEND_TO_CLOSED])
      build.onLoad({ filter: file }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const count = text.split(needle).length - 1;
        if (count !== 1) throw new Error(`php-wasm patch: expected 1 match in ${args.path}, found ${count} (another version?)`);
        return { contents: text.replace(needle, replacement), loader: 'js' };
      });
  },
};
