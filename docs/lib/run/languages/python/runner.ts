/** The Python tab's runner: one module Worker (./worker.ts) holding Pyodide and the SDK, kept across runs. */
import type { RunnerContext } from '../../browser-runner.ts';
import { keptWorkerRunner } from '../kept-worker.ts';

export const createRunner = (context: RunnerContext) => keptWorkerRunner(context, 'python', 'Python');
