// The built guide in a real browser (Debian's Chromium, headless): the code tabs, their syncing
// and memory, ?lang= links, the copy button, the console, and axe-core's accessibility rules.
// Run with `npm run test:browser` after `npm run build`. Writes reports/site.png (the top of the
// page), reports/site-full.png and reports/site-metrics.json (bytes transferred; not asserted).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNNERS } from '../../scripts/verify/languages.ts';
import { ROOT } from '../../scripts/verify/runner.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const DIST = join(ROOT, 'dist');
const REPORTS = join(ROOT, 'reports');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LABELS = RUNNERS.map((r) => r.title);
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: StaticServer;
let browser: Browser;
let pageUrl: string;
/** Console errors, uncaught exceptions and failed requests, from every page any test opens. */
const problems: string[] = [];

const fileText = (id: string, file: string) => readFile(join(ROOT, 'examples', 'cancel-reserve', id, file), 'utf8');

async function open(url = pageUrl, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()} on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
  page.on('requestfailed', (request) => {
    // ERR_ABORTED: a request cut short because the test navigated or closed the page.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  await page.goto(url);
  return { context, page };
}

/** The group of code tabs, and the "How to run" group synced with it. */
const codeTabs = (page: Page) => page.locator('starlight-tabs', { has: page.locator('.example') });
const runTabs = (page: Page) => page.locator('starlight-tabs', { has: page.locator('.run') });
const tabsOf = (group: Locator) => group.locator(':scope > .tablist-wrapper [role="tab"]');
const tab = (group: Locator, label: string) => group.getByRole('tab', { name: label, exact: true });

async function selectedLabel(group: Locator): Promise<string> {
  const selected = group.locator(':scope > .tablist-wrapper [role="tab"][aria-selected="true"]');
  expect(await selected.count()).toBe(1);
  return (await selected.textContent())!.trim();
}

/** The one visible panel of a group. */
async function visiblePanel(group: Locator): Promise<Locator> {
  const panels = group.locator(':scope > [role="tabpanel"]');
  const visible: number[] = [];
  for (let i = 0; i < (await panels.count()); i++) if (await panels.nth(i).isVisible()) visible.push(i);
  expect(visible, 'exactly one visible panel').toHaveLength(1);
  return panels.nth(visible[0]!);
}

/** The code a reader sees in a panel: each rendered line's text. */
const shownCode = (panel: Locator) =>
  panel.locator('pre').evaluate((pre) =>
    [...pre.querySelectorAll('.ec-line')].map((line) => (line.textContent === '\n' ? '' : line.textContent)).join('\n'),
  );

/**
 * Waits for Expressive Code's script, which makes a code block that scrolls sideways focusable
 * (a debounced ResizeObserver): every visible block either fits or is focusable.
 */
const settled = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('.expressive-code pre')]
      .filter((pre) => pre.offsetParent !== null)
      .every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
  );

