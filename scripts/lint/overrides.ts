/**
 * `npm run lint`'s check that Starlight's components are wrapped, not forked: no file in
 * docs/components/overrides/ may share a run of more than MAX_RUN consecutive significant lines
 * with the Starlight component of the same name (CONTRIBUTING.md, "Change a Starlight component").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { longestSharedRun } from './shared-lines.ts';

export const MAX_RUN = 8;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OVERRIDES = join(ROOT, 'docs/components/overrides');
export const STARLIGHT_COMPONENTS = join(ROOT, 'node_modules/@astrojs/starlight/dist/components');

export interface Fork {
  name: string;
  run: number;
  firstLine: string;
}

/** Each override that shares more than MAX_RUN consecutive lines with its Starlight namesake. */
export function findForks(overrides = OVERRIDES): Fork[] {
  return readdirSync(overrides)
    .filter((name) => name.endsWith('.astro') && existsSync(join(STARLIGHT_COMPONENTS, name)))
    .map((name) => {
      const run = longestSharedRun(readFileSync(join(overrides, name), 'utf8'), readFileSync(join(STARLIGHT_COMPONENTS, name), 'utf8'));
      return { name, run: run.length, firstLine: run.firstLine };
    })
    .filter((fork) => fork.run > MAX_RUN);
}

if (import.meta.main) {
  const forks = findForks();
  for (const fork of forks)
    console.error(
      `lint: docs/components/overrides/${fork.name} shares ${fork.run} consecutive lines with Starlight's ${fork.name}, from "${fork.firstLine}". ` +
        "Render Starlight's component inside the override and change only what you must (docs/components/internal/EditedHtml.astro).",
    );
  if (forks.length > 0) process.exit(1);
}
