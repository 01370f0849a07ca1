/**
 * One Lighthouse 12.2.3 run (fetched by npx, run with Debian's Chromium) on one URL: the
 * category scores, the headline metrics, and every audit that did not fully pass.
 * Used by tests/browser/measure.ts and tests/browser/lighthouse-locales.ts; asserts nothing.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { CHROMIUM } from './chromium.ts';

export interface LighthouseResult {
  lighthouseVersion: string;
  userAgent: string | undefined;
  scores: Record<string, number>;
  metrics: Record<string, string | undefined>;
  notPassing: string[];
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
  'total-byte-weight',
];

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
}

export async function runLighthouse(url: string, preset: 'desktop' | 'mobile', cwd: string): Promise<LighthouseResult> {
  const work = await mkdtemp(join(tmpdir(), 'lighthouse-'));
  try {
    const file = join(work, `${preset}.json`);
    await execa(
      'npx',
      [
        '--yes',
        'lighthouse@12.2.3',
        url,
        '--quiet',
        '--output=json',
        `--output-path=${file}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        '--chrome-flags=--headless --no-sandbox --disable-gpu',
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      ],
      { cwd, env: { CHROME_PATH: CHROMIUM } },
    );
    const result = JSON.parse(await readFile(file, 'utf8'));
    const audits = result.audits as Record<string, Audit>;
    return {
      lighthouseVersion: result.lighthouseVersion,
      userAgent: result.environment?.hostUserAgent,
      scores: Object.fromEntries(
        Object.entries(result.categories as Record<string, { score: number }>).map(([id, c]) => [id, Math.round(c.score * 100)]),
      ),
      metrics: Object.fromEntries(METRICS.map((id) => [id, audits[id]?.displayValue])),
      notPassing: Object.values(audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
        .map((a) => `${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''} [${a.score}]`),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
