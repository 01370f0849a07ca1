/**
 * What the Run tests read off the page and check, shared by the Chromium (playwright-core) and
 * the Firefox (puppeteer-core) files. The two drivers differ; these run inside the page, or on
 * what it showed, so both browsers are held to the same expectations.
 */
import { expect } from 'vitest';
import type { Language } from '../../examples/languages.ts';
import type { Operation } from '../../examples/operations.ts';

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The sandbox's received list under the console: `METHOD /path → status`. */
  received: string[];
  status: string;
}

/** In the page: how many runs the console has finished (each run's end adds one, whatever its outcome). */
export const runsDone = (): number => Number(document.querySelector<HTMLElement>('[data-run-console]')?.dataset.runs ?? 0);

/** In the page: whether a run ended after `before` had. */
export const ranSince = (before: number): boolean =>
  Number(document.querySelector<HTMLElement>('[data-run-console]')?.dataset.runs ?? 0) > before;

/** In the page: what the last run printed, its exit status and the requests the sandbox received. */
export const readRun = (): RunResult => {
  const output = document.querySelector('[data-run-output]')!;
  const status = document.querySelector<HTMLElement>('[data-run-status]')!;
  return {
    exitCode: Number(status.dataset.exitCode ?? Number.NaN),
    status: status.textContent ?? '',
    stdout: [...output.querySelectorAll('span:not(.try-it__stderr)')].map((s) => s.textContent).join(''),
    stderr: [...output.querySelectorAll('span.try-it__stderr')].map((s) => s.textContent).join(''),
    received: [...document.querySelectorAll('.try-it__received li')].map((li) => li.textContent ?? ''),
  };
};

/** The run exited 0, printed the documented response's members, and sent the operation's one request, answered as documented. */
export function expectDocumentedRun(result: RunResult, operation: Operation, language: Language): void {
  expect(result.exitCode, `${result.status}\n${result.stderr}`).toBe(0);
  const printed = JSON.parse(result.stdout) as unknown;
  // A listing prints an array of refunds: every one of them has the documented members.
  const answers = (operation.response.about === 'refunds' ? printed : [printed]) as Record<string, unknown>[];
  expect(answers.length, 'what it printed').toBeGreaterThan(0);
  for (const answer of answers)
    for (const [member, value] of Object.entries(operation.response.body)) expect(answer[member], member).toEqual(value);
  // Each `{NAME}` of the path is an id the page staged; Node's SDK adds a slash to a listing.
  const path = operation.request.path.replace(/\{[A-Z][A-Z0-9_]*\}/g, '\\d+');
  expect(result.received).toEqual([
    expect.stringMatching(new RegExp(`^${operation.request.method} ${path}/? → ${operation.response.status}$`)),
  ]);
  expect(result.status).toContain(language.id === 'curl' ? 'just-bash' : 'in your browser');
}
