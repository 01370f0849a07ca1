// The site under a base path, as GitHub Pages serves it (https://<owner>.github.io/<repo>/):
// every page, asset and runtime is under the base, in the built files and in what a browser asks
// for as a reader uses the page — the Try it Service Worker's script and scope, Run's runtimes
// under <base>run/, Pagefind's search, the language picker. When dist/ was built under a base
// (CI builds with the Pages address: SITE_BASE, docs/lib/site-address.ts) this checks dist/
// itself; at the root, it builds a copy with `SITE_BASE=/verified-docs/ npm run build` first.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteAddress, siteAddress } from '../../docs/lib/site-address.ts';
import { type StaticServer, serveStatic } from '../../scripts/static-server.ts';
import { checkSiteReferences } from '../support/site-references.ts';
import { launchChromium } from './chromium.ts';
import { ranSince, readRun, runsDone } from './run-helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The base a root build is rebuilt under: a repository's name, as on GitHub Pages. */
const REBUILT: SiteAddress = { site: 'https://owner.github.io', base: '/verified-docs/' };

let address: SiteAddress;
let dist: string;
let rebuilt: string | undefined;
let server: StaticServer;
let browser: Browser;

/** `npm run build` under REBUILT's address, into a folder of its own. */
async function buildUnderBase(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'site-under-base-'));
  // Vitest's own variables (BASE_URL=/, NODE_ENV=test…) would leak into the build's import.meta.env.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(name) && !name.startsWith('VITEST'),
    ),
  );
  await execa('npm', ['run', 'build', '--', '--outDir', out], {
    cwd: ROOT,
    extendEnv: false,
    env: { ...env, SITE_URL: REBUILT.site, SITE_BASE: REBUILT.base, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return out;
}

beforeAll(async () => {
  const built = siteAddress();
  if (built.base !== '/') {
    dist = join(ROOT, 'dist');
    if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` first');
    address = built;
  } else {
    rebuilt = await buildUnderBase();
    dist = rebuilt;
    address = REBUILT;
  }
  server = await serveStatic(dist, { base: address.base });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (rebuilt) await rm(rebuilt, { recursive: true, force: true });
});

describe('the site under a base path', () => {
  it('links only to pages and assets under the base, each a file the build made', async () => {
    const report = await checkSiteReferences(dist, address);
    expect(report.outside).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(report.checked).toBeGreaterThan(500);
  });

  it('asks for nothing outside the base while a reader sends a request, runs programs, searches and changes language', {
    timeout: 180_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const asked: string[] = [];
    const failed: string[] = [];
    const left: string[] = [];
    // Every other origin is refused: the sandbox runs in the page; nothing leaves for the API.
    await context.route(
      (url) => url.origin !== server.origin,
      (route) => {
        left.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    // The panel's request part opens from its summary, as a reader opens it (Send is in it).
    await context.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        for (const details of document.querySelectorAll<HTMLDetailsElement>('details.try-it__more')) details.open = true;
      }),
    );
    context.on('request', (request) => {
      if (new URL(request.url()).origin === server.origin) asked.push(new URL(request.url()).pathname);
    });
    context.on('response', (response) => {
      if (new URL(response.url()).origin === server.origin && response.status() >= 400)
        failed.push(`HTTP ${response.status()} for ${response.url()}`);
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
    await page.goto(`${server.url}/cancel-reserve/?lang=python`);

    // Try it: the panel's module and msw's worker, its scope the base.
    const panel = page.locator('[data-try-it]');
    expect(await panel.getAttribute('data-module')).toMatch(new RegExp(`^${address.base}_astro/try-it\\.[\\w-]+\\.js$`));
    await panel.locator('button[data-action="send"]').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-try-it]')?.getAttribute('data-answered') ?? 0) > 0);
    expect(await panel.getAttribute('data-sandbox')).toBe('service-worker');
    expect((await panel.locator('[data-response] [data-status]').textContent())?.split(' ')[0]).toBe('200');
    const registration = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { scope: r?.scope, script: r?.active?.scriptURL };
    });
    expect(registration).toEqual({ scope: `${server.url}/`, script: `${server.url}/mockServiceWorker.js` });
    expect(await page.evaluate(() => Object.keys(sessionStorage).sort())).toEqual([
      `verified-docs:sandbox:${address.base}`,
      `verified-docs:try-it:${address.base}`,
    ]);

    // Run: Node and PHP, their runtimes from <base>run/.
    for (const label of ['Node', 'PHP']) {
      // Each run cancels a reserve of its own: the Send above cancelled the last one.
      const id = panel.locator('input[data-id]');
      const before = await id.inputValue();
      await panel.locator('button[data-action="new-reserve"]').click();
      await expect.poll(() => id.inputValue()).not.toBe(before);
      await page
        .locator('starlight-tabs', { has: page.locator('.example') })
        .getByRole('tab', { name: label, exact: true })
        .click();
      const runs = await page.evaluate(runsDone);
      await panel.locator('button[data-action="run"]').click();
      await page.waitForFunction(ranSince, runs, { timeout: 60_000 });
      const result = await page.evaluate(readRun);
      expect(result.exitCode, `${label}: ${result.status}\n${result.stderr}`).toBe(0);
    }
    expect(
      asked.filter((path) => path.startsWith(`${address.base}run/`)).length,
      'Run fetched its runtimes under the base',
    ).toBeGreaterThan(3);

    // Search (Pagefind): its index and a result's link. Starlight builds the box when the page is first idle.
    await page.locator('#starlight__search input').waitFor({ state: 'attached', timeout: 60_000 });
    await page.locator('site-search button[data-open-modal]').click();
    await page.locator('#starlight__search input').fill('cancel');
    const result = page.locator('#starlight__search .pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    expect(await result.evaluate((link) => new URL((link as HTMLAnchorElement).href).pathname)).toMatch(
      new RegExp(`^${address.base}[\\w/-]+/$`),
    );
    expect(asked.some((path) => path.startsWith(`${address.base}pagefind/`))).toBe(true);
    await page.keyboard.press('Escape');

    // The language picker: the same page in Spanish, under the base.
    const picker = page.locator('starlight-lang-select select').first();
    await Promise.all([page.waitForURL((url) => server.pathOf(url) === '/es/cancel-reserve/'), picker.selectOption({ label: 'Español' })]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');

    await page.waitForLoadState('load');
    await context.close();
    expect(asked.filter((path) => !`${path}/`.startsWith(address.base))).toEqual([]);
    expect(failed).toEqual([]);
    expect(left).toEqual([]);
    expect(problems).toEqual([]);
  });
});