beforeAll(async () => {
  if (!existsSync(join(DIST, 'cancel-reserve', 'index.html'))) {
    throw new Error('dist/cancel-reserve/index.html is missing: run `npm run build` first');
  }
  server = await serveStatic(DIST);
  pageUrl = `${server.url}/cancel-reserve/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Cancel reserve page in Chromium', () => {
  it('shows the seven code tabs in the seed\'s order, and the same seven in "How to run"', async () => {
    const { context, page } = await open();
    expect((await tabsOf(codeTabs(page)).allTextContents()).map((t) => t.trim())).toEqual(LABELS);
    expect((await tabsOf(runTabs(page)).allTextContents()).map((t) => t.trim())).toEqual(LABELS);
    expect(await selectedLabel(codeTabs(page))).toBe(LABELS[0]);
    await mkdir(REPORTS, { recursive: true });
    await page.locator('starlight-tabs').first().scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(REPORTS, 'site.png') });
    await page.screenshot({ path: join(REPORTS, 'site-full.png'), fullPage: true });
    await context.close();
  });

  it('shows in each tab exactly its example file, with the file name as the frame title', async () => {
    const { context, page } = await open();
    for (const runner of RUNNERS) {
      await tab(codeTabs(page), runner.title).click();
      const panel = await visiblePanel(codeTabs(page));
      expect(await panel.locator('.example').getAttribute('data-example')).toBe(runner.id);
      const file = await fileText(runner.id, runner.file);
      expect(await shownCode(panel), `${runner.title} tab`).toBe(file.replace(/\n$/, ''));
      expect((await panel.locator('figcaption .title').textContent())?.trim()).toBe(runner.file);
      expect(await panel.locator('.verified-line').textContent()).toMatch(/^\s*(Verified on .+ with .+|Not verified in this build.*)$/s);
    }
    await context.close();
  });

  it('switches every synced group on a click, and remembers the choice after a reload', async () => {
    const { context, page } = await open();
    await tab(codeTabs(page), 'Python').click();
    expect(await selectedLabel(codeTabs(page))).toBe('Python');
    expect(await selectedLabel(runTabs(page))).toBe('Python');
    expect(await (await visiblePanel(runTabs(page))).locator('.run').getAttribute('data-run')).toBe('python');

    await tab(runTabs(page), 'Java').click();
    expect(await selectedLabel(codeTabs(page))).toBe('Java');

    await page.reload();
    expect(await selectedLabel(codeTabs(page))).toBe('Java');
    expect(await selectedLabel(runTabs(page))).toBe('Java');
    expect(await (await visiblePanel(codeTabs(page))).locator('.example').getAttribute('data-example')).toBe('java');
    await context.close();
  });

  it('keeps Starlight\'s keyboard behaviour: arrow keys move the selection and focus, and sync', async () => {
    const { context, page } = await open();
    await tab(codeTabs(page), 'Ruby').focus();
    await page.keyboard.press('ArrowRight');
    expect(await selectedLabel(codeTabs(page))).toBe('C#');
    expect(await selectedLabel(runTabs(page))).toBe('C#');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('C#');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('csharp');
    await page.keyboard.press('End');
    expect(await selectedLabel(codeTabs(page))).toBe('curl');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('curl');
    expect(await tab(codeTabs(page), 'curl').getAttribute('tabindex')).toBeNull();
    expect(await tab(codeTabs(page), 'PHP').getAttribute('tabindex')).toBe('-1');
    await context.close();
  });

  it('opens the tab that ?lang= names, in any case and by common names', async () => {
    const cases: [string, string][] = [
      ['python', 'Python'],
      ['PYTHON', 'Python'],
      ['C%23', 'C#'],
      ['c%23', 'C#'],
      ['csharp', 'C#'],
      ['cs', 'C#'],
      ['JavaScript', 'Node'],
      ['js', 'Node'],
      ['node', 'Node'],
      ['rb', 'Ruby'],
      ['curl', 'curl'],
    ];
    for (const [value, label] of cases) {
      const { context, page } = await open(`${pageUrl}?lang=${value}`);
      expect(await selectedLabel(codeTabs(page)), `?lang=${value}`).toBe(label);
      expect(await selectedLabel(runTabs(page)), `?lang=${value}`).toBe(label);
      await context.close();
    }
    // Typed unencoded, "#" starts the fragment; the page still reads it as C#.
    const { context, page } = await open(`${pageUrl}?lang=c#`);
    expect(await selectedLabel(codeTabs(page))).toBe('C#');
    await context.close();
  });

  it('lets ?lang= win over the remembered choice; an unknown name leaves the choice alone', async () => {
    const { context, page } = await open();
    await tab(codeTabs(page), 'Ruby').click();
    await page.goto(`${pageUrl}?lang=python`);
    expect(await selectedLabel(codeTabs(page))).toBe('Python');
    await page.goto(`${pageUrl}?lang=JavaScript`);
    expect(await selectedLabel(codeTabs(page))).toBe('Node');
    await page.goto(`${pageUrl}?lang=cobol`);
    expect(await selectedLabel(codeTabs(page))).toBe('Node');
    await context.close();
  });

  it('puts the picked language in the address without reloading, so a link shares it', async () => {
    const { context, page } = await open(`${pageUrl}#before-you-start`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const historyLength = await page.evaluate(() => history.length);
    await tab(codeTabs(page), 'Java').click();
    let url = new URL(page.url());
    expect(url.searchParams.get('lang')).toBe('java');
    expect(url.hash).toBe('#before-you-start');
    await tab(runTabs(page), 'C#').click();
    url = new URL(page.url());
    expect(url.searchParams.get('lang')).toBe('csharp');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    await context.close();

    // The shared link opens on that language in a browser that never chose one.
    const other = await open(url.href);
    expect(await selectedLabel(codeTabs(other.page))).toBe('C#');
    await other.context.close();
  });

  it('copies exactly the example file with the copy button', async () => {
    const { context, page } = await open(pageUrl, { permissions: ['clipboard-read', 'clipboard-write'] });
    for (const runner of RUNNERS) {
      await tab(codeTabs(page), runner.title).click();
      const panel = await visiblePanel(codeTabs(page));
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await panel.locator('.copy button').click();
      await page.waitForFunction(() => navigator.clipboard.readText().then((text) => text !== ''));
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied, `${runner.title} copy button`).toBe(await fileText(runner.id, runner.file));
    }
    await context.close();
  });

  it('has no accessibility violations by axe-core, in light and dark, on every tab and on the landing page', async () => {
    const found: string[] = [];
    for (const [colorScheme, viewport] of [
      ['light', { width: 1280, height: 900 }],
      ['dark', { width: 1280, height: 900 }],
      ['light', { width: 375, height: 740 }],
    ] as const) {
      const { context, page } = await open(pageUrl, { colorScheme, viewport });
      await page.addScriptTag({ content: axeSource });
      for (const label of LABELS) {
        await tab(codeTabs(page), label).click();
        await settled(page);
        const results = await page.evaluate(() =>
          (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
            resultTypes: ['violations'],
          }),
        );
        for (const v of results.violations) found.push(`${colorScheme} ${viewport.width}px / ${label}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
      await page.goto(`${server.url}/`);
      await settled(page);
      await page.addScriptTag({ content: axeSource });
      const landing = await page.evaluate(() =>
        (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; help: string }[] }> } }).axe.run(document, {
          resultTypes: ['violations'],
        }),
      );
      for (const v of landing.violations) found.push(`${colorScheme} ${viewport.width}px / landing: ${v.id} (${v.help})`);
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it('records what the page costs to load (reports/site-metrics.json; not asserted)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const responses: { url: string; type: string; bytes: Promise<number> }[] = [];
    page.on('response', (response) => {
      const request = response.request();
      responses.push({
        url: response.url(),
        type: request.resourceType(),
        bytes: request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize),
      });
    });
    await page.goto(pageUrl, { waitUntil: 'networkidle' });
    const rows = await Promise.all(responses.map(async (r) => ({ url: r.url.replace(server.url, ''), type: r.type, bytes: await r.bytes })));
    const inlineScriptBytes = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')].reduce((sum, s) => sum + new TextEncoder().encode(s.textContent ?? '').length, 0),
    );
    const metrics = {
      page: '/cancel-reserve/',
      note: 'Bytes transferred (headers + body as sent: the test server compresses text with brotli, as a host would), first visit, empty cache.',
      requests: rows.length,
      totalBytes: rows.reduce((sum, r) => sum + r.bytes, 0),
      scriptBytes: rows.filter((r) => r.type === 'script').reduce((sum, r) => sum + r.bytes, 0),
      inlineScriptBytes,
      resources: rows,
    };
    await writeFile(join(REPORTS, 'site-metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    console.log(`site metrics: ${metrics.requests} requests, ${metrics.totalBytes} bytes, ${metrics.scriptBytes} bytes of JavaScript files, ${inlineScriptBytes} bytes of inline scripts`);
    await context.close();
  });

  it('logged no console errors or warnings, no uncaught exceptions and no failed requests', () => {
    expect(problems).toEqual([]);
  });
});
