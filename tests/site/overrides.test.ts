// The site changes Starlight's components by wrapping them: `npm run lint` fails an override
// that carries a copy of its Starlight namesake. These check that the check itself bites.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findForks, MAX_RUN, STARLIGHT_COMPONENTS } from '../../scripts/lint/overrides.ts';
import { longestSharedRun } from '../../scripts/lint/shared-lines.ts';

describe('the check on overrides', () => {
  it('passes the overrides as they are', () => {
    expect(findForks()).toEqual([]);
  });

  it("fails an override that is a copy of Starlight's component, with a change or two", () => {
    const dir = mkdtempSync(join(tmpdir(), 'overrides-'));
    const starlight = readFileSync(join(STARLIGHT_COMPONENTS, 'Search.astro'), 'utf8');
    writeFileSync(join(dir, 'Search.astro'), `---\n// ours\n${starlight.replace('aria-label', 'aria-labelledby').slice(4)}`);
    copyFileSync(join(STARLIGHT_COMPONENTS, 'SkipLink.astro'), join(dir, 'NotStarlights.astro'));
    const forks = findForks(dir);
    expect(forks.map((fork) => fork.name)).toEqual(['Search.astro']);
    expect(forks[0]!.run).toBeGreaterThan(100);
  });

  it('does not count lines every component has (brackets, closing tags, blank lines)', () => {
    const shell = '---\n---\n\n<style>\n}\n</style>\n'.repeat(MAX_RUN);
    expect(longestSharedRun(`${shell}<p>ours</p>`, `${shell}<p>theirs</p>`).length).toBe(0);
  });
});
