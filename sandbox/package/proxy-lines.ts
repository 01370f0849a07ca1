import { LANGUAGES } from '../../examples/languages.ts';
import { type ProxyPlaces, proxySettings, shellAssignments } from '../../examples/proxy-settings.ts';

/**
 * The lines `verified-mp-sandbox --proxy` prints under "Run your program unchanged with these set":
 * for each language of the site, in its tab order, the environment to set and, where there is
 * one, its note. Read from the language table, so the README's copy (checked by a test) and the
 * verifier's `--via proxy` settings are the same facts.
 */
export function proxyLines(places: ProxyPlaces): string[] {
  return LANGUAGES.flatMap((language) => {
    const { env, note } = proxySettings(language, places);
    return [`  ${language.label.padEnd(7)} ${shellAssignments(env)}`, ...(note ? [`          ${note}`] : [])];
  });
}
