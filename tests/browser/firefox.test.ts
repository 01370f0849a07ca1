// The Try it panel and Run in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi), on the
// built site (`npm run build` first): Send answers from msw's Service Worker, each language that
// runs in the browser runs its tab's own program on every operation's page, and a run goes on
// while its page is hidden behind another tab — which headless Firefox, unlike headless
// Chromium, does report. The catcher is the browser's proxy: no connection may reach it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../examples/languages.ts';
import { findOperation, loadOperations } from '../../examples/operations.ts';
import { type StaticServer, serveStatic } from '../../scripts/static-server.ts';
import { type Catcher, codeTab, launchFirefox, startCatcher } from './firefox.ts';
import { expectDocumentedRun, type RunResult, ranSince, readRun, runsDone } from './run-helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');
// Every language that runs in Chromium runs in Firefox ESR too: no exceptions.
const RUNS = LANGUAGES.filter((language) => language.browser.runs);
// A cold Pyodide start takes Firefox 15–25 s on a loaded 2-core machine.
const RUN_TIMEOUT = 90_000;

let server: StaticServer;
let browser: Browser;
let catcher: Catcher;

interface Visit {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors. */
  problems: string[];
}

beforeAll(async () => {
  if (!existsSync(join(DIST, 'cancel-reserve', 'index.html')))
    throw new Error('dist/cancel-reserve/index.html is missing: run `npm run build` first');
  server = await serveStatic(DIST);
  catcher = await startCatcher();
  browser = await launchFirefox(catcher);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  catcher?.close();
});

/** A new browser context (nothing cached, no Service Worker yet), one page in it. */
async function open(path: string): Promise<Visit> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught on ${page.url()}: ${(error as Error).message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  await page.goto(`${server.url}${path}`);
  return { context, page, problems };
}

async function close(visit: Visit): Promise<void> {
  expect(visit.problems).toEqual([]);
  await visit.context.close();
}

const panelAttribute = (page: Page, name: string) =>
  page.evaluate((attribute) => document.querySelector('[data-try-it]')?.getAttribute(attribute) ?? null, name);

/** Clicks Send and waits for the answer on screen. */
async function send(page: Page) {
  const before = Number((await panelAttribute(page, 'data-answered')) ?? 0);
  // The request's part of the panel opens from its summary, as a reader opens it.
  await page.evaluate(() => {
    document.querySelector<HTMLDetailsElement>('[data-try-it] details.try-it__more')!.open = true;
  });
  await page.click('[data-try-it] button[data-action="send"]');
  await page.waitForFunction((n) => Number(document.querySelector('[data-try-it]')?.getAttribute('data-answered') ?? 0) > n, {}, before);
  return page.evaluate(() => {
    const box = document.querySelector('[data-try-it] [data-response]')!;
    return {
      status: Number(box.querySelector('[data-status]')!.textContent!.split(' ')[0]),
      json: JSON.parse(box.querySelector('[data-response-body]')!.textContent!) as {
        id?: number;
        status?: string;
        status_detail?: string;
        captured?: boolean;
        cause?: { code: number }[];
      },
      requestId: box.querySelector('[data-request-id]')!.textContent!,
      asExpected: box.querySelector('[data-check]')!.getAttribute('data-ok') === 'true',
    };
  });
}

/** Clicks Run and waits for the program's exit. */
async function run(page: Page): Promise<RunResult> {
  const before = await page.evaluate(runsDone);
  await page.click('[data-try-it] button[data-action="run"]');
  await page.waitForFunction(ranSince, { timeout: RUN_TIMEOUT }, before);
  return page.evaluate(readRun);
}

const sentByPage = (page: Page) =>
  page.evaluate(() => Number(document.querySelector<HTMLElement>('[data-run-console]')?.dataset.sentByPage ?? 0));

describe('the Try it panel in Firefox ESR', () => {
  it("sends the Python tab's cancel to msw's Service Worker: 200 cancelled, then 400 cause 2018", async () => {
    const visit = await open('/cancel-reserve/?lang=python');
    expect(await panelAttribute(visit.page, 'data-state'), 'nothing loaded before the click').toBeNull();
    const first = await send(visit.page);
    // Not the in-page fallback: msw's worker started in Firefox.
    expect(await panelAttribute(visit.page, 'data-sandbox')).toBe('service-worker');
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: 'cancelled', status_detail: 'by_collector', captured: false });
    expect(first.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.asExpected).toBe(true);
    const again = await send(visit.page);
    expect([again.status, again.json.cause?.[0]?.code]).toEqual([400, 2018]);
    await close(visit);
  });
});

describe.each(loadOperations().map((operation) => [operation.id, operation] as const))(
  'Run in Firefox ESR on the %s page',
  (_, operation) => {
    it.each(RUNS.map((language) => [language.label, language] as const))(
      "runs the %s tab's own program and prints the documented response, every request sent by the page",
      { timeout: RUN_TIMEOUT + 30_000 },
      async (_label, language) => {
        const visit = await open(`/${operation.id}/`);
        await (await codeTab(visit.page, language.label)).click();
        const result = await run(visit.page);
        expectDocumentedRun(result, operation, language);
        expect(await sentByPage(visit.page)).toBe(result.received.length);
        await close(visit);
      },
    );
  },
);

describe('a run while its page is hidden, in Firefox ESR', () => {
  // msw's Service Worker answers a Worker's or frame's request only while a page of the site is
  // visible (resolveMainClient); otherwise it passes it to the network, here the catcher. The
  // page sends each request itself (docs/lib/run/page-fetch.ts), so the run is answered anyway.
  // Python, because Pyodide's cold start leaves seconds between the click and its request.
  it('a Python run started on the Cancel page finishes, answered, after another tab has come to the front', {
    timeout: RUN_TIMEOUT + 30_000,
  }, async () => {
    const visit = await open('/cancel-reserve/');
    const { page } = visit;
    await (await codeTab(page, 'Python')).click();
    // The page's visibility each time it sends a request for the program.
    await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('[data-run-console]')!;
      const seen: string[] = [];
      (window as unknown as { sentWhile: string[] }).sentWhile = seen;
      new MutationObserver(() => seen.push(document.visibilityState)).observe(root, { attributeFilter: ['data-sent-by-page'] });
    });
    const before = await page.evaluate(runsDone);
    await page.click('[data-try-it] button[data-action="run"]');
    // The reader's other tab, in front (a blank one: no page of the site is visible).
    const other = await visit.context.newPage();
    await other.bringToFront();
    expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
    await page.waitForFunction(ranSince, { timeout: RUN_TIMEOUT }, before);
    const result = await page.evaluate(readRun);
    expectDocumentedRun(result, findOperation('cancel-reserve')!, LANGUAGES.find((l) => l.id === 'python')!);
    expect(await page.evaluate(() => (window as unknown as { sentWhile: string[] }).sentWhile)).toEqual(['hidden']);
    await close(visit);
  });
});

describe('nothing leaves Firefox', () => {
  it('no connection ever reached the catcher, the proxy for every host but the site', () => {
    expect(catcher.caught).toEqual([]);
  });
});
