/**
 * The module Worker that runs PHP: php-wasm's PHP 8.3 CLI, its .wasm compiled once, and a fresh
 * PHP for each run (its CLI cannot run twice), laid out as the verifier runs the tab:
 *
 *     php -d include_path=<the double> -d curl.cainfo=<CA> <operation>.php
 *
 * with the tab's `require 'vendor/autoload.php'` found through include_path. The double sends
 * its requests with ext-curl; php-wasm hands curl's sockets to its "TCP over fetch" bridge,
 * which ends curl's TLS in JS with a certificate it mints from our CA, reads the HTTP request
 * and sends it with the global `fetch`, at call time: routed below, before php-wasm is even
 * evaluated, so each API request goes through the page (../../fetch-through-page.ts).
 *
 * In:  {type: 'load'}, then {type: 'run', source, env, filename} with the run's port
 * Out: {type: 'loaded'} | {type: 'out', stream, text} | {type: 'exit', exitCode} | {type: 'error', message}
 */
import { routeFetchThroughPage } from '../../fetch-through-page.ts';
import { DOUBLE_FILE, PHP_WASM_FILE, WASM_FILE } from './files.ts';

const useRun = routeFetchThroughPage();

/** Where the run's files are in PHP's virtual filesystem. */
const SDK_DIR = '/mercadopago-sdk';
const APP_DIR = '/app';
const CA_FILE = '/internal/run/ca.pem';

// What we use of php-wasm, typed here: its .d.ts files import './lib' without an extension,
// which this project's NodeNext resolution does not follow.
interface Php {
  mkdirTree(path: string): void;
  writeFile(path: string, data: string): void;
  chdir(path: string): void;
  cli(
    argv: string[],
    options?: { env?: Record<string, string> },
  ): Promise<{
    stdout: ReadableStream<Uint8Array>;
    stderr: ReadableStream<Uint8Array>;
    exitCode: Promise<number>;
  }>;
}
interface Certificate {
  certificate: Uint8Array;
}
interface PhpWasm {
  PHP: new (runtime: number) => Php;
  loadWebRuntime(
    version: '8.3',
    options: {
      tcpOverFetch: { CAroot: Certificate };
      emscriptenOptions: {
        instantiateWasm(
          imports: WebAssembly.Imports,
          receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
        ): object;
      };
    },
  ): Promise<number>;
  generateCertificate(description: { subject: Record<string, string>; basicConstraints: { ca: boolean } }): Promise<Certificate>;
  certificateToPEM(certificate: Uint8Array): string;
}

interface Loaded {
  fresh(): Promise<Php>;
}

let loaded: Loaded | undefined;
/** The PHP the next run uses, made while the reader reads the last run's output. */
let next: Promise<Php> | undefined;
const post = (message: unknown) => postMessage(message);

async function load(): Promise<Loaded> {
  // Only the JSPI build is served (./prepare.ts): without JSPI php-wasm would pick the other.
  if (!('Suspending' in WebAssembly)) throw new Error('PHP needs WebAssembly JSPI, which this browser does not have');
  // Imported only now: their modules run after fetch is routed.
  const base = new URL('./', self.location.href);
  // By URL: php-wasm's own file, GPL-licensed, beside this one (./php-wasm.js).
  const { PHP, loadWebRuntime, generateCertificate, certificateToPEM } = (await import(
    /* @vite-ignore */ new URL(PHP_WASM_FILE, base).href
  )) as PhpWasm;
  const [module, double, CAroot] = await Promise.all([
    WebAssembly.compileStreaming(fetch(new URL(WASM_FILE, base))),
    fetch(new URL(DOUBLE_FILE, base)).then((r) => r.json() as Promise<Record<string, string>>),
    // A CA of this Worker's own, which only the PHP runs made here trust.
    generateCertificate({
      subject: { commonName: 'Run in the browser (php-wasm)', organizationName: 'Run' },
      basicConstraints: { ca: true },
    }),
  ]);
  const pem = certificateToPEM(CAroot.certificate);
  const fresh = async () => {
    const runtime = await loadWebRuntime('8.3', {
      tcpOverFetch: { CAroot },
      emscriptenOptions: {
        // The module compiled above, instantiated again: no second fetch or compile per run.
        instantiateWasm(imports, receive) {
          WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module));
          return {};
        },
      },
    });
    const php = new PHP(runtime);
    for (const [path, text] of Object.entries(double)) {
      php.mkdirTree(`${SDK_DIR}/${path.slice(0, path.lastIndexOf('/'))}`);
      php.writeFile(`${SDK_DIR}/${path}`, text);
    }
    php.mkdirTree(CA_FILE.slice(0, CA_FILE.lastIndexOf('/')));
    php.writeFile(CA_FILE, pem);
    php.mkdirTree(APP_DIR);
    return php;
  };
  return { fresh };
}

async function run(source: string, env: Record<string, string>, filename: string): Promise<number> {
  const php = await (next ?? loaded!.fresh());
  next = undefined;
  php.writeFile(`${APP_DIR}/${filename}`, source);
  // As the verifier does: from the program's folder, by its name (cli's own `cwd` is not applied to php itself).
  php.chdir(APP_DIR);
  const response = await php.cli(
    [
      'php',
      '-d',
      `include_path=${SDK_DIR}`,
      // php-wasm's OpenSSL reads the CA from openssl.cafile, curl from curl.cainfo: both, to one file.
      '-d',
      `curl.cainfo=${CA_FILE}`,
      '-d',
      `openssl.cafile=${CA_FILE}`,
      filename,
    ],
    { env },
  );
  const pipe = async (stream: ReadableStream<Uint8Array>, name: 'stdout' | 'stderr') => {
    const decoder = new TextDecoder();
    const reader = stream.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      const text = decoder.decode(chunk.value, { stream: true });
      if (text) post({ type: 'out', stream: name, text });
    }
  };
  const [exitCode] = await Promise.all([response.exitCode, pipe(response.stdout, 'stdout'), pipe(response.stderr, 'stderr')]);
  next = loaded!.fresh();
  next.catch(() => {
    next = undefined;
  });
  return exitCode;
}

addEventListener('message', async (event: MessageEvent) => {
  const message = event.data as { type: 'load' } | { type: 'run'; source: string; env: Record<string, string>; filename: string };
  try {
    if (message.type === 'load') {
      loaded = await load();
      next = loaded.fresh();
      await next;
      post({ type: 'loaded' });
    } else {
      useRun(event.ports[0]!);
      post({ type: 'exit', exitCode: await run(message.source, message.env, message.filename) });
    }
  } catch (error) {
    post({ type: 'error', message: String((error as Error)?.stack ?? error) });
  }
});
