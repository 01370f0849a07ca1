/** The PHP tab's runner: one module Worker (./worker.ts) holding php-wasm and the SDK double, kept across runs. */
import type { RunnerContext } from '../../browser-runner.ts';
import { keptWorkerRunner } from '../kept-worker.ts';

export const createRunner = (context: RunnerContext) => keptWorkerRunner(context, 'php', 'PHP');
