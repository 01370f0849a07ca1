/**
 * Build-time access to the example files that the page's code tabs show. Server side only:
 * it reads the files with node:fs and the tab list from the verifier's own runner table.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { RUNNERS } from '../../scripts/verify/languages.ts';
import { EXAMPLES_DIR, fromRoot } from './paths.ts';

export type LanguageId = (typeof RUNNERS)[number]['id'];

export interface Example {
  /** The runner's id: `php`, `node`, `java`, `ruby`, `csharp`, `python`, `curl`. */
  id: LanguageId;
  /** The tab's label, e.g. `C#`. */
  label: string;
  /** Path from the project root, as the verifier's report names it. */
  path: string;
  /** The file's name, shown as the code frame's title. */
  fileName: string;
  /** Shiki language for highlighting. */
  lang: string;
  /** The file's text, unchanged. */
  code: string;
  /** sha256 of the file's bytes, to compare with the report's. */
  sha256: string;
}

/** Highlighting by file extension: the runner table names files, not grammars. */
const GRAMMARS: Record<string, string> = {
  '.php': 'php',
  '.mjs': 'js',
  '.js': 'js',
  '.java': 'java',
  '.rb': 'ruby',
  '.cs': 'csharp',
  '.py': 'python',
  '.sh': 'bash',
};

export function examplePath(id: string, file: string): string {
  return `${EXAMPLES_DIR}/${id}/${file}`;
}

/** The examples in the page's tab order (the seed's order, as the verifier lists them). */
export async function loadExamples(): Promise<Example[]> {
  return Promise.all(
    RUNNERS.map(async (runner) => {
      const path = examplePath(runner.id, runner.file);
      const bytes = await readFile(fromRoot(path));
      return {
        id: runner.id,
        label: runner.title,
        path,
        fileName: runner.file,
        lang: GRAMMARS[extname(runner.file)] ?? 'txt',
        code: bytes.toString('utf8'),
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    }),
  );
}

/** examples/cancel-reserve/expected.json: the documented response, as text and parsed. */
export async function loadExpectedResponse(): Promise<{ path: string; text: string; value: unknown }> {
  const path = `${EXAMPLES_DIR}/expected.json`;
  const text = await readFile(fromRoot(path), 'utf8');
  return { path, text, value: JSON.parse(text) };
}
