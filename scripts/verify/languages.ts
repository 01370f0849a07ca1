import type { Runner } from './runner.ts';
import { csharp } from './runners/csharp.ts';
import { curl } from './runners/curl.ts';
import { java } from './runners/java.ts';
import { node } from './runners/node.ts';
import { php } from './runners/php.ts';
import { python } from './runners/python.ts';
import { ruby } from './runners/ruby.ts';

/** The seed page's tabs, in its order. */
export const RUNNERS: Runner[] = [php, node, java, ruby, csharp, python, curl];

/** Accepts the ids and a few names readers use: `c#`, `javascript`, `js`, `py`. */
export function findRunner(name: string): Runner | undefined {
  const aliases: Record<string, Runner['id']> = { 'c#': 'csharp', cs: 'csharp', javascript: 'node', js: 'node', py: 'python', rb: 'ruby', sh: 'curl' };
  const id = aliases[name.toLowerCase()] ?? name.toLowerCase();
  return RUNNERS.find((runner) => runner.id === id);
}
