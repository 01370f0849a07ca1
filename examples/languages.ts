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
