// The core runs in Node and in the reader's browser (a Service Worker hands it the page's
// requests), so it may use Web APIs only: no `node:` module, no Buffer, no process.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = fileURLToPath(new URL('.', import.meta.url));

describe('sandbox/core', () => {
  it('imports only its own modules and msw, and uses no Node global', async () => {
    const files = (await readdir(CORE)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = await readFile(join(CORE, file), 'utf8');
      const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      for (const specifier of specifiers) expect(specifier, `${file} imports ${specifier}`).toMatch(/^(\.\/[\w-]+\.ts|msw)$/);
      expect(source, file).not.toMatch(/\b(Buffer|process|require)\s*[.(]/);
    }
  });
});
