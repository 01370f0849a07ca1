/**
 * `?lang=` support: which names pick which tab, and the inline script that applies it.
 * Server side: the names come from the verifier's runner table and its findRunner aliases.
 */
import { findRunner, RUNNERS } from '../../scripts/verify/languages.ts';
import script from './lang-param.inline.js?raw';

/** Tabs that follow the reader's language share this Starlight sync key. */
export const SYNC_KEY = 'lang';

/** Names readers type that findRunner does not know; each maps to a name it does. */
const EXTRA_NAMES: Record<string, string> = {
  'c#': 'csharp',
  'c-sharp': 'csharp',
  dotnet: 'csharp',
  '.net': 'csharp',
  'node.js': 'node',
  nodejs: 'node',
  mjs: 'node',
  python3: 'python',
  bash: 'curl',
  shell: 'curl',
  cs: 'csharp',
  javascript: 'node',
  js: 'node',
  py: 'python',
  rb: 'ruby',
  sh: 'curl',
};

/** Lower-cased name → tab label, for every runner id, label and alias. */
export function languageNames(): Record<string, string> {
  const names: Record<string, string> = {};
  for (const runner of RUNNERS) {
    names[runner.id] = runner.title;
    names[runner.title.toLowerCase()] = runner.title;
  }
  for (const [name, target] of Object.entries(EXTRA_NAMES)) {
    const runner = findRunner(name) ?? findRunner(target);
    if (runner) names[name] = runner.title;
  }
  return names;
}

/** Tab label → the id written to the URL when a reader picks that tab. */
export function labelIds(): Record<string, string> {
  return Object.fromEntries(RUNNERS.map((runner) => [runner.title, runner.id]));
}

/** The inline script's text, with its data filled in; comments and indentation dropped. */
export function langParamScript(): string {
  const body = script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');
  return `${body}(${JSON.stringify(languageNames())},${JSON.stringify(labelIds())},${JSON.stringify(SYNC_KEY)});`;
}
