/**
 * The one home of each language's facts: its tab label and order, the names `?lang=` accepts,
 * its grammar, what its program and manifest are called in an operation's folder, what a
 * reader types to run it, and what its official SDK needs. The site and the verifier both read
 * this table; it runs nothing (the verifier's runners, in scripts/verify/runners/, do that).
 */

export type LanguageId = 'php' | 'node' | 'java' | 'ruby' | 'csharp' | 'python' | 'go' | 'curl';

export interface OfficialSdk {
  /** The package as its registry names it. */
  package: string;
  registry: 'Packagist' | 'npm' | 'Maven Central' | 'RubyGems' | 'NuGet' | 'PyPI' | 'Go module proxy';
  /**
   * What the published SDK needs on a reader's machine. A string, or where the manifest beside
   * the example pins it (Java's release, Go's `go` line), how to read it from there.
   */
  requires: string | { manifest: 'pom.xml' | 'go.mod'; pattern: RegExp; text: (version: string) => string };
}

export interface Language {
  id: LanguageId;
  /** The tab's label; the same in every locale. */
  label: string;
  /** Other names readers type in `?lang=` (the id and the label, lower-cased, always work). */
  aliases: string[];
  /** Shiki grammar for the program. */
  grammar: string;
  /** The program's file name in `examples/<operation>/<id>/`. */
  program: (operation: string) => string;
  /** The manifest beside the program that pins the SDK, if any. */
  manifest?: (operation: string) => string;
  /** What a reader runs in the example's folder: install, then run. */
  run: (program: string) => string[];
  /** The official SDK the example is written for; null for curl. */
  sdk: OfficialSdk | null;
  /**
   * Whether the tab's own program runs in the reader's browser (docs/lib/run/languages/<id>/).
   * Where it does not, the page replays the recorded request and says why (`run.why.<id>`).
   * `editable`: the reader may change the program first (an interpreted language: a compiled
   * one runs only the build of the published file).
   */
  browser: { runs: boolean; editable?: boolean };
  /**
   * How a reader sends their own program, unchanged, through `npm run sandbox -- --proxy`; the
   * verifier's `--via proxy` runs every example with exactly these settings. Templates: {proxyUrl},
   * {proxyHost}, {proxyPort}, {caFile} and the files the sandbox writes beside the CA
   * (examples/proxy-settings.ts fills them in).
   */
  proxy: ProxyFacts;
}

export interface ProxyFacts {
  /** The environment to set. `{options}` stands for `options`, joined by spaces. */
  env: Record<string, string>;
  /** Options that go first on the runtime's own command line (the JVM's -D flags). */
  options?: string[];
  /** What else a reader must know, in a sentence or two: what the settings stand in for, where they fall short. */
  note?: string;
}

/** `cancel-reserve` → `CancelReserve`: Java and C# name files after their class. */
const pascal = (operation: string) => operation.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
const snake = (operation: string) => operation.replaceAll('-', '_');

