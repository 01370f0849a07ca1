/**
 * `?lang=` support: which names pick which tab, and the inline script that applies it.
 * The names are examples/languages.ts's ids, labels and aliases.
 */
import { LANGUAGES } from '../../examples/languages.ts';
import script from './lang-param.inline.js?raw';

/** Tabs that follow the reader's language share this Starlight sync key. */
export const SYNC_KEY = 'lang';

/** Lower-cased name → tab label, for every language's id, label and alias. */
export function languageNames(): Record<string, string> {
  const names: Record<string, string> = {};
  for (const language of LANGUAGES) {
    for (const name of [language.id, language.label.toLowerCase(), ...language.aliases]) names[name] = language.label;
  }
  return names;
}

/** Tab label → the id written to the URL when a reader picks that tab. */
export function labelIds(): Record<string, string> {
  return Object.fromEntries(LANGUAGES.map((language) => [language.label, language.id]));
}

/** The inline script's text, with its data filled in; comments and indentation dropped. */
export function langParamScript(): string {
  const body = script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');
  // The file is a function expression, `(function (names, ids, syncKey) { … })`; a formatter
  // ends it with a semicolon, which must go before the call's arguments are appended.
  const fn = body.replace(/;\s*$/, '');
  return `${fn}(${JSON.stringify(languageNames())},${JSON.stringify(labelIds())},${JSON.stringify(SYNC_KEY)});`;
}
