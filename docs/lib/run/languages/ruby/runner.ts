/**
 * The Ruby tab's runner. The page compiles ruby.wasm once, and keeps it with the double's Ruby
 * files; each run gets a fresh module Worker (./worker.ts), so a fresh Ruby VM, as `ruby` is a
 * fresh process each time: nothing one program defines is left for the next. The Worker is
 * terminated when the program exits or the run is stopped.
 */
import { abortError, type BrowserRunner, preload, type RunnerContext, requestChannel } from '../../browser-runner.ts';

type Out =
  | { type: 'out'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'exit'; exitCode: number }
  | { type: 'error'; message: string };

interface Runtime {
  module: WebAssembly.Module;
  /** The Ruby files the Worker mounts, by their path under `run/ruby/`. */
  files: [string, Uint8Array][];
}

export function createRunner(context: RunnerContext): BrowserRunner {
  let runtime: Promise<Runtime> | undefined;
  let loaded = false;
  // From the HTTP cache, after the preload: the compiled module and the Ruby files, kept for every run.
  const ready = (signal: AbortSignal) => {
    runtime ??= (async () => {
      const files = context.manifest.languages.ruby?.files ?? [];
      const wasm = files.find((file) => file.path.endsWith('.wasm'));
      if (!wasm) throw new Error('the site’s run/manifest.json lists no ruby.wasm: rebuild the site');
      const site = (path: string) => new URL(path, context.baseUrl);
      const [module, sources] = await Promise.all([
        WebAssembly.compileStreaming(fetch(site(wasm.path), { signal })),
        Promise.all(
          files
            .filter((file) => file.path.endsWith('.rb'))
            .map(async (file): Promise<[string, Uint8Array]> => {
              const response = await fetch(site(file.path), { signal });
              if (!response.ok) throw new Error(`${file.path}: the site answered ${response.status}`);
              return [file.path.replace(/^ruby\//, ''), new Uint8Array(await response.arrayBuffer())];
            }),
        ),
      ]);
      return { module, files: sources };
    })();
    runtime.catch(() => {
      runtime = undefined;
    });
    return runtime;
  };

  return {
    async load(operation, onProgress, signal) {
      // Once: the next runs start from the compiled module, without reading 30 MB from the cache again.
      if (loaded) return;
      await preload(context, 'ruby', operation, onProgress, signal);
      await ready(signal);
      loaded = true;
    },
    async run({ operation, source, env }, io, signal) {
      if (signal.aborted) throw abortError();
      const { module, files } = await ready(signal);
      const worker = new Worker(new URL('ruby/worker.mjs', context.baseUrl), { type: 'module' });
      const channel = requestChannel(context);
      return new Promise((resolve, reject) => {
        const finish = () => {
          worker.terminate();
          channel.close();
          signal.removeEventListener('abort', onAbort);
        };
        const onAbort = () => {
          finish();
          reject(abortError());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        worker.onmessage = ({ data }: MessageEvent<Out>) => {
          if (data.type === 'out') (data.stream === 'stderr' ? io.stderr : io.stdout)(data.text);
          else if (data.type === 'exit') {
            finish();
            resolve({ exitCode: data.exitCode });
          } else {
            finish();
            reject(new Error(data.message));
          }
        };
        worker.onerror = (event) => {
          finish();
          reject(new Error(`the Ruby runtime failed (${event.message}); each run starts a fresh one, so run it again`));
        };
        const filename = context.manifest.languages.ruby?.programs[operation]?.split('/').pop() ?? 'program.rb';
        worker.postMessage({ module, files, source, filename, env: { ...env } }, [channel.port]);
      });
    },
  };
}
