/**
 * Lighthouse on one page of each locale (the Cancel page: /cancel-reserve/, /es/cancel-reserve/,
 * /pt-br/cancel-reserve/), desktop and mobile; asserts nothing, prints and writes the scores.
 * Run: npx node tests/browser/lighthouse-locales.ts [--dist DIR]   (after `npm run build`)
 * Lighthouse 12.2.3 comes through npx (as tests/browser/measure.ts fetches it) and runs Debian's
 * Chromium. Writes reports/site-i18n-lighthouse.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LOCALES } from '../../docs/lib/locales.ts';
import { serveStatic } from '../../scripts/static-server.ts';
import { runLighthouse } from './lighthouse.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: { dist: { type: 'string' } } });
const dist = resolve(values.dist ?? join(ROOT, 'dist'));
const server = await serveStatic(dist);
/**
 * The test server compresses each file the first time it is asked for it (a host serves files
 * compressed ahead): ask once for each page and the assets it links, so Lighthouse measures the
 * site and not the compression.
 */
async function warm(page: string): Promise<void> {
  const headers = { 'accept-encoding': 'br' };
  const html = await (await fetch(`${server.url}${page}`, { headers })).text();
  // Absolute paths, under the site's base.
  for (const [, asset] of html.matchAll(/(?:href|src)="(\/(?:[\w.~-]+\/)*(?:_astro|pagefind)\/[^"]+)"/g))
    await (await fetch(`${server.origin}${asset}`, { headers })).arrayBuffer();
}
const results: Record<string, Record<string, unknown>> = {};
try {
  for (const locale of LOCALES) {
    const page = `/${locale.prefix}cancel-reserve/`;
    results[locale.lang] = { page };
    await warm(page);
    for (const preset of ['desktop', 'mobile'] as const) {
      const { lighthouseVersion, scores, metrics, notPassing } = await runLighthouse(`${server.url}${page}`, preset, ROOT);
      results[locale.lang]![preset] = { lighthouseVersion, scores, metrics, notPassing };
      console.log(`${page} ${preset}: ${JSON.stringify(scores)} ${JSON.stringify(metrics)}`);
      for (const line of notPassing) console.log(`  not passing: ${line}`);
    }
  }
} finally {
  await server.close();
}
await mkdir(join(ROOT, 'reports'), { recursive: true });
await writeFile(
  join(ROOT, 'reports', 'site-i18n-lighthouse.json'),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), dist, results }, null, 2)}\n`,
);
