import type { Language } from './languages.ts';

/** Where a running proxy and its CA are: what the templates of a language's `proxy` facts name. */
export interface ProxyPlaces {
  /** `http://127.0.0.1:3001` */
  proxyUrl: string;
  proxyHost: string;
  proxyPort: string;
  /** The CA's PEM file, and the files the sandbox writes beside it (sandbox/node/local-ca.ts). */
  caFile: string;
  javaTrustStore: string;
  javaTrustStorePassword: string;
  hostsFile: string;
  phpIniDir: string;
  monoConfigHome: string;
}

export interface ProxySettings {
  env: Record<string, string>;
  options: string[];
  note?: string;
}

/**
 * A language's proxy facts with the places filled in: what `npm run sandbox -- --proxy` prints
 * and what `npm run verify -- --via proxy` sets, so the lines a reader copies are the lines tested.
 */
export function proxySettings(language: Pick<Language, 'proxy'>, places: ProxyPlaces): ProxySettings {
  const fill = (template: string, options: string[] = []): string =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'options') return options.join(' ');
      const value = (places as unknown as Record<string, string | undefined>)[name];
      if (value === undefined) throw new Error(`a proxy template names {${name}}, which is not one of the places`);
      return value;
    });
  const options = (language.proxy.options ?? []).map((option) => fill(option));
  const env = Object.fromEntries(Object.entries(language.proxy.env).map(([name, value]) => [name, fill(value, options)]));
  return { env, options, note: language.proxy.note && fill(language.proxy.note) };
}

/** `NAME=value` words a shell takes as they are: a value with spaces or quotes is single-quoted. */
export function shellAssignments(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([name, value]) => `${name}=${/^[\w@%+=:,./-]*$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`}`)
    .join(' ');
}

/** The places of a running proxy (sandbox/node/proxy-server.ts) and of its CA's files (sandbox/node/local-ca.ts). */
export function placesFor(
  proxy: { url: string; host: string; port: number },
  ca: {
    caFile: string;
    javaTrustStore: string | undefined;
    javaTrustStorePassword: string;
    hostsFile: string;
    phpIniDir: string;
    monoConfigHome: string;
  },
): ProxyPlaces {
  return {
    proxyUrl: proxy.url,
    proxyHost: proxy.host,
    proxyPort: String(proxy.port),
    caFile: ca.caFile,
    javaTrustStore: ca.javaTrustStore ?? '(none: keytool was not found; install a JDK and start the sandbox again)',
    javaTrustStorePassword: ca.javaTrustStorePassword,
    hostsFile: ca.hostsFile,
    phpIniDir: ca.phpIniDir,
    monoConfigHome: ca.monoConfigHome,
  };
}
