/**
 * Measures the docs site; asserts nothing. Run: node tests/browser/measure.ts [--no-build] [--no-lighthouse]
 *
 * - `astro build` wall time (a fresh build into dist/);
 * - Lighthouse 12.2.3 (fetched by npx, run with Debian's Chromium) on /cancel-reserve/, desktop and
 *   mobile: the performance and accessibility scores, and any audit that did not pass.
 * Writes reports/site-measure.json. The page's transferred and JavaScript bytes come from the
 * browser tests (reports/site-metrics.json).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { serveStatic } from './static-server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: { 'no-build': { type: 'boolean' }, 'no-lighthouse': { type: 'boolean' } } });
const out: Record<string, unknown> = { measuredAt: new Date().toISOString() };

if (!values['no-build']) {
  const started = performance.now();
  await execa('astro', ['build'], { cwd: ROOT, preferLocal: true, env: { ASTRO_TELEMETRY_DISABLED: '1' } });
  out.astroBuildSeconds = Number(((performance.now() - started) / 1000).toFixed(2));
  console.log(`astro build: ${out.astroBuildSeconds} s`);
}

if (!values['no-lighthouse']) {
  const server = await serveStatic(join(ROOT, 'dist'));
  const work = await mkdtemp(join(tmpdir(), 'lighthouse-'));
  try {
    const lighthouse: Record<string, unknown> = {};
    for (const preset of ['desktop', 'mobile'] as const) {
      const report = join(work, `${preset}.json`);
      await execa(
        'npx',
        [
          '--yes',
          'lighthouse@12.2.3',
          `${server.url}/cancel-reserve/`,
          '--quiet',
          '--output=json',
          `--output-path=${report}`,
          '--only-categories=performance,accessibility,best-practices,seo',
          '--chrome-flags=--headless --no-sandbox --disable-gpu',
          ...(preset === 'desktop' ? ['--preset=desktop'] : []),
        ],
        { cwd: ROOT, env: { CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } },
      );
      const result = JSON.parse(await readFile(report, 'utf8'));
      const scores = Object.fromEntries(
        Object.entries(result.categories as Record<string, { score: number }>).map(([id, c]) => [id, Math.round(c.score * 100)]),
      );
      const failing = Object.values(result.audits as Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }>)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
        .map((a) => `${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''} [${a.score}]`);
      const metrics = Object.fromEntries(
        ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [
          id,
          result.audits[id]?.displayValue,
        ]),
      );
      lighthouse[preset] = { lighthouseVersion: result.lighthouseVersion, userAgent: result.environment?.hostUserAgent, scores, metrics, notPassing: failing };
      console.log(`lighthouse ${preset}: ${JSON.stringify(scores)} ${JSON.stringify(metrics)}`);
      for (const line of failing) console.log(`  not passing: ${line}`);
    }
    out.lighthouse = lighthouse;
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

await mkdir(join(ROOT, 'reports'), { recursive: true });
await writeFile(join(ROOT, 'reports', 'site-measure.json'), `${JSON.stringify(out, null, 2)}\n`);
