/**
 * The curl tab's runner: the script in just-bash in a module Worker (./worker.ts), kept between
 * runs (each run gets a fresh shell and filesystem); a stopped run ends the Worker, and the next
 * run starts another.
 */
import { abortError, type BrowserRunner, preload, type RunnerContext, requestChannel } from '../../browser-runner.ts';

export function createRunner(context: RunnerContext): BrowserRunner {
  let started: Promise<Worker> | undefined;
  const worker = () =>
    (started ??= new Promise((resolve, reject) => {
      const w = new Worker(new URL('curl/worker.mjs', context.baseUrl), { type: 'module' });
      w.onmessage = (event: MessageEvent) => (event.data?.ready ? resolve(w) : undefined);
      w.onerror = (event) => {
        started = undefined;
        reject(new Error(`the curl runtime did not start: ${event.message}`));
      };
    }));
  return {
    async load(operation, onProgress, signal) {
      await preload(context, 'curl', operation, onProgress, signal);
      await worker();
    },
    async run({ source, env }, io, signal) {
      if (signal.aborted) throw abortError();
      const shell = await worker();
      const channel = requestChannel(context);
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          channel.close();
          shell.terminate();
          started = undefined;
          reject(abortError());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        shell.onmessage = (event: MessageEvent) => {
          const result = event.data as { stdout: string; stderr: string; exitCode: number };
          signal.removeEventListener('abort', onAbort);
          channel.close();
          // just-bash hands its output over when the script ends: it does not stream.
          if (result.stdout) io.stdout(result.stdout);
          if (result.stderr) io.stderr(result.stderr);
          resolve({ exitCode: result.exitCode });
        };
        shell.postMessage({ source, env }, [channel.port]);
      });
    },
  };
}
