/**
 * What a page shows a reader who wants to run their own program through `npm run sandbox -- --proxy`:
 * each language's settings from the language table (examples/languages.ts, filled in by
 * examples/proxy-settings.ts, the same function the command's output and `verify --via proxy` use),
 * at the places the command prints when started with its defaults, as shell lines a reader pastes.
 */
import type { Language } from '../../examples/languages.ts';
import { type ProxyPlaces, type ProxySettings, placesFor, proxySettings } from '../../examples/proxy-settings.ts';
import { describeCa } from '../../sandbox/node/local-ca.ts';

/**
 * The folder of the CA when neither `--ca-dir` nor XDG_CONFIG_HOME says otherwise (the command `npm run sandbox`
 * runs picks it; tests/site/own-program.test.ts starts the command to hold the page to it), written as
 * every POSIX shell expands it, so one line serves every reader's home folder.
 */
export const DEFAULT_CA_DIR = '$HOME/.config/mercadopago-sandbox';

/** The proxy's address unless `--host` or `--port` say otherwise: the sandbox's documented default. */
export const DEFAULT_PROXY = { url: 'http://127.0.0.1:3001', host: '127.0.0.1', port: 3001 } as const;

/** The places the command prints, started with its defaults; a JDK's keytool is assumed to have made the trust store. */
export function defaultPlaces(): ProxyPlaces {
  return placesFor(DEFAULT_PROXY, describeCa(DEFAULT_CA_DIR, { javaTrustStore: true }));
}

/** The language's settings at those places. */
export function defaultSettings(language: Pick<Language, 'proxy'>): ProxySettings {
  return proxySettings(language, defaultPlaces());
}

/**
 * How the reader runs their own program, `app`: the last of the table's run lines (the ones before
 * install what the program needs, which the proxy cannot fetch: it answers for the API's host only).
 */
export function ownRunLine(language: Pick<Language, 'run' | 'program'>): string {
  return language.run(language.program('app')).at(-1)!;
}

/**
 * A value as a shell word: as it is when it needs no quoting, else in double quotes so that
 * `$HOME` expands, with a long value's spaces turned into line continuations (which a shell drops
 * inside double quotes, leaving the value byte for byte as the table gives it). Anything else a
 * shell would expand stops the build rather than reach the page changed.
 */
export function shellWord(value: string): string {
  if (/^[\w@%+=:,./-]*$/.test(value)) return value;
  const unsafe = value.replaceAll('$HOME', '').match(/["`\\$!]/);
  if (unsafe) throw new Error(`a proxy setting has ${unsafe[0]}, which a shell would change inside double quotes: "${value}"`);
  return `"${value.replaceAll(' ', ' \\\n')}"`;
}

/** The lines a reader pastes: each variable set for the one command, then the command, unchanged. */
export function ownProgramScript(settings: ProxySettings, run: string): string {
  return [...Object.entries(settings.env).map(([name, value]) => `${name}=${shellWord(value)} \\`), run].join('\n');
}
