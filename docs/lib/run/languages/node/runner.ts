/**
 * The Node tab's runner: a fresh hidden same-origin frame per run (frame.html, ./frame.ts), its
 * import map sending 'mercadopago' to the SDK bundled for the browser. The SDK's requests go
 * through the page (../../fetch-through-page.ts) to the page's sandbox. Removing the frame
 * ends whatever the program left running.
 */
import { abortError, type BrowserRunner, preload, type RunnerContext, requestChannel } from '../../browser-runner.ts';

export function createRunner(context: RunnerContext): BrowserRunner {
  return {
    load: (operation, onProgress, signal) => preload(context, 'node', operation, onProgress, signal),
    run: ({ source, env }, io, signal) =>
      new Promise((resolve, reject) => {
        if (signal.aborted) return reject(abortError());
        const frame = document.createElement('iframe');
        frame.hidden = true;
        frame.src = new URL('node/frame.html', context.baseUrl).href;
        const channel = requestChannel(context);
        const done = () => {
          channel.close();
          removeEventListener('message', onMessage);
          signal.removeEventListener('abort', onAbort);
          frame.remove();
        };
        const onAbort = () => {
          done();
          reject(abortError());
        };
        const onMessage = (event: MessageEvent) => {
          if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
          const message = event.data as { type: string; text?: string; code?: number };
          if (message.type === 'ready') frame.contentWindow!.postMessage({ source, env }, location.origin, [channel.port]);
          else if (message.type === 'stdout') io.stdout(message.text ?? '');
          else if (message.type === 'stderr') io.stderr(message.text ?? '');
          else if (message.type === 'exit') {
            done();
            resolve({ exitCode: message.code ?? 1 });
          }
        };
        addEventListener('message', onMessage);
        signal.addEventListener('abort', onAbort);
        document.body.append(frame);
      }),
  };
}
