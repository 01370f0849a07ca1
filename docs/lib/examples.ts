/**
 * Build-time access to an operation and the example files its page's code tabs show. Server
 * side only: it reads the files with node:fs; the tab list is examples/languages.ts.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { LANGUAGES, type Language, type LanguageId } from '../../examples/languages.ts';
import { loadOperations, type Operation } from '../../examples/operations.ts';
import { fromRoot } from './paths.ts';

export type { LanguageId, Operation };

export interface Example {
  operation: string;
  language: Language;
  /** Path from the project root, as the verifier's report names it. */
  path: string;
  /** The folder it sits in, from the project root. */
  dir: string;
  /** The file's name, shown as the code frame's title. */
  fileName: string;
  /** The file's text, unchanged. */
  code: string;
  /** sha256 of the file's bytes, to compare with the report's. */
  sha256: string;
}

/** Every operation, in lifecycle order. */
export function operations(): Operation[] {
  return loadOperations(fromRoot('examples'));
}

export function operation(id: string): Operation {
  const found = operations().find((op) => op.id === id);
  if (!found)
    throw new Error(
      `no operation "${id}": a page names an operation by its folder in examples/ (${operations()
        .map((op) => op.id)
        .join(', ')})`,
    );
  return found;
}

/** The operation's examples in the pages' tab order. */
export async function loadExamples(operationId: string): Promise<Example[]> {
  const { dir } = operation(operationId);
  return Promise.all(
    LANGUAGES.map(async (language) => {
      const fileName = language.program(operationId);
      const path = `${dir}/${language.id}/${fileName}`;
      const bytes = await readFile(fromRoot(path));
      return {
        operation: operationId,
        language,
        path,
        dir: `${dir}/${language.id}`,
        fileName,
        code: bytes.toString('utf8'),
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    }),
  );
}

/** What the official SDK needs on a reader's machine, read from the example's manifest where it pins it. */
export async function sdkRequirement(example: Example): Promise<string | undefined> {
  const requires = example.language.sdk?.requires;
  if (requires === undefined || typeof requires === 'string') return requires;
  const version = await sdkRequirementVersion(example);
  return version ? requires.text(version) : undefined;
}

/** The version the example's manifest pins for the SDK's requirement (Java's release, Go's `go` line), if it pins one. */
export async function sdkRequirementVersion(example: Example): Promise<string | undefined> {
  const requires = example.language.sdk?.requires;
  if (requires === undefined || typeof requires === 'string') return undefined;
  const text = await readFile(fromRoot(`${example.dir}/${requires.manifest}`), 'utf8');
  return requires.pattern.exec(text)?.[1];
}
