/**
 * What every language's runner in the reader's browser does (languages/<id>/runner.ts): fetch its
 * runtime once, then run one program's source with its environment, streaming what it prints.
 * The page's Run console (./console.ts) knows only this.
 */
import type { RunManifest } from './manifest.ts';
import { answerFromPage, type PageFetchOptions } from './page-fetch.ts';

export interface RunIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface RunProgram {
  /** The operation's folder, e.g. `cancel-reserve`: a compiled language picks its build by it. */
  operation: string;
  /** The program's text: the tab's file, or the reader's edit of it. */
  source: string;
  /** The program's environment (MERCADOPAGO_ACCESS_TOKEN, PAYMENT_ID…). */
  env: Record<string, string>;
}

export interface BrowserRunner {
  /** Fetches and starts the runtime for this operation's program, once; `onProgress` hears the bytes as they arrive. */
  load(operation: string, onProgress: (loaded: number, total: number) => void, signal: AbortSignal): Promise<void>;
  /** Runs the program; resolves with its exit status. Aborting stops it at once. */
  run(program: RunProgram, io: RunIo, signal: AbortSignal): Promise<{ exitCode: number }>;
}

/** What a runner is made with: where the site serves the runtimes (`<base>run/`), and their manifest. */
export interface RunnerContext {
  baseUrl: URL;
  manifest: RunManifest;
  /** How the page sends a program's requests for it (./page-fetch.ts). */
  pageFetch: PageFetchOptions;
}

/**
 * A channel for one run: the runtime gets `port` (transfer it), the page answers the
 * requests that come through it; `close()` when the run is over.
 */
export function requestChannel(context: RunnerContext): { port: MessagePort; close(): void } {
  const channel = new MessageChannel();
  answerFromPage(channel.port1, context.pageFetch);
  return {
    port: channel.port2,
    close: () => channel.port1.close(),
  };
}

export const abortError = () => new DOMException('The run was stopped', 'AbortError');

/**
 * Fetches each of a language's files once, so the runtime then starts from the HTTP cache,
 * reporting the bytes as they arrive (decoded bytes, to match the manifest's sizes).
 */
export async function preload(
  context: RunnerContext,
  language: string,
  operation: string,
  onProgress: (loaded: number, total: number) => void,
  signal: AbortSignal,
): Promise<void> {
  const runtime = context.manifest.languages[language];
  const binary = runtime?.binaries?.[operation];
  const files = [...(runtime?.files ?? []), ...(binary ? [binary] : [])];
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  let loaded = 0;
  onProgress(0, total);
  for (const file of files) {
    const response = await fetch(new URL(file.path, context.baseUrl), { signal });
    if (!response.ok || !response.body) throw new Error(`${file.path}: the site answered ${response.status}`);
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      loaded += chunk.value.byteLength;
      onProgress(loaded, total);
    }
  }
}
