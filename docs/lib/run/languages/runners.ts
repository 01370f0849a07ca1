/**
 * Each language's runner in the browser, loaded when the reader first runs a tab in it (a
 * chunk of its own). The language table says which languages run (examples/languages.ts).
 */
import type { BrowserRunner, RunnerContext } from '../browser-runner.ts';

type RunnerModule = { createRunner(context: RunnerContext): BrowserRunner };

export const RUNNERS: Record<string, () => Promise<RunnerModule>> = {
  node: () => import('./node/runner.ts'),
  python: () => import('./python/runner.ts'),
  go: () => import('./go/runner.ts'),
  curl: () => import('./curl/runner.ts'),
};
