/**
 * `npm run bench:run`: what Run costs in Debian's Chromium, or Firefox ESR, on the built site
 * (`npm run build` first), per language that runs in the browser; a benchmark, nothing asserted.
 *
 * - bytes on first use: what the runner, the runtime's files (manifest.json's `files`) and the
 *   operation's binary weigh compressed with brotli as a host would serve them (quality 11; 9 for
 *   files over 4 MB, where 11 takes half a minute each); the console itself is part of the Try it
 *   panel's module;
 * - from the click on Run to the exit status on screen: cold (a new browser context, nothing
 *   cached) and warm (the runtime loaded, a second run), the median of several.
 *
 *   npm run bench:run -- [--runs 5] [--operation cancel-reserve] [--browser chromium|firefox]
 *
 * Writes reports/run-metrics.json (reports/run-metrics-firefox.json for Firefox).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';
import type { RunManifest } from '../../docs/lib/run/manifest.ts';
import { LANGUAGES } from '../../examples/languages.ts';
import { launchChromium } from '../../tests/browser/chromium.ts';
import { codeTab, launchFirefox } from '../../tests/browser/firefox.ts';
import { ranSince, runsDone } from '../../tests/browser/run-helpers.ts';
import { serveStatic } from '../static-server.ts';
import { ROOT } from '../verify/runner.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    operation: { type: 'string', default: 'cancel-reserve' },
    browser: { type: 'string', default: 'chromium' },
  },
});
const runs = Number(values.runs);
const operation = values.operation;
const firefox = values.browser === 'firefox';
if (!firefox && values.browser !== 'chromium') throw new Error(`--browser: chromium or firefox, not ${values.browser}`);
const DIST = join(ROOT, 'dist');

const brotli = (body: Buffer) =>
  brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: body.length > 4 * 1024 * 1024 ? 9 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }).length;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const RUN = '[data-try-it] button[data-action="run"]';

/** One page in a new browser context, whichever the driver: the few things the bench does with it. */
interface BenchPage {
  chooseTab(label: string): Promise<void>;
  click(selector: string): Promise<void>;
  runsDone(): Promise<number>;
  waitForRunAfter(before: number): Promise<void>;
  exitCode(): Promise<number>;
  close(): Promise<void>;
}

interface BenchBrowser {
  open(url: string): Promise<BenchPage>;
  version(): Promise<string>;
  close(): Promise<void>;
}

async function chromiumPages(): Promise<BenchBrowser> {
  const browser = await launchChromium();
  return {
    close: () => browser.close(),
    version: async () => browser.version(),
    async open(url) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      return {
        chooseTab: (label) =>
          page
            .locator('starlight-tabs', { has: page.locator('.example') })
            .getByRole('tab', { name: label, exact: true })
            .click(),
        click: (selector) => page.locator(selector).click(),
        runsDone: () => page.evaluate(runsDone),
        waitForRunAfter: async (before) => void (await page.waitForFunction(ranSince, before, { timeout: 60_000 })),
        exitCode: async () => Number(await page.locator('[data-run-status]').getAttribute('data-exit-code')),
        close: () => context.close(),
      };
    },
  };
}

async function firefoxPages(): Promise<BenchBrowser> {
  const browser = await launchFirefox();
  return {
    close: () => browser.close(),
    version: () => browser.version(),
    async open(url) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.goto(url);
      return {
        chooseTab: async (label) => (await codeTab(page, label)).click(),
        click: (selector) => page.click(selector),
        runsDone: () => page.evaluate(runsDone),
        waitForRunAfter: async (before) => void (await page.waitForFunction(ranSince, { timeout: 60_000 }, before)),
        exitCode: () => page.evaluate(() => Number(document.querySelector<HTMLElement>('[data-run-status]')?.dataset.exitCode)),
        close: () => context.close(),
      };
    },
  };
}

/** Clicks Run on the tab and waits for its exit: milliseconds, and the exit status. */
async function timedRun(page: BenchPage): Promise<{ ms: number; exitCode: number }> {
  const before = await page.runsDone();
  const started = Date.now();
  await page.click(RUN);
  await page.waitForRunAfter(before);
  const ms = Date.now() - started;
  return { ms, exitCode: await page.exitCode() };
}

const manifest = JSON.parse(await readFile(join(DIST, 'run', 'manifest.json'), 'utf8')) as RunManifest;
const server = await serveStatic(DIST);
const results: Record<string, unknown> = {};
let browserVersion = '';
try {
  const browser = firefox ? await firefoxPages() : await chromiumPages();
  try {
    for (const language of LANGUAGES.filter((l) => l.browser.runs)) {
      const runtime = manifest.languages[language.id]!;
      // The runner itself (run/<id>/runner.mjs), the runtime's files, and the operation's binary if any.
      const files = [
        { path: `${language.id}/runner.mjs` },
        ...runtime.files,
        ...(runtime.binaries?.[operation] ? [runtime.binaries[operation]] : []),
      ];
      let firstUse = 0;
      for (const file of files) firstUse += brotli(await readFile(join(DIST, 'run', file.path)));
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await browser.open(`${server.url}/${operation}/`);
        await page.chooseTab(language.label);
        const first = await timedRun(page);
        // The first run used its reserve up; the page has made the second its own, as in CI.
        const second = await timedRun(page);
        if (first.exitCode !== 0 || second.exitCode !== 0)
          throw new Error(`${language.label}: the program exited with ${first.exitCode}, then ${second.exitCode}`);
        cold.push(first.ms);
        warm.push(second.ms);
        await page.close();
      }
      results[language.id] = {
        runtime: runtime.runtime,
        sdk: runtime.sdk,
        firstUseBrotliBytes: firstUse,
        coldMs: cold,
        warmMs: warm,
        coldMedianMs: median(cold),
        warmMedianMs: median(warm),
      };
      console.log(
        `${language.label.padEnd(7)} first use ${(firstUse / 1024).toFixed(0).padStart(6)} KB brotli; cold ${median(cold)} ms, warm ${median(warm)} ms (median of ${runs}: cold ${cold.join(', ')}; warm ${warm.join(', ')})`,
      );
    }
    browserVersion = await browser.version();
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
}
const name = firefox ? 'Firefox ESR' : 'Chromium';
console.log(`${name}: ${browserVersion}`);
await writeFile(
  join(ROOT, 'reports', firefox ? 'run-metrics-firefox.json' : 'run-metrics.json'),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), browser: browserVersion, operation, runs, note: `${name}, a local server: cold is a new browser context (nothing cached); warm is the second run on the same page.`, languages: results }, null, 2)}\n`,
);
