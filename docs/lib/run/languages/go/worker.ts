/**
 * The dedicated Worker that runs one Go js/wasm program, then is terminated by the runner: a
 * fresh Worker (so a fresh `Go` and fresh globals) per run. Protocol:
 *   page → worker  { module: WebAssembly.Module, argv: string[], env: Record<string,string> }
 *   worker → page  { type: 'stdout' | 'stderr', text } …, then { type: 'exit', code }
 *
 * Go's net/http calls `fetch` here, which sends each request through the page
 * (../../fetch-through-page.ts), so that the page's Service Worker answers it. The
 * Worker's global has no `process`: a Node-like `process` with argv0 "node…" (say, the Node tab's
 * shim on the page) would switch net/http to its fake in-memory network (roundtrip_js.go,
 * jsFetchDisabled). wasm_exec.js installs its own small `process` without argv0, which is fine.
 */
declare const Go: new () => {
  argv: string[];
  env: Record<string, string>;
  exit: (code: number) => void;
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
  _scheduledTimeouts: Map<number, ReturnType<typeof setTimeout>>;
};

import { routeFetchThroughPage } from '../../fetch-through-page.ts';

const useRun = routeFetchThroughPage();

// Go's own glue, served beside this script; it sets globalThis.Go and, as none exists yet,
// globalThis.fs. Imported, not importScripts: in Firefox (ESR 153) a synchronous importScripts
// under msw's Service Worker never returns, as the worker's fetch handler awaits
// clients.get() for the blocked Worker (resolveMainClient in mockServiceWorker.js).
const glue = import(/* @vite-ignore */ new URL('wasm_exec.js', self.location.href).href).then(
  () => undefined,
  (error: Error) => error,
);

// A leftover Go timer (e.g. http.Client's timeout) firing after exit throws this from
// wasm_exec.js's _resume. The program is over by then: don't let it reach the page.
self.addEventListener('error', (event) => {
  if (String(event.message).includes('Go program has already exited')) event.preventDefault();
});

self.onmessage = async (message: MessageEvent<{ module: WebAssembly.Module; argv: string[]; env: Record<string, string> }>) => {
  const { module, argv, env } = message.data;
  const failed = await glue;
  if (failed) {
    postMessage({ type: 'stderr', text: `Go's wasm_exec.js did not load: ${failed.message}\n` });
    postMessage({ type: 'exit', code: 1 });
    return;
  }
  // Before Go starts: net/http finds `fetch` when its package initialises.
  useRun(message.ports[0]!);
  // os.Stdout / os.Stderr go to fs.write → fs.writeSync(fd, bytes). Decode per fd, streaming,
  // so a UTF-8 sequence split between two writes survives; post every write (no line buffering).
  const decoders: Record<number, TextDecoder> = { 1: new TextDecoder(), 2: new TextDecoder() };
  const post = (fd: number, text: string) => {
    if (text) postMessage({ type: fd === 2 ? 'stderr' : 'stdout', text });
  };
  const fs = (globalThis as unknown as { fs: { writeSync(fd: number, buf: Uint8Array): number } }).fs;
  fs.writeSync = (fd, buf) => {
    post(fd, (decoders[fd] ?? decoders[1]!).decode(buf, { stream: true }));
    return buf.length;
  };

  const go = new Go();
  go.argv = argv;
  go.env = env;
  let code = 0;
  go.exit = (c) => {
    code = c;
  };
  try {
    const instance = await WebAssembly.instantiate(module, go.importObject);
    await go.run(instance); // resolves when main returns (exit 0) or os.Exit / a panic (exit 2) ends it
  } catch (error) {
    // A wasm trap or a JS error inside the glue: report it like a crashed process.
    post(2, `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    code = code || 1;
  }
  for (const t of go._scheduledTimeouts.values()) clearTimeout(t);
  post(1, decoders[1]!.decode());
  post(2, decoders[2]!.decode());
  postMessage({ type: 'exit', code });
};
