/**
 * Measures the docs site; asserts nothing (the browser tests assert the limits).
 * Run: npx node tests/browser/measure.ts [--no-build] [--no-lighthouse] [--dist DIR] [--runs N] [--out FILE]
 *
 * - `astro build` wall time (a fresh build into dist/; skipped with --no-build or --dist);
 * - layout shift of /cancel-reserve/ on a first visit (cache disabled; see first-visit.ts), at
 *   1280×900 and 390×844, on the throttled connection and on an unthrottled one: the highest
 *   and every value of N visits (default 5), since a shift may depend on when a chunk arrives;
 *   and the visit's transferred and JavaScript bytes;
 * - Lighthouse 12.2.3 (fetched by npx, run with Debian's Chromium) on /cancel-reserve/, desktop and
 *   mobile: the performance and accessibility scores, the metrics, and any audit that did not pass.
 * Writes reports/site-measure.json (or --out). --dist measures another build, e.g. an older one.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { serveStatic } from '../../scripts/static-server.ts';
import { launchChromium } from './chromium.ts';
import { firstVisit, SLOW_NETWORK } from './first-visit.ts';
import { runLighthouse } from './lighthouse.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGE = '/cancel-reserve/';
const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean' },
    'no-lighthouse': { type: 'boolean' },
    dist: { type: 'string' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: join(ROOT, 'reports', 'site-measure.json') },
  },
});
const dist = resolve(values.dist ?? join(ROOT, 'dist'));
const out: Record<string, unknown> = { measuredAt: new Date().toISOString(), dist, page: PAGE };

if (!values['no-build'] && !values.dist) {
  const started = performance.now();
  await execa('astro', ['build'], { cwd: ROOT, preferLocal: true, env: { ASTRO_TELEMETRY_DISABLED: '1' } });
  out.astroBuildSeconds = Number(((performance.now() - started) / 1000).toFixed(2));
  console.log(`astro build: ${out.astroBuildSeconds} s`);
}

const server = await serveStatic(dist);
try {
  const browser = await launchChromium();
  try {
    const runs = Number(values.runs);
    const layoutShift: Record<string, unknown> = {};
    for (const [network, conditions] of [
      ['throttled', SLOW_NETWORK],
      ['unthrottled', null],
    ] as const) {
      for (const [device, viewport] of [
        ['desktop', { width: 1280, height: 900 }],
        ['phone', { width: 390, height: 844 }],
      ] as const) {
        const visits: number[] = [];
        for (let i = 0; i < runs; i++)
          visits.push((await firstVisit(browser, `${server.url}${PAGE}`, viewport, { network: conditions })).cls);
        const rounded = visits.map((v) => Number(v.toFixed(4)));
        layoutShift[`${network} ${device}`] = { viewport, max: Math.max(...rounded), values: rounded };
        console.log(`CLS ${network} ${device}: max ${Math.max(...rounded)} of ${rounded.join(', ')}`);
      }
    }
    out.layoutShift = { network: SLOW_NETWORK, ...layoutShift };
    const visit = await firstVisit(browser, `${server.url}${PAGE}`, { width: 1280, height: 900 });
    out.firstVisit = { requests: visit.resources.length, transferredBytes: visit.transferredBytes, scriptBytes: visit.scriptBytes };
    console.log(
      `first visit: ${visit.resources.length} requests, ${visit.transferredBytes} bytes, ${visit.scriptBytes} bytes of JavaScript files`,
    );
  } finally {
    await browser.close();
  }

  if (!values['no-lighthouse']) {
    const lighthouse: Record<string, unknown> = {};
    for (const preset of ['desktop', 'mobile'] as const) {
      const result = await runLighthouse(`${server.url}${PAGE}`, preset, ROOT);
      lighthouse[preset] = result;
      console.log(`lighthouse ${preset}: ${JSON.stringify(result.scores)} ${JSON.stringify(result.metrics)}`);
      for (const line of result.notPassing) console.log(`  not passing: ${line}`);
    }
    out.lighthouse = lighthouse;
  }
} finally {
  await server.close();
}

await mkdir(dirname(values.out), { recursive: true });
await writeFile(values.out, `${JSON.stringify(out, null, 2)}\n`);
