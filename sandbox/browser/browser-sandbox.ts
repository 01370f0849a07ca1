/**
 * The sandbox in the reader's browser: the same core and msw handlers the verifier and
 * `npm run sandbox` serve, answering the page's requests to https://api.mercadopago.com.
 * Thin on purpose: interception (./interception.ts), persistence for the visit
 * (./snapshot-store.ts), and reset. No rule of the API lives here.
 */
import { createSandbox, type Sandbox, type SandboxSnapshot } from '../core/sandbox.ts';
import { type InterceptionMode, startInterception } from './interception.ts';
import { type SnapshotStore, sessionSnapshotStore, storageKey } from './snapshot-store.ts';

export interface BrowserSandboxOptions {
  /** The site's base path, with its trailing slash (`/`, `/repo/`). */
  base: string;
  /** The worker script's URL; defaults to `<base>mockServiceWorker.js`. */
  workerUrl?: string;
  store?: SnapshotStore;
}

export interface BrowserSandbox {
  /** The current sandbox: its state, and the direct calls (card tokens, reserves) the panel prepares with. */
  readonly sandbox: Sandbox;
  readonly mode: InterceptionMode;
  /** Whether the page's requests to the API are answered by this sandbox right now (./interception.ts). */
  answering(): boolean;
  /** Keeps the state for the rest of the visit; false when the browser refused to store it. */
  save(): boolean;
  /** An empty sandbox, and nothing kept. */
  reset(): void;
}

export async function startBrowserSandbox(options: BrowserSandboxOptions): Promise<BrowserSandbox> {
  const store = options.store ?? sessionSnapshotStore(storageKey(options.base, 'sandbox'));
  // The browser's own origin is the one that calls: the core adds CORS headers for it.
  const make = (restore: SandboxSnapshot | undefined) => createSandbox({ restore, corsOrigin: location.origin });
  let sandbox = make(store.load());
  const interception = await startInterception(sandbox.handlers, {
    workerUrl: options.workerUrl ?? `${options.base}mockServiceWorker.js`,
    scope: options.base,
  });
  const save = () => {
    pending = false;
    return store.save(sandbox.snapshot());
  };
  // Whatever called the API (the panel, or a reader at the console), its effect is kept: a
  // moment after the answer, so the reader sees the answer first (a snapshot of a busy sandbox
  // takes milliseconds), and before the page goes away whatever happens in that moment.
  let pending = false;
  interception.onAnswered(() => {
    if (pending) return;
    pending = true;
    setTimeout(save, 100);
  });
  addEventListener('pagehide', () => {
    if (pending) save();
  });
  return {
    get sandbox() {
      return sandbox;
    },
    mode: interception.mode,
    answering: () => interception.answering(),
    save,
    reset() {
      store.clear();
      sandbox = make(undefined);
      interception.replaceHandlers(sandbox.handlers);
    },
  };
}
