/**
 * Puts msw between the page and the network, over the given handlers. A Service Worker
 * (msw/browser's setupWorker and the mockServiceWorker.js the site's build emits) where the
 * browser allows one; otherwise msw's in-page interception of `fetch`.
 *
 * msw 3 picks its in-page fallback by itself only when `navigator.serviceWorker` is missing
 * (an insecure origin, some private modes). When the API exists but registering fails
 * (storage blocked, a policy, Playwright's `serviceWorkers: 'block'`), `start()` rejects
 * instead; this module then builds the same fallback from msw's own parts. It does so too
 * after a hard reload, when msw would reload the page (see `bypassedWorker`).
 */
import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import type { RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { defineNetwork, InterceptorSource } from 'msw/experimental';
import { refuseApiHost } from './api-host.ts';

export type InterceptionMode = 'service-worker' | 'in-page';

export interface Interception {
  mode: InterceptionMode;
  /**
   * Whether this page's requests to the API are answered here now. False while a new version
   * of the Service Worker is taking the page over, until msw has started in it again.
   */
  answering(): boolean;
  /** Serve these handlers from now on (a reset sandbox has new ones). */
  replaceHandlers(handlers: RequestHandler[]): void;
  /** Called after each answer msw gave from the handlers. */
  onAnswered(listener: () => void): void;
}

export interface InterceptionOptions {
  /** Where the site serves msw's worker script: `<base>mockServiceWorker.js`. */
  workerUrl: string;
  /** The worker's scope: the site's base path, so every page of the site is covered. */
  scope: string;
  /** Past this, a worker that has not started is given up for the in-page fallback. */
  workerTimeoutMs?: number;
}

export async function startInterception(handlers: RequestHandler[], options: InterceptionOptions): Promise<Interception> {
  if ('serviceWorker' in navigator && !(await bypassedWorker(options.scope))) {
    const worker = setupWorker(...handlers);
    const start = () =>
      worker.start({
        serviceWorker: { url: options.workerUrl, options: { scope: options.scope } },
        onUnhandledFrame: refuseApiHost,
        // msw logs every answer to the console by default: noise for a reader, and time.
        quiet: true,
      });
    try {
      await withTimeout(start(), options.workerTimeoutMs ?? 5_000);
      let controller = navigator.serviceWorker.controller;
      let restarting = false;
      // A new version of the worker script takes every open page over at once (msw's worker
      // skips waiting and claims its clients) but does not know this page: it would send the
      // page's requests to the network (measured: a run then reached the API's host). Nothing
      // is sent until msw has started again in the new worker.
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        restarting = true;
        worker.stop();
        start().then(
          () => {
            controller = navigator.serviceWorker.controller;
            restarting = false;
          },
          (error: Error) => console.warn(`The in-browser sandbox stopped answering after a Service Worker update: ${error.message}`),
        );
      });
      return {
        mode: 'service-worker',
        answering: () => !restarting && controller !== null && navigator.serviceWorker.controller === controller,
        replaceHandlers: (next) => worker.resetHandlers(...next),
        onAnswered: (listener) => void worker.events.on('response:mocked', listener),
      };
    } catch (error) {
      console.info(`The in-browser sandbox runs in the page instead of a Service Worker: ${(error as Error).message}`);
    }
  }
  const network = defineNetwork({
    sources: [new InterceptorSource({ interceptors: [new FetchInterceptor()] })],
    handlers,
    onUnhandledFrame: refuseApiHost,
    context: { quiet: true },
  });
  await network.enable();
  return {
    mode: 'in-page',
    answering: () => true,
    replaceHandlers: (next) => network.resetHandlers(...next),
    onAnswered: (listener) => void network.events.on('response:mocked', listener),
  };
}

/**
 * True after a hard reload (Shift+reload): the site's worker is registered, but the browser
 * keeps this page out of its hands until the next load. msw's `start()` answers that by
 * reloading the page, which would lose the reader's click and what they typed; the in-page
 * fallback answers the same instead.
 */
async function bypassedWorker(scope: string): Promise<boolean> {
  if (navigator.serviceWorker.controller) return false;
  try {
    const registration = await navigator.serviceWorker.getRegistration(scope);
    return registration?.active != null;
  } catch {
    return false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the Service Worker did not start within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
