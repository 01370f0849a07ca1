/**
 * The Run console in the Try it panel (docs/components/TryIt.astro): runs the selected tab's
 * own program in the reader's browser, with that language's runner (run/<id>/runner.mjs),
 * shows the runtime's download the first time, what the program prints, its exit status, and
 * the requests the page's sandbox received meanwhile; for a language the table marks
 * editable, Edit opens the program in an editor (./editor.ts), and Run runs what it shows.
 * It knows nothing of any language.
 */
import type { JournalEntry } from '../../../sandbox/core/journal.ts';
import { abortError, type BrowserRunner, type RunnerContext } from './browser-runner.ts';
import { createEditor } from './editor.ts';
import { createEnvironment } from './environment.ts';
import type { RunManifest } from './manifest.ts';

type Strings = Record<string, string>;
type RunnerModule = { createRunner(context: RunnerContext): BrowserRunner };

export interface RunConsoleOptions {
  /** The panel's `[data-run-console]` element. */
  root: HTMLElement;
  /** The site's base path, with its trailing slash. */
  base: string;
  strings: Strings;
  /**
   * Why the page's sandbox cannot answer a run now (no Service Worker, or a new one taking the
   * page over), or undefined when it can: checked before a run and before each of its requests.
   */
  unavailable: () => string | undefined;
  /** What the page's sandbox has received, oldest first. */
  journal: () => readonly JournalEntry[];
  /** The operation whose programs this console runs, e.g. `cancel-reserve`. */
  operation: string;
}

export interface RunRequest {
  language: string;
}

export interface RunConsole {
  /** Runs the tab's program, or the reader's edit of it on screen; resolves with what the sandbox received during the run. */
  run(request: RunRequest): Promise<JournalEntry[]>;
  stop(): void;
  /** Opens the editor on `language`'s program, or closes it. */
  toggleEditor(language: string): Promise<void>;
  /** Another code tab is shown: the editor, if open, follows it. */
  showLanguage(language: string): Promise<void>;
  /** Back to the verified file, in the editor. */
  revert(): void;
  /** The environment the verifier would give the program, with this page's values: the reader may change them. */
  setEnvironment(defaults: Record<string, string>): void;
}

/** The page's sandbox cannot answer now: its requests could reach the network, so nothing runs. */
class Unavailable extends Error {
  override name = 'Unavailable';
}

/** `{{name}}` → values[name]. */
const fill = (template: string | undefined, values: Record<string, string | number> = {}) =>
  (template ?? '').replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;