/** In the tab order of Mercado Pago's own pages: PHP, Node, Java, Ruby, C#, Python, Go, curl. */
export const LANGUAGES: readonly Language[] = [
  {
    id: 'php',
    label: 'PHP',
    aliases: [],
    grammar: 'php',
    program: (op) => `${op}.php`,
    manifest: () => 'composer.json',
    run: (program) => ['composer install', `php ${program}`],
    sdk: { package: 'mercadopago/dx-php', registry: 'Packagist', requires: 'PHP 8.2 or newer with the curl and json extensions' },
    browser: { runs: true, editable: true },
    proxy: {
      env: { HTTPS_PROXY: '{proxyUrl}', PHP_INI_SCAN_DIR: ':{phpIniDir}' },
      note: "PHP's curl reads HTTPS_PROXY but not SSL_CERT_FILE or CURL_CA_BUNDLE: the folder holds a php.ini fragment setting curl.cainfo to the CA (the leading ':' keeps PHP's own folder). Or run php -d curl.cainfo={caFile}.",
    },
  },
  {
    id: 'node',
    label: 'Node',
    aliases: ['javascript', 'js', 'node.js', 'nodejs', 'mjs'],
    grammar: 'js',
    program: (op) => `${op}.mjs`,
    manifest: () => 'package.json',
    run: (program) => ['npm install', `node ${program}`],
    sdk: { package: 'mercadopago', registry: 'npm', requires: 'Node.js 18 or newer' },
    browser: { runs: true, editable: true },
    proxy: {
      env: { NODE_USE_ENV_PROXY: '1', HTTPS_PROXY: '{proxyUrl}', NODE_EXTRA_CA_CERTS: '{caFile}' },
      note: 'Node 24: without NODE_USE_ENV_PROXY=1, Node ignores HTTPS_PROXY.',
    },
  },
  {
    id: 'java',
    label: 'Java',
    aliases: [],
    grammar: 'java',
    program: (op) => `${pascal(op)}.java`,
    manifest: () => 'pom.xml',
    run: () => ['mvn -q compile exec:java'],
    sdk: {
      package: 'com.mercadopago:sdk-java',
      registry: 'Maven Central',
      requires: {
        manifest: 'pom.xml',
        pattern: /<maven\.compiler\.release>(\d+)</,
        text: (v) => `Java ${v} or newer (the release pom.xml compiles for) and Maven`,
      },
    },
    browser: { runs: false },
    proxy: {
      options: [
        '-DsocksProxyHost={proxyHost}',
        '-DsocksProxyPort={proxyPort}',
        '-Djdk.net.hosts.file={hostsFile}',
        '-Djavax.net.ssl.trustStore={javaTrustStore}',
        '-Djavax.net.ssl.trustStorePassword={javaTrustStorePassword}',
      ],
      env: { MAVEN_OPTS: '{options}' },
      note: "sdk-java's Apache HttpClient ignores HTTPS_PROXY and -Dhttps.proxyHost, so the JVM is pointed at the same port as a SOCKS proxy; jdk.net.hosts.file resolves api.mercadopago.com without DNS, and only that name. Give the options to java itself, or, for mvn exec:java, in MAVEN_OPTS once Maven has downloaded what it needs (mvn -q compile).",
    },
  },
  {
    id: 'ruby',
    label: 'Ruby',
    aliases: ['rb'],
    grammar: 'ruby',
    program: (op) => `${op}.rb`,
    manifest: () => 'Gemfile',
    run: (program) => ['bundle install', `bundle exec ruby ${program}`],
    sdk: { package: 'mercadopago-sdk', registry: 'RubyGems', requires: "Ruby 3.3 or newer (the gem's own requirement)" },
    browser: { runs: true, editable: true },
    proxy: {
      env: { HTTPS_PROXY: '{proxyUrl}', SSL_CERT_FILE: '{caFile}' },
      note: 'The gem (through Faraday) reads HTTPS_PROXY; Net::HTTP used on its own reads http_proxy instead.',
    },
  },
  {
    id: 'csharp',
    label: 'C#',
    aliases: ['c#', 'cs', 'c-sharp', 'dotnet', '.net'],
    grammar: 'csharp',
    program: (op) => `${pascal(op)}.cs`,
    manifest: (op) => `${pascal(op)}.csproj`,
    run: () => ['dotnet run'],
    sdk: { package: 'mercadopago-sdk', registry: 'NuGet', requires: 'the .NET 8 SDK (the project targets net8.0)' },
    browser: { runs: false },
    proxy: {
      env: { HTTPS_PROXY: '{proxyUrl}', XDG_CONFIG_HOME: '{monoConfigHome}' },
      note: 'Mono ignores SSL_CERT_FILE: XDG_CONFIG_HOME points it at a certificate store holding the CA (or import it once: cert-sync --user {caFile}). .NET 8 reads HTTPS_PROXY too and, on Linux, SSL_CERT_FILE={caFile}; only Mono is verified here.',
    },
  },
  {
    id: 'python',
    label: 'Python',
    aliases: ['py', 'python3'],
    grammar: 'python',
    program: (op) => `${snake(op)}.py`,
    manifest: () => 'requirements.txt',
    run: (program) => ['pip install -r requirements.txt', `python ${program}`],
    sdk: { package: 'mercadopago', registry: 'PyPI', requires: 'Python 3.10 or newer' },
    browser: { runs: true, editable: true },
    proxy: { env: { HTTPS_PROXY: '{proxyUrl}', REQUESTS_CA_BUNDLE: '{caFile}' } },
  },
  {
    id: 'go',
    label: 'Go',
    aliases: ['golang'],
    grammar: 'go',
    program: () => 'main.go',
    manifest: () => 'go.mod',
    run: () => ['go run .'],
    sdk: {
      package: 'github.com/mercadopago/sdk-go',
      registry: 'Go module proxy',
      requires: { manifest: 'go.mod', pattern: /^go (\S+)$/m, text: (v) => `Go ${v} or newer (the go line of go.mod)` },
    },
    browser: { runs: true },
    proxy: {
      env: { HTTPS_PROXY: '{proxyUrl}', SSL_CERT_FILE: '{caFile}' },
      note: 'On macOS Go ignores SSL_CERT_FILE and asks the system: trust the CA in the login keychain instead.',
    },
  },
  {
    id: 'curl',
    label: 'curl',
    aliases: ['sh', 'bash', 'shell'],
    grammar: 'bash',
    program: (op) => `${op}.sh`,
    run: (program) => [`bash ${program}`],
    sdk: null,
    browser: { runs: true, editable: true },
    proxy: {
      env: { HTTPS_PROXY: '{proxyUrl}', CURL_CA_BUNDLE: '{caFile}' },
      note: 'Or on the command line: curl --proxy {proxyUrl} --cacert {caFile} …',
    },
  },
];

/** The language a reader's name stands for: its id, label or an alias, in any case. */
export function findLanguage(name: string): Language | undefined {
  const wanted = name.trim().toLowerCase();
  return LANGUAGES.find((l) => l.id === wanted || l.label.toLowerCase() === wanted || l.aliases.includes(wanted));
}

export function language(id: LanguageId): Language {
  return LANGUAGES.find((l) => l.id === id)!;
}
