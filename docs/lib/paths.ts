import { join } from 'node:path';

/**
 * The project root. astro.config.mjs defines it, so it holds when Astro runs from another
 * folder; plain Node (the tests) falls back to the working directory.
 */
export const ROOT: string = (import.meta.env?.VERIFIED_DOCS_ROOT as string | undefined) ?? process.cwd();

export const fromRoot = (relative: string): string => join(ROOT, relative);
