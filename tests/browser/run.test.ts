// Run, in Debian's Chromium, on the built site (`npm run build` first): each operation's page
// runs every tab the language table marks `browser.runs` in the browser against the page's
// sandbox and prints what the verifier saw them print; the editable ones run the reader's edit;
// the other tabs say why they do not run. The API's host resolves to a catcher that counts
// connections: none may reach it, not even after a Service Worker update (the hidden page is
// staged in tests/browser/firefox.test.ts: Playwright's Chromium reports every page visible).
import { readFileSync } from 'node:fs';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../examples/languages.ts';
import { loadOperations } from '../../examples/operations.ts';
import { type StaticServer, serveStatic } from '../../scripts/static-server.ts';
import { axeViolations } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { expectDocumentedRun, type RunResult, ranSince, readRun, runsDone } from './run-helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = LANGUAGES.filter((language) => language.browser.runs);
const REPLAYS = LANGUAGES.filter((language) => !language.browser.runs);
const EDITABLE = RUNS.filter((language) => language.browser.editable);
const RUN_ONLY = RUNS.filter((language) => !language.browser.editable);

/**
 * A first line that prints a word, per language: the edit under test. PHP prints text before
 * its `<?php` as it is, so a bare line is its edit.
 */
const PRINT_FIRST: Record<string, string> = {
  python: 'print("edited in the browser")',
  node: 'console.log("edited in the browser");',
  curl: 'echo "edited in the browser"',
  ruby: 'puts "edited in the browser"',
  php: 'edited in the browser',
};

let server: StaticServer;
let browser: Browser;
let catcher: Server;
let caught = 0;

