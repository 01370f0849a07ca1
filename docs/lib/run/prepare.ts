/**
 * The build step for Run: prepares every language that runs in the reader's browser
 * (languages/<id>/prepare.ts) into one folder, `.cache/browser-runtimes/run/`, which the site
 * serves as `<base>run/` (./vite-plugin.ts). Beside the runtimes: each operation's program, byte
 * for byte the tab's file, and manifest.json (./manifest.ts). Everything comes from the
 * project's own dependencies, examples and toolchains, never from a network at run time.
 */
import { copyFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '../../../examples/languages.ts';
import { loadOperations } from '../../../examples/operations.ts';
import { bundle } from './languages/bundle.ts';
import { PREPARE } from './languages/prepare-steps.ts';
import type { LanguageRuntime, RunManifest } from './manifest.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));
export const RUN_DIR = join(ROOT, '.cache', 'browser-runtimes', 'run');

export interface PrepareContext {
  /** `run/<language>/`, empty: where the step writes its files. */
  dir: string;
  /** The project's root. */
  root: string;
}

/** What a language's step made: the manifest's entry but for the sizes and the programs. */
export interface Prepared extends Omit<LanguageRuntime, 'files' | 'programs' | 'binaries'> {
  /** The files it wrote, relative to its `dir`, that the runtime fetches. */
  files: string[];
  /** For a compiled language, each operation's build, relative to its `dir`. */
  binaries?: Record<string, string>;
}

export type PrepareStep = (context: PrepareContext) => Promise<Prepared>;

/** esbuild's options for `run/<id>/highlight.mjs`: ./highlight.ts with the one grammar the tab uses. */
const highlighter = (grammar: string, outfile: string) => ({
  stdin: {
    contents: [
      `import { createHighlight } from ${JSON.stringify(join(HERE, 'highlight.ts'))};`,
      `import languages from ${JSON.stringify(`shiki/langs/${grammar}.mjs`)};`,
      `export const highlight = createHighlight(${JSON.stringify(grammar)}, languages);`,
    ].join('\n'),
    resolveDir: ROOT,
    loader: 'js' as const,
  },
  outfile,
});

/** Prepares every language the language table says runs in the browser; returns `run/`. */
export async function prepareRuntimes(): Promise<string> {
  await rm(RUN_DIR, { recursive: true, force: true });
  const manifest: RunManifest = { languages: {} };
  const operations = loadOperations();
  for (const language of LANGUAGES.filter((l) => l.browser.runs)) {
    const step = PREPARE[language.id as keyof typeof PREPARE];
    if (!step)
      throw new Error(
        `examples/languages.ts says ${language.label} runs in the browser, but docs/lib/run/languages/prepare-steps.ts has no step for it`,
      );
    const dir = join(RUN_DIR, language.id);
    await mkdir(dir, { recursive: true });
    const prepared = await step({ dir, root: ROOT });
    // The page loads the runner by URL on the first Run: bundled here, outside the site's own chunks.
    await bundle({ entryPoints: [join(HERE, 'languages', language.id, 'runner.ts')], outfile: join(dir, 'runner.mjs') });
    // Where the reader may edit the program, the editor's colours, loaded on the first Edit.
    if (language.browser.editable) await bundle(highlighter(language.grammar, join(dir, 'highlight.mjs')));
    const sized = async (file: string) => ({ path: `${language.id}/${file}`, bytes: (await stat(join(dir, file))).size });
    const files = await Promise.all(prepared.files.map(sized));
    const binaries = prepared.binaries
      ? Object.fromEntries(await Promise.all(Object.entries(prepared.binaries).map(async ([op, file]) => [op, await sized(file)])))
      : undefined;
    const programs: Record<string, string> = {};
    for (const operation of operations) {
      const program = language.program(operation.id);
      const path = `src/${operation.id}/${language.id}/${program}`;
      await mkdir(join(RUN_DIR, path, '..'), { recursive: true });
      await copyFile(join(ROOT, 'examples', operation.id, language.id, program), join(RUN_DIR, path));
      programs[operation.id] = path;
    }
    manifest.languages[language.id] = { ...prepared, files, programs, ...(binaries ? { binaries } : {}) };
  }
  await writeFile(join(RUN_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return RUN_DIR;
}

/** Every file under `run/`, relative to it: what the site serves and the build emits. */
export async function runFiles(dir = RUN_DIR): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

// `npm run prepare:runtimes` (scripts/setup.sh): readies the runtimes ahead of the first build,
// fetching what the registries serve (PyPI's wheels) while the network is there.
if (import.meta.main) console.log(`run: runtimes ready in ${await prepareRuntimes()}`);
