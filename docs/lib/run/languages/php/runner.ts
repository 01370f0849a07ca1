/**
 * The PHP tab's runner: one module Worker (./worker.ts) holding php-wasm and the SDK double,
 * started once (its files fetched first, for the progress bar) and kept for the runs that
 * follow; a stopped run ends it, and the next run starts another.
 */
import { abortError, type BrowserRunner, preload, type RunnerContext, requestChannel } from '../../browser-runner.ts';

type Out =
  | { type: 'loaded' }
  | { type: 'out'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'exit'; exitCode: number }
  | { type: 'error'; message: string };

export function createRunner(context: RunnerContext): BrowserRunner {
  let started: Promise<Worker> | undefined;
  const start = () => {
    started ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(new URL('php/worker.mjs', context.baseUrl), { type: 'module' });
      worker.onmessage = ({ data }: MessageEvent<Out>) => {
        if (data.type === 'loaded') resolve(worker);
        else if (data.type === 'error') reject(new Error(data.message));
      };
      worker.onerror = (event) => reject(new Error(`PHP did not start: ${event.message}`));
      worker.postMessage({ type: 'load' });
    });
    started.catch(() => {
      started = undefined;
    });
    return started;
  };
  return {
    async load(operation, onProgress, signal) {
      await preload(context, 'php', operation, onProgress, signal);
      await start();
    },
    async run({ operation, source, env }, io, signal) {
      if (signal.aborted) throw abortError();
      const worker = await start();
      const channel = requestChannel(context);
      return new Promise((resolve, reject) => {
        const finish = () => {
          channel.close();
          signal.removeEventListener('abort', onAbort);
        };
        const onAbort = () => {
          finish();
          worker.terminate();
          started = undefined;
          reject(abortError());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        worker.onmessage = ({ data }: MessageEvent<Out>) => {
          if (data.type === 'out') (data.stream === 'stderr' ? io.stderr : io.stdout)(data.text);
          else if (data.type === 'exit') {
            finish();
            resolve({ exitCode: data.exitCode });
          } else if (data.type === 'error') {
            finish();
            reject(new Error(data.message));
          }
        };
        const filename = context.manifest.languages.php?.programs[operation]?.split('/').pop() ?? 'program.php';
        worker.postMessage({ type: 'run', source, env, filename }, [channel.port]);
      });
    },
  };
}