beforeAll(async () => {
  server = await serveStatic(join(ROOT, 'dist'));
  // Anything that left the browser for api.mercadopago.com would connect here.
  catcher = createServer((socket) => {
    caught++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
  const port = (catcher.address() as { port: number }).port;
  browser = await launchChromium([`--host-resolver-rules=MAP api.mercadopago.com 127.0.0.1:${port}`]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  catcher?.close();
});

async function openPage(operation: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/${operation}/`);
  return page;
}

const codeTab = (page: Page, label: string) =>
  page.locator('starlight-tabs', { has: page.locator('.example') }).getByRole('tab', { name: label, exact: true });
const runButton = (page: Page) => page.locator('[data-try-it] button[data-action="run"]');

/** Clicks Run and waits for the program's exit; what it printed on stdout and stderr, and its status. */
async function run(page: Page): Promise<RunResult> {
  const runs = await page.evaluate(runsDone);
  await runButton(page).click();
  await page.waitForFunction(ranSince, runs, { timeout: 30_000 });
  return page.evaluate(readRun);
}

describe.each(loadOperations().map((operation) => [operation.id, operation] as const))('Run on the %s page', (_, operation) => {
  it.each(RUNS.map((language) => [language.label, language] as const))(
    "runs the %s tab's own program in the browser and prints the documented response",
    async (_label, language) => {
      const page = await openPage(operation.id);
      await codeTab(page, language.label).click();
      expectDocumentedRun(await run(page), operation, language);
      await page.context().close();
    },
  );
});

const editor = (page: Page) => page.locator('[data-run-code] textarea');

/** Opens the editor on the selected tab and waits for the file and its colours. */
async function openEditor(page: Page): Promise<void> {
  await page.locator('[data-try-it] button[data-action="edit"]').click();
  await page.waitForSelector('[data-run-code][data-highlighted]');
}

describe('editing a program before running it', () => {
  it.each(EDITABLE.map((language) => [language.label, language] as const))(
    '%s: the edit runs, the page says so, and "Back to the verified file" brings the file back',
    async (_label, language) => {
      const page = await openPage('cancel-reserve');
      await codeTab(page, language.label).click();
      await openEditor(page);
      const file = readFileSync(join(ROOT, 'examples', 'cancel-reserve', language.id, language.program('cancel-reserve')), 'utf8');
      expect(await editor(page).inputValue(), 'the editor opens on the tab’s file').toBe(file);
      const notice = page.locator('[data-run-edited]');
      expect(await notice.isVisible()).toBe(false);
      await editor(page).press('Control+Home');
      await editor(page).pressSequentially(`${PRINT_FIRST[language.id]}\n`);
      await expect.poll(() => notice.isVisible(), { message: 'shown as soon as the text differs' }).toBe(true);
      const edited = await run(page);
      expect(edited.exitCode, edited.stderr).toBe(0);
      expect(edited.stdout.startsWith('edited in the browser\n'), edited.stdout.slice(0, 80)).toBe(true);
      expect(JSON.parse(edited.stdout.slice('edited in the browser\n'.length)).status).toBe('cancelled');
      expect(edited.status).toContain('It ran your edit, not the verified file.');
      await page.getByRole('button', { name: 'Back to the verified file' }).click();
      expect(await editor(page).inputValue()).toBe(file);
      expect(await notice.isVisible()).toBe(false);
      // The run used its reserve up: this one gets a new one, as each verifier run does.
      const verified = await run(page);
      expect(verified.exitCode, verified.stderr).toBe(0);
      expect(JSON.parse(verified.stdout).status).toBe('cancelled');
      expect(verified.status).not.toContain('your edit');
      await page.context().close();
    },
  );

  it.each(RUN_ONLY.map((language) => [language.label] as const))('%s, compiled, runs only its published build: no Edit', async (label) => {
    const page = await openPage('cancel-reserve');
    await codeTab(page, label).click();
    await expect.poll(() => runButton(page).isVisible()).toBe(true);
    expect(await page.locator('[data-try-it] button[data-action="edit"]').isVisible()).toBe(false);
    await page.context().close();
  });

  it('keeps an edit in this page only: a reload shows the verified file again', async () => {
    const page = await openPage('cancel-reserve');
    await codeTab(page, 'Python').click();
    await openEditor(page);
    await editor(page).press('Control+Home');
    await editor(page).pressSequentially('import this\n');
    await page.reload();
    await codeTab(page, 'Python').click();
    await openEditor(page);
    expect((await editor(page).inputValue()).startsWith('import this')).toBe(false);
    expect(await page.locator('[data-run-edited]').isVisible()).toBe(false);
    await page.context().close();
  });

  it('follows the code tabs: the editor shows the tab now selected, and closes for a tab that cannot be edited', async () => {
    const page = await openPage('cancel-reserve');
    await codeTab(page, 'Python').click();
    await openEditor(page);
    await codeTab(page, 'curl').click();
    await expect.poll(() => editor(page).inputValue()).toMatch(/^#!\/usr\/bin\/env bash/);
    await codeTab(page, 'Go').click();
    await expect.poll(() => editor(page).isVisible()).toBe(false);
    expect(await page.locator('[data-try-it] button[data-action="edit"]').isVisible()).toBe(false);
    await page.context().close();
  });

  it('has no accessibility violations with the editor open and a run on screen (axe-core), light and dark', async () => {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
      const page = await context.newPage();
      await page.goto(`${server.url}/cancel-reserve/`);
      await codeTab(page, 'Python').click();
      await openEditor(page);
      await run(page);
      found.push(...(await axeViolations(page, colorScheme, '[data-try-it]')));
      await context.close();
    }
    expect(found).toEqual([]);
  });
});

describe("the program's environment", () => {
  it('is the verifier’s, with this sandbox’s values, and the reader may change one: an unknown PAYMENT_ID makes the program fail as the API would', async () => {
    const page = await openPage('capture-reserve');
    await codeTab(page, 'Node').click();
    const first = await run(page);
    expect(first.exitCode, first.stderr).toBe(0);
    const env = page.locator('[data-run-env]');
    await env.locator('summary').click();
    const names = await env.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).dataset.name));
    expect(names).toEqual(['MERCADOPAGO_ACCESS_TOKEN', 'PAYMENT_ID']);
    // The run captured its reserve: the field now holds the new one the page made.
    const fresh = await env.locator('input[data-name="PAYMENT_ID"]').inputValue();
    expect(first.received[0]).not.toContain(fresh);
    await env.locator('input[data-name="PAYMENT_ID"]').fill('1');
    const failed = await run(page);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toMatch(/404/);
    expect(failed.received).toEqual([expect.stringMatching(/^PUT \/v1\/payments\/1 → 404$/)]);
    await page.context().close();
  });
});

describe('the closed console', () => {
  it('takes a line or two under the tabs before it is used, and loads nothing', async () => {
    const page = await openPage('cancel-reserve');
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/run/')) scripts.push(request.url());
    });
    const height = (await page.locator('[data-try-it]').boundingBox())!.height;
    // The bar (title, Run, Edit) and the request's summary, with the panel's padding: 127 px on
    // Chromium at 1280 px, where the open panel took about 1,480.
    expect(height).toBeLessThan(160);
    expect(await page.locator('details.try-it__more').getAttribute('open')).toBeNull();
    expect(scripts).toEqual([]);
    await page.context().close();
  });
});

describe('the tabs that do not run in the browser', () => {
  it.each(REPLAYS.map((language) => [language.label, language] as const))('%s: no Run button, and a line that says why', async (label) => {
    const page = await openPage('cancel-reserve');
    await codeTab(page, label).click();
    await expect.poll(() => runButton(page).isVisible()).toBe(false);
    const why = page.locator(`.try-it__run-why[data-lang]`).filter({ visible: true });
    await expect.poll(() => why.count()).toBe(1);
    expect(await why.textContent()).toMatch(new RegExp(`^The ${label.replace('#', '\\#')} tab `));
    await page.context().close();
  });
});

describe('nothing leaves the browser', () => {
  // A program runs in a Worker or a frame. msw's Service Worker answers those only while a page
  // of the site is visible (mockServiceWorker.js, resolveMainClient), but answers the page that
  // started it always: so every request a program makes is sent by the page
  // (docs/lib/run/page-fetch.ts). Headless Chromium reports every page visible, so the hidden
  // case itself cannot be staged here (firefox.test.ts stages it); this checks that nothing takes another way.
  it.each(RUNS.map((language) => [language.label] as const))('every request the %s program made was sent by the page', async (label) => {
    const page = await openPage('cancel-reserve');
    await codeTab(page, label).click();
    const result = await run(page);
    expect(result.exitCode, result.stderr).toBe(0);
    const sentByPage = Number(await page.locator('[data-run-console]').getAttribute('data-sent-by-page'));
    expect(result.received.length).toBeGreaterThan(0);
    expect(sentByPage).toBe(result.received.length);
    await page.context().close();
  });

  it('offers no run where the sandbox cannot be a Service Worker, and says why', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${server.url}/cancel-reserve/`);
    await codeTab(page, 'Node').click();
    const result = await run(page);
    expect(result.status).toMatch(/^Run needs this page’s sandbox in a Service Worker/);
    expect(result.received).toEqual([]);
    await context.close();
  });

  it('sends nothing while a new version of the Service Worker takes the page over, and runs again once the sandbox is back in it', async () => {
    // A copy of the site whose worker script changes under the open page, as a deploy changes it.
    const site = await mkdtemp(join(tmpdir(), 'run-sw-update-'));
    await cp(join(ROOT, 'dist'), site, { recursive: true });
    const updating = await serveStatic(site);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${updating.url}/cancel-reserve/`);
    await codeTab(page, 'Node').click();
    expect((await run(page)).exitCode).toBe(0);
    await appendFile(join(site, 'mockServiceWorker.js'), '\n// the next version\n');
    const swapped = await page.evaluate(async () => {
      const changed = new Promise<boolean>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true)));
      await (await navigator.serviceWorker.getRegistration())!.update();
      return Promise.race([changed, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]);
    });
    expect(swapped, 'the new worker took the page over').toBe(true);
    const during = await run(page);
    // Either the sandbox was already back in the new worker, or the page said why it sent nothing.
    if (during.exitCode !== 0) expect(during.status).toMatch(/^A new version of this site’s sandbox is taking this page over/);
    await expect.poll(async () => (await run(page)).exitCode, { timeout: 20_000 }).toBe(0);
    await context.close();
    await updating.close();
    await rm(site, { recursive: true, force: true });
  });

  it('no connection ever reached the API host', () => {
    expect(caught).toBe(0);
  });
});
