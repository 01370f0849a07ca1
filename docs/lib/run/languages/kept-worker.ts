/**
 * A runner whose runtime lives in one module Worker (`run/<id>/worker.mjs`), started once (its
 * files fetched first, for the progress bar) and kept for the runs that follow; a stopped run
 * ends it, and the next run starts another. Python and PHP run so: their runtimes take seconds
 * to start, and their Workers make each run's interpreter fresh themselves.
 *
 * The Worker's protocol: in {type: 'load'}, then {type: 'run', source, env, filename} with the
 * run's port; out {type: 'loaded'} | {type: 'out', stream, text} | {type: 'exit', exitCode} |
 * {type: 'error', message}.
 */
import { abortError, type BrowserRunner, preload, type RunnerContext, requestChannel } from '../browser-runner.ts';

type Out =
  | { type: 'loaded' }
  | { type: 'out'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'exit'; exitCode: number }
  | { type: 'error'; message: string };

export function keptWorkerRunner(context: RunnerContext, language: string, name: string): BrowserRunner {
  let started: Promise<Worker> | undefined;
  const start = () => {
    started ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(new URL(`${language}/worker.mjs`, context.baseUrl), { type: 'module' });
      worker.onmessage = ({ data }: MessageEvent<Out>) => {
        if (data.type === 'loaded') resolve(worker);
        else if (data.type === 'error') reject(new Error(data.message));
      };
      worker.onerror = (event) => reject(new Error(`${name} did not start: ${event.message}`));
      worker.postMessage({ type: 'load' });
    });
    started.catch(() => {
      started = undefined;
    });
    return started;
  };
  return {
    async load(operation, onProgress, signal) {
      await preload(context, language, operation, onProgress, signal);
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
        const filename = context.manifest.languages[language]?.programs[operation]?.split('/').pop() ?? 'program';
        worker.postMessage({ type: 'run', source, env, filename }, [channel.port]);
      });
    },
  };
}