export function createRunConsole(options: RunConsoleOptions): RunConsole {
  const { root, strings } = options;
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const runButton = $<HTMLButtonElement>('[data-action="run"]');
  const stopButton = $<HTMLButtonElement>('[data-action="stop"]');
  const progress = $<HTMLProgressElement>('[data-run-progress]');
  const status = $<HTMLElement>('[data-run-status]');
  const output = $<HTMLElement>('[data-run-output]');
  const received = $<HTMLElement>('[data-run-received]');
  const editButton = $<HTMLButtonElement>('[data-action="edit"]');
  const editable = new Set((root.dataset.editable ?? '').split(' ').filter(Boolean));
  const { operation } = options;
  const baseUrl = new URL(`${options.base}run/`, location.href);
  const sources = new Map<string, Promise<string>>();
  const environment = createEnvironment($<HTMLElement>('[data-run-env]'));
  const editor = createEditor($<HTMLElement>('[data-run-editor]'), {
    highlightUrl: (language) => new URL(`${language}/highlight.mjs`, baseUrl).href,
    onHighlightFailed: (error) => (status.textContent = fill(strings['run.noHighlight'], { error: error.message })),
  });
  let manifest: Promise<RunManifest> | undefined;
  const runners = new Map<string, Promise<BrowserRunner>>();
  let current: AbortController | undefined;

  const getManifest = () => {
    manifest ??= fetch(new URL('manifest.json', baseUrl)).then((response) => {
      if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
      return response.json() as Promise<RunManifest>;
    });
    // A failed fetch is tried again on the next Run.
    manifest.catch(() => {
      manifest = undefined;
    });
    return manifest;
  };

  /**
   * A language's runner, loaded on its first Run from `run/<id>/runner.mjs` (./prepare.ts bundles
   * each languages/<id>/runner.ts there): by URL, so the site's own chunks know no language.
   */
  const runnerFor = (language: string, context: RunnerContext) => {
    let runner = runners.get(language);
    if (!runner) {
      const url = new URL(`${language}/runner.mjs`, baseUrl).href;
      runner = (import(/* @vite-ignore */ url) as Promise<RunnerModule>).then((m) => m.createRunner(context));
      runners.set(language, runner);
      runner.catch(() => runners.delete(language));
    }
    return runner;
  };

  /** The tab's file as published beside the runtime: byte for byte the file the page shows and the verifier ran. */
  const verifiedSource = (language: string) => {
    let source = sources.get(language);
    if (!source) {
      source = getManifest().then(async (runtimes) => {
        const path = runtimes.languages[language]?.programs[operation];
        if (!path) throw new Error(fill(strings['run.notHere'], { language }));
        const response = await fetch(new URL(path, baseUrl));
        if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
        return response.text();
      });
      sources.set(language, source);
      source.catch(() => sources.delete(language));
    }
    return source;
  };

  const openEditor = async (language: string) => {
    editButton.setAttribute('aria-expanded', 'true');
    try {
      editor.open(language, await verifiedSource(language));
    } catch (error) {
      closeEditor();
      status.textContent = fill(strings['run.failed'], { error: (error as Error).message });
    }
  };
  const closeEditor = () => {
    editor.close();
    editButton.setAttribute('aria-expanded', 'false');
  };

  const write = (text: string, stream: 'stdout' | 'stderr') => {
    const span = document.createElement('span');
    span.textContent = text;
    if (stream === 'stderr') span.className = 'try-it__stderr';
    output.append(span);
    output.hidden = false;
  };

  const showReceived = (entries: JournalEntry[]) => {
    const list = received.querySelector('ol')!;
    list.replaceChildren(
      ...entries.map((entry) => {
        const item = document.createElement('li');
        const code = item.appendChild(document.createElement('code'));
        code.textContent = `${entry.method} ${entry.path} → ${entry.status}`;
        return item;
      }),
    );
    received.querySelector('p')!.textContent = entries.length > 0 ? (strings['run.received'] ?? '') : (strings['run.receivedNone'] ?? '');
    received.hidden = false;
  };

  return {
    stop: () => current?.abort(),
    toggleEditor: (language) => (editor.isOpen ? Promise.resolve(closeEditor()) : openEditor(language)),
    async showLanguage(language) {
      if (!editor.isOpen) return;
      if (editable.has(language)) await openEditor(language);
      else closeEditor();
    },
    revert: () => editor.revert(),
    setEnvironment: (defaults) => environment.update(defaults),
    async run({ language }) {
      const env = environment.values();
      current?.abort();
      const controller = new AbortController();
      current = controller;
      const { signal } = controller;
      output.replaceChildren();
      output.hidden = true;
      received.hidden = true;
      runButton.disabled = true;
      stopButton.hidden = false;
      const seen = new Set(options.journal().map((entry) => entry.requestId));
      try {
        const why = options.unavailable();
        if (why !== undefined) throw new Unavailable(why);
        const runtimes = await getManifest();
        const runtime = runtimes.languages[language];
        if (!runtime) throw new Error(fill(strings['run.notHere'], { language }));
        const onRequest = () => {
          root.dataset.sentByPage = String(Number(root.dataset.sentByPage ?? 0) + 1);
        };
        const context: RunnerContext = {
          baseUrl,
          manifest: runtimes,
          pageFetch: { controlled: () => options.unavailable() === undefined, onRequest },
        };
        const runner = await runnerFor(language, context);
        status.textContent = fill(strings['run.loading'], { runtime: runtime.runtime });
        progress.hidden = false;
        await runner.load(
          operation,
          (loaded, total) => {
            progress.max = total || 1;
            progress.value = loaded;
            status.textContent = fill(strings['run.loadingBytes'], {
              runtime: runtime.runtime,
              loaded: kilobytes(loaded),
              total: kilobytes(total),
            });
          },
          signal,
        );
        progress.hidden = true;
        // What is on screen runs: the editor's text while it is open on this tab, else the file.
        const edit = editor.isOpen ? editor.edited(language) : undefined;
        const source = edit ?? (await verifiedSource(language));
        if (signal.aborted) throw abortError();
        status.textContent = fill(strings['run.running'], { runtime: runtime.runtime });
        const started = performance.now();
        const { exitCode } = await runner.run(
          { operation, source, env },
          { stdout: (text) => write(text, 'stdout'), stderr: (text) => write(text, 'stderr') },
          signal,
        );
        if (signal.aborted) throw abortError();
        const ms = Math.round(performance.now() - started);
        status.dataset.exitCode = String(exitCode);
        status.textContent =
          fill(strings['run.exited'], {
            code: exitCode,
            ms,
            runtime: runtime.runtime,
            sdk: runtime.sdk ? fill(strings['run.withSdk'], { sdk: runtime.sdk }) : '',
          }) + (edit === undefined ? '' : (strings['run.ranEdited'] ?? ''));
        status.dataset.edited = String(edit !== undefined);
      } catch (error) {
        progress.hidden = true;
        delete status.dataset.exitCode;
        const { name, message } = error as Error;
        status.textContent =
          name === 'Unavailable'
            ? message
            : name === 'AbortError'
              ? (strings['run.stopped'] ?? '')
              : fill(strings['run.failed'], { error: message });
      } finally {
        if (current === controller) {
          current = undefined;
          runButton.disabled = false;
          stopButton.hidden = true;
        }
      }
      const during = options.journal().filter((entry) => !seen.has(entry.requestId));
      showReceived(during);
      root.dataset.runs = String(Number(root.dataset.runs ?? 0) + 1);
      return during;
    },
  };
}
