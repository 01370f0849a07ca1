/**
 * `<base>run/manifest.json`, written at build time (./prepare.ts) and read by the page's Run
 * console: for each language that runs in the browser, what runs it, the files it fetches
 * (preloaded with a progress bar), and each operation's program as the tab shows it.
 */
export interface RunManifest {
  languages: Record<string, LanguageRuntime>;
}

export interface LanguageRuntime {
  /** What runs the program, e.g. "Pyodide 314.0.8 (CPython 3.14.2)". */
  runtime: string;
  /** The SDK it runs with, as the verified line names it, e.g. "mercadopago (npm) 3.6.1"; empty for curl. */
  sdk: string;
  /** The runtime's files, relative to `run/`, and their sizes: fetched once, on the first Run. */
  files: { path: string; bytes: number }[];
  /** Each operation's program, relative to `run/`: the tab's file, byte for byte. */
  programs: Record<string, string>;
  /** For a compiled language, each operation's build of that program, fetched when its tab first runs. */
  binaries?: Record<string, { path: string; bytes: number }>;
}
