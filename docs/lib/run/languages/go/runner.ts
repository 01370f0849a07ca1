/**
 * The Go tab's runner. Go is compiled ahead of time (./prepare.ts): each operation has its
 * binary, built from the tab's file. The runner fetches and compiles that binary once, and runs
 * it in a fresh dedicated Worker (./worker.ts) with a fresh `Go` each time. Only the published
 * file runs: a program that is not byte for byte the tab's file is refused, as nothing in the
 * page can compile Go.
 */
import { abortError, type BrowserRunner, preload, type RunnerContext, requestChannel } from '../../browser-runner.ts';

export function createRunner(context: RunnerContext): BrowserRunner {
  const modules = new Map<string, Promise<WebAssembly.Module>>();
  const published = new Map<string, Promise<string>>();

  /** The tab's own file, as the site serves it. */
  const publishedSource = (operation: string) => {
    let text = published.get(operation);
    if (!text) {
      const path = context.manifest.languages.go?.programs[operation];
      text = fetch(new URL(path ?? 'missing', context.baseUrl)).then((r) => r.text());
      published.set(operation, text);
    }
    return text;
  };

  const compiled = (operation: string, signal: AbortSignal) => {
    let module = modules.get(operation);
    if (!module) {
      const binary = context.manifest.languages.go?.binaries?.[operation];
      module = WebAssembly.compileStreaming(fetch(new URL(binary?.path ?? 'missing.wasm', context.baseUrl), { signal }));
      modules.set(operation, module);
      module.catch(() => modules.delete(operation));
    }
    return module;
  };

  return {
    load: (operation, onProgress, signal) => preload(context, 'go', operation, onProgress, signal),
    async run({ operation, source, env }, io, signal) {
      if (signal.aborted) throw abortError();
      if (source !== (await publishedSource(operation))) {
        io.stderr('This Go program differs from the tab: only the published file runs here, as nothing in the page can compile Go.\n');
        return { exitCode: 2 };
      }
      const module = await compiled(operation, signal);
      const worker = new Worker(new URL('go/worker.js', context.baseUrl));
      const channel = requestChannel(context);
      return new Promise((resolve, reject) => {
        const finish = () => {
          worker.terminate(); // also drops any timer Go left behind
          channel.close();
          signal.removeEventListener('abort', onAbort);
        };
        const onAbort = () => {
          finish();
          reject(abortError());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        worker.onmessage = ({ data }) => {
          if (data.type === 'stdout') io.stdout(data.text);
          else if (data.type === 'stderr') io.stderr(data.text);
          else if (data.type === 'exit') {
            finish();
            resolve({ exitCode: data.code });
          }
        };
        worker.onerror = (event) => {
          finish();
          reject(new Error(`the Go runtime failed: ${event.message}`));
        };
        worker.postMessage({ module, argv: [operation], env: { ...env } }, [channel.port]);
      });
    },
  };
}
