// The built guide in a real browser (Debian's Chromium, headless): every operation page's code
// tabs and their files, the tabs' syncing and memory, ?lang= links, the copy button, the
// Verification page's links, axe-core's accessibility rules in light and dark, a phone's screen,
// layout shift on a slow first visit, and a clean console throughout.
// Run with `npm run test:browser` after `npm run build`. Writes reports/site.png (the top of the
// Cancel page), reports/site-full.png, reports/site-phone.png and reports/site-metrics.json.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../examples/languages.ts';
import { loadOperations } from '../../examples/operations.ts';
import { type StaticServer, serveStatic } from '../../scripts/static-server.ts';
import { REPORT_FILE, type Report, ReportSchema } from '../../scripts/verify/report-schema.ts';
import { ROOT } from '../../scripts/verify/runner.ts';
import { axeViolations } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { type FirstVisit, firstVisit, SLOW_NETWORK } from './first-visit.ts';

/** The built site: dist/, or another build's folder (SITE_DIST). */
const DIST = process.env.SITE_DIST ?? join(ROOT, 'dist');
const REPORTS = join(ROOT, 'reports');
const OPERATIONS = loadOperations();
const LABELS = LANGUAGES.map((l) => l.label);
/** Every page of the site, by path. */
const PAGES = ['/', ...OPERATIONS.map((op) => `/${op.id}/`), '/verification/'];
const CANCEL = '/cancel-reserve/';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Layout shift a first visit may show at most. */
const CLS_LIMIT = 0.02;

let server: StaticServer;
let browser: Browser;
/** The report the site was built from; undefined when there is none. One that does not parse fails the run. */
let report: Report | undefined;
/** Console errors and warnings, uncaught exceptions and failed requests, from every page any test opens. */
const problems: string[] = [];

const url = (path: string) => `${server.url}${path}`;
const programPath = (operation: string, language: Language) => `examples/${operation}/${language.id}/${language.program(operation)}`;
const fileText = (operation: string, language: Language) => readFile(join(ROOT, programPath(operation, language)), 'utf8');

/** Whether the report lets the site call this file verified: a passing run of these exact bytes. */
async function provablyVerified(operation: string, language: Language): Promise<boolean> {
  const entry = report?.results.find((r) => r.operation === operation && r.language === language.id);
  if (entry?.result !== 'passed') return false;
  const sha256 = createHash('sha256')
    .update(await readFile(join(ROOT, programPath(operation, language))))
    .digest('hex');
  return entry.sha256 === sha256;
}

function watch(page: Page): void {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console ${message.type()} on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
  page.on('requestfailed', (request) => {
    // ERR_ABORTED: a request cut short because the test navigated or closed the page.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
}

async function open(path = CANCEL, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: DESKTOP, ...options });
  const page = await context.newPage();
  watch(page);
  await page.goto(path.startsWith('http') ? path : url(path));
  return { context, page };
}

/** The group of code tabs, and the "How to run" group synced with it. */
const codeTabs = (page: Page) => page.locator('starlight-tabs', { has: page.locator('.example') });
const runTabs = (page: Page) => page.locator('starlight-tabs', { has: page.locator('.run') });
const tabsOf = (group: Locator) => group.locator(':scope > .tablist-wrapper [role="tab"]');
const tab = (group: Locator, label: string) => group.getByRole('tab', { name: label, exact: true });
const labelsOf = async (group: Locator) => (await tabsOf(group).allTextContents()).map((t) => t.trim());

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

/** An element's text with its whitespace collapsed, as a reader sees it. */
const text = (content: string | null) => (content ?? '').replace(/\s+/g, ' ').trim();

/** The code a reader sees in a panel: each rendered line's text. */
const shownCode = (panel: Locator) =>
  panel
    .locator('pre')
    .evaluate((pre) => [...pre.querySelectorAll('.ec-line')].map((line) => (line.textContent === '\n' ? '' : line.textContent)).join('\n'));

/**
 * Waits for Expressive Code's script, which keeps a code block focusable only while it scrolls
 * sideways: it takes tabindex off the blocks in hidden tabs, and puts it back a moment (a
 * debounced ResizeObserver) after a tab is shown. Every visible block either fits or is focusable.
 */
const settled = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('.expressive-code pre')]
      .filter((pre) => pre.offsetParent !== null)
      .every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
  );

beforeAll(async () => {
  if (!existsSync(join(DIST, 'cancel-reserve', 'index.html'))) {
    throw new Error(`${DIST}/cancel-reserve/index.html is missing: run \`npm run build\` first`);
  }
  const reportFile = join(ROOT, REPORT_FILE);
  // A report the site cannot read makes it claim nothing, silently: here that is a failure.
  if (existsSync(reportFile)) report = ReportSchema.parse(JSON.parse(await readFile(reportFile, 'utf8')));
  server = await serveStatic(DIST);
  browser = await launchChromium();
  await mkdir(REPORTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(OPERATIONS.map((op) => [op.id] as const))('the %s page', (id) => {
  it('has the eight code tabs in the pages\' order, and the same eight in "How to run", the first one chosen', async () => {
    const { context, page } = await open(`/${id}/`);
    expect(await labelsOf(codeTabs(page))).toEqual(LABELS);
    expect(await labelsOf(runTabs(page))).toEqual(LABELS);
    expect(await selectedLabel(codeTabs(page))).toBe(LABELS[0]);
    expect(await selectedLabel(runTabs(page))).toBe(LABELS[0]);
    if (`/${id}/` === CANCEL) {
      await page.screenshot({ path: join(REPORTS, 'site.png') });
      await page.screenshot({ path: join(REPORTS, 'site-full.png'), fullPage: true });
    }
    await context.close();
  });

  it("shows in each tab exactly its example file, its name as the frame's title, and the line the report allows", async () => {
    const { context, page } = await open(`/${id}/`);
    for (const language of LANGUAGES) {
      await tab(codeTabs(page), language.label).click();
      const panel = await visiblePanel(codeTabs(page));
      expect(await panel.locator('.example').getAttribute('data-example')).toBe(language.id);
      const file = await fileText(id, language);
      expect(await shownCode(panel), `${language.label} tab`).toBe(file.replace(/\n$/, ''));
      expect((await panel.locator('figcaption .title').textContent())?.trim()).toBe(language.program(id));
      const line = text(await panel.locator('.verified-line').textContent());
      if (await provablyVerified(id, language))
        expect(line, `${id} · ${language.label}`).toMatch(/^Verified on \d{1,2} [A-Z][a-z]+ \d{4} with \S/);
      else expect(line, `${id} · ${language.label}`).toMatch(/^Not verified in this build\b/);
    }
    await context.close();
  });

  it("links Expressive Code's stylesheet before its first code block, so no block paints unstyled", async () => {
    const { context, page } = await open(`/${id}/`);
    const order = await page.evaluate(() => {
      const link = document.querySelector('link[rel="stylesheet"][href*="/ec."]');
      const block = document.querySelector('.expressive-code');
      return link && block ? link.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order, 'the ec.*.css link precedes the first .expressive-code').toBeTruthy();
    await context.close();
  });
});

describe('the Cancel reserve page', () => {
  it('switches every synced group on a click, and remembers the choice after a reload', async () => {
    const { context, page } = await open();
    await tab(codeTabs(page), 'Python').click();
    expect(await selectedLabel(codeTabs(page))).toBe('Python');
    expect(await selectedLabel(runTabs(page))).toBe('Python');
    expect(await (await visiblePanel(runTabs(page))).locator('.run').getAttribute('data-run')).toBe('python');

    await tab(runTabs(page), 'Go').click();
    expect(await selectedLabel(codeTabs(page))).toBe('Go');

    await page.reload();
    expect(await selectedLabel(codeTabs(page))).toBe('Go');
    expect(await selectedLabel(runTabs(page))).toBe('Go');
    expect(await (await visiblePanel(codeTabs(page))).locator('.example').getAttribute('data-example')).toBe('go');
    await context.close();
  });

  it("keeps Starlight's keyboard behaviour: arrow keys move the selection and focus, and sync", async () => {
    const { context, page } = await open();
    await tab(codeTabs(page), 'Ruby').focus();
    await page.keyboard.press('ArrowRight');
    expect(await selectedLabel(codeTabs(page))).toBe('C#');
    expect(await selectedLabel(runTabs(page))).toBe('C#');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('C#');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('csharp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await selectedLabel(codeTabs(page))).toBe('Go');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('go');
    await page.keyboard.press('End');
    expect(await selectedLabel(codeTabs(page))).toBe('curl');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('curl');
    expect(await tab(codeTabs(page), 'curl').getAttribute('tabindex')).toBeNull();
    expect(await tab(codeTabs(page), 'PHP').getAttribute('tabindex')).toBe('-1');
    await page.keyboard.press('Home');
    expect(await selectedLabel(runTabs(page))).toBe('PHP');
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
      ['go', 'Go'],
      ['golang', 'Go'],
      ['GoLang', 'Go'],
      ['curl', 'curl'],
    ];
    // Every language's id and label open its tab too.
    for (const language of LANGUAGES) cases.push([language.id, language.label], [encodeURIComponent(language.label), language.label]);
    const { context, page } = await open();
    for (const [value, label] of new Map(cases)) {
      await page.goto(url(`${CANCEL}?lang=${value}`));
      expect(await selectedLabel(codeTabs(page)), `?lang=${value}`).toBe(label);
      expect(await selectedLabel(runTabs(page)), `?lang=${value}`).toBe(label);
    }
    await context.close();
    // Typed unencoded, "#" starts the fragment; the page still reads it as C#.
    const typed = await open(`${CANCEL}?lang=c#`);
    expect(await selectedLabel(codeTabs(typed.page))).toBe('C#');
    await typed.context.close();
  });

  it('lets ?lang= win over the remembered choice; an unknown name leaves the choice alone', async () => {
    const { context, page } = await open();
    await tab(codeTabs(page), 'Ruby').click();
    await page.goto(url(`${CANCEL}?lang=golang`));
    expect(await selectedLabel(codeTabs(page))).toBe('Go');
    await page.goto(url(`${CANCEL}?lang=JavaScript`));
    expect(await selectedLabel(codeTabs(page))).toBe('Node');
    await page.goto(url(`${CANCEL}?lang=cobol`));
    expect(await selectedLabel(codeTabs(page))).toBe('Node');
    await context.close();
  });

  it('puts the picked language in the address without reloading, so a link shares it', async () => {
    const { context, page } = await open(`${CANCEL}#before-you-start`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const historyLength = await page.evaluate(() => history.length);
    await tab(codeTabs(page), 'Java').click();
    let address = new URL(page.url());
    expect(address.searchParams.get('lang')).toBe('java');
    expect(address.hash).toBe('#before-you-start');
    await tab(runTabs(page), 'Go').click();
    address = new URL(page.url());
    expect(address.searchParams.get('lang')).toBe('go');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    await context.close();

    // The shared link opens on that language in a browser that never chose one.
    const other = await open(address.href);
    expect(await selectedLabel(codeTabs(other.page))).toBe('Go');
    await other.context.close();
  });

  it('copies exactly the example file with the copy button', async () => {
    const { context, page } = await open(CANCEL, { permissions: ['clipboard-read', 'clipboard-write'] });
    for (const language of LANGUAGES) {
      await tab(codeTabs(page), language.label).click();
      const panel = await visiblePanel(codeTabs(page));
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await panel.locator('.copy button').click();
      await page.waitForFunction(() => navigator.clipboard.readText().then((text) => text !== ''));
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied, `${language.label} copy button`).toBe(await fileText('cancel-reserve', language));
    }
    await context.close();
  });
});

describe('the Verification page', () => {
  it('has a result in every cell, "Verified" exactly where the report has a passing run of those bytes', async () => {
    const { context, page } = await open('/verification/');
    const cells = page.locator('td[data-operation]');
    expect(await cells.count()).toBe(OPERATIONS.length * LANGUAGES.length);
    for (const operation of OPERATIONS) {
      for (const language of LANGUAGES) {
        const cell = page.locator(`td[data-operation="${operation.id}"][data-language="${language.id}"]`);
        const where = `${operation.id} × ${language.id}`;
        expect(await cell.count(), where).toBe(1);
        const result = text(await cell.locator('.matrix__result').textContent());
        const verified = await provablyVerified(operation.id, language);
        expect(await cell.getAttribute('data-verified'), where).toBe(String(verified));
        if (verified) expect(result, where).toBe('Verified');
        else expect(result, where).toMatch(/^(Failed|Not verified)$/);
        expect(text(await cell.textContent()).length, where).toBeGreaterThan(result.length);
      }
    }
    await context.close();
  });

  it("opens a cell's page on that cell's tab", async () => {
    const { context, page } = await open('/verification/');
    for (const operation of OPERATIONS) {
      for (const language of LANGUAGES) {
        const href = await page.locator(`td[data-operation="${operation.id}"][data-language="${language.id}"] a`).getAttribute('href');
        expect(href).toBe(`../${operation.id}/?lang=${language.id}`);
      }
    }
    // Followed: a cell of every language, and of every operation.
    const clicks = LANGUAGES.map((language, i) => ({ language, operation: OPERATIONS[i % OPERATIONS.length]! }));
    for (const { operation, language } of clicks) {
      const where = `${operation.id} × ${language.id}`;
      await page.locator(`td[data-operation="${operation.id}"][data-language="${language.id}"] a`).click();
      await page.waitForURL((address) => server.pathOf(address) === `/${operation.id}/`);
      expect(new URL(page.url()).searchParams.get('lang'), where).toBe(language.id);
      expect(await selectedLabel(codeTabs(page)), where).toBe(language.label);
      expect(await selectedLabel(runTabs(page)), where).toBe(language.label);
      expect(await (await visiblePanel(codeTabs(page))).locator('.example').getAttribute('data-example'), where).toBe(language.id);
      await page.goBack();
      await page.waitForURL((address) => server.pathOf(address) === '/verification/');
    }
    await context.close();
  });

  const matrixRegion = (page: Page) => page.getByRole('region', { name: 'Verification of every example, by operation and language' });

  it(`shows the whole matrix at ${DESKTOP.width}px, every language's column in sight, in a focusable, named region`, async () => {
    const { context, page } = await open('/verification/');
    const region = matrixRegion(page);
    await region.focus();
    expect(await region.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await region.evaluate((element) => element.scrollWidth <= element.clientWidth), 'no sideways scroll').toBe(true);
    const box = (await region.boundingBox())!;
    const headers = page.locator('.matrix thead th');
    expect(await headers.allTextContents()).toEqual(['Operation', ...LABELS]);
    for (const header of await headers.all()) {
      const cell = (await header.boundingBox())!;
      expect(cell.x + cell.width, (await header.textContent()) ?? '').toBeLessThanOrEqual(box.x + box.width + 0.5);
    }
    await context.close();
  });

  it(`on a phone (${PHONE.width}px), shows each operation over its cells, each cell naming its language, none past the screen`, async () => {
    const { context, page } = await open('/verification/', { viewport: PHONE });
    const region = matrixRegion(page);
    await region.focus();
    expect(await region.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await region.evaluate((element) => element.scrollWidth <= element.clientWidth), 'no sideways scroll').toBe(true);
    for (const operation of OPERATIONS) {
      const name = (await page.locator(`tr:has(td[data-operation="${operation.id}"]) th[scope="row"]`).boundingBox())!;
      for (const language of LANGUAGES) {
        const cell = page.locator(`td[data-operation="${operation.id}"][data-language="${language.id}"]`);
        const where = `${operation.id} × ${language.id}`;
        const box = (await cell.boundingBox())!;
        expect(box.x, where).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, where).toBeLessThanOrEqual(PHONE.width);
        expect(box.y, `${where} under its operation's name`).toBeGreaterThan(name.y);
        const label = cell.locator('.matrix__language');
        expect(await label.isVisible(), where).toBe(true);
        expect(text(await label.textContent()), where).toBe(language.label);
      }
    }
    await context.close();
  });

  it(`names no cell's language at ${DESKTOP.width}px, where the column says it`, async () => {
    const { context, page } = await open('/verification/');
    expect(
      await page
        .locator('.matrix__language')
        .evaluateAll((labels) => labels.filter((l) => (l as HTMLElement).offsetParent !== null).length),
    ).toBe(0);
    await context.close();
  });
});

describe.each(['light', 'dark'] as const)('accessibility (axe-core) in %s', (colorScheme) => {
  it.each(PAGES)('finds no violations on %s', async (path) => {
    const { context, page } = await open(path, { colorScheme });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
    const found = await axeViolations(page, `${colorScheme} ${path}`);
    await context.close();
    expect(found).toEqual([]);
  });

  it('finds no violations on any tab of the Cancel page', async () => {
    const found: string[] = [];
    const { context, page } = await open(CANCEL, { colorScheme });
    for (const label of LABELS.slice(1)) {
      await tab(codeTabs(page), label).click();
      await settled(page);
      found.push(...(await axeViolations(page, `${colorScheme} ${CANCEL} ${label} tab`)));
    }
    await context.close();
    expect(found).toEqual([]);
  });
});

describe('accessibility (axe-core) on a phone', () => {
  it.each(PAGES)('finds no violations on %s', async (path) => {
    const { context, page } = await open(path, { viewport: PHONE });
    const found = await axeViolations(page, `phone ${path}`);
    await context.close();
    expect(found).toEqual([]);
  });
});

describe(`on a phone (${PHONE.width}×${PHONE.height})`, () => {
  it('no page is wider than the screen', async () => {
    const { context, page } = await open('/', { viewport: PHONE });
    for (const path of PAGES) {
      await page.goto(url(path));
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, `${path} is wider than the screen`).toBeLessThanOrEqual(clientWidth);
    }
    await context.close();
  });

  it('shows the site title whole: nothing of what it shows is cut off', async () => {
    const { context, page } = await open(CANCEL, { viewport: PHONE });
    const title = await page.evaluate(() => {
      const link = document.querySelector<HTMLElement>('.site-title')!;
      const text = link.querySelector<HTMLElement>(':scope > span[translate="no"]')!;
      const wrapper = link.closest<HTMLElement>('.title-wrapper') ?? link;
      const box = (element: Element) => element.getBoundingClientRect().toJSON() as DOMRect;
      // What is painted: the text, less any part that is visually hidden (clipped to 1px).
      const painted = [...text.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE || (node instanceof HTMLElement && node.getBoundingClientRect().width > 1))
        .map((node) => node.textContent)
        .join('')
        .trim();
      return {
        painted,
        name: link.textContent?.replace(/\s+/g, ' ').trim(),
        textOverflows: text.scrollWidth > text.clientWidth,
        text: box(text),
        wrapper: box(wrapper),
        viewportWidth: document.documentElement.clientWidth,
      };
    });
    expect(title.name).toBe('Verified docs · Mercado Pago Payments');
    expect(title.painted.length).toBeGreaterThan(0);
    expect(title.textOverflows, `the title "${title.painted}" is cut off`).toBe(false);
    expect(title.text.left).toBeGreaterThanOrEqual(title.wrapper.left - 0.5);
    expect(title.text.right).toBeLessThanOrEqual(title.wrapper.right + 0.5);
    expect(title.text.right).toBeLessThanOrEqual(title.viewportWidth);
    await page.screenshot({ path: join(REPORTS, 'site-phone.png') });
    await context.close();
  });

  it('keeps a long line of code on one line, in a block that a keyboard can focus and scroll sideways', async () => {
    // The Cancel page's longest line, and the tab that has it.
    const files = await Promise.all(
      LANGUAGES.map(async (language) => ({ language, lines: (await fileText('cancel-reserve', language)).split('\n') })),
    );
    const longest = files
      .flatMap(({ language, lines }) => lines.map((line) => ({ language, line })))
      .reduce((a, b) => (b.line.length > a.line.length ? b : a));
    const { context, page } = await open(`${CANCEL}?lang=${longest.language.id}`, { viewport: PHONE });
    const panel = await visiblePanel(codeTabs(page));
    const pre = panel.locator('pre');
    const line = await pre.evaluate((element, text) => {
      const found = [...element.querySelectorAll<HTMLElement>('.ec-line')].find((l) => l.textContent === text);
      if (!found) return undefined;
      return {
        height: found.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(found.querySelector('.code') ?? found).lineHeight),
      };
    }, longest.line);
    expect(line, `the ${longest.language.label} tab shows the line ${JSON.stringify(longest.line)}`).toBeDefined();
    expect(line!.height).toBeCloseTo(line!.lineHeight, 0);

    const box = await pre.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      tabIndex: element.tabIndex,
    }));
    expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
    expect(box.tabIndex).toBe(0);
    await pre.focus();
    expect(await pre.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await pre.evaluate((element) => element.scrollLeft)).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((element) => element.scrollLeft > 0, await pre.elementHandle(), { timeout: 5000 });
    await context.close();
  });
});

describe('a first visit on a slow connection', () => {
  const visits: Record<string, FirstVisit> = {};

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)(`does not shift the Cancel page's layout (CLS < ${CLS_LIMIT}) on a %s`, async (name, viewport) => {
    const visit = await firstVisit(browser, url(CANCEL), viewport, { watch });
    visits[name] = visit;
    expect(visit.cls, JSON.stringify(visit.shifts)).toBeLessThan(CLS_LIMIT);
  });

  it('keeps the "On this page" column where it is before the page\'s text has arrived', async () => {
    // A slow connection delivers the column (first in the HTML) before the text: the browser may
    // paint it then. Without the text beside it, it must already stand where it will stay.
    for (const width of [1152, 1280, 1600]) {
      const { context, page } = await open(CANCEL, { viewport: { width, height: 900 } });
      const before = await page.locator('.right-sidebar').boundingBox();
      await page.evaluate(() => document.querySelector('.main-pane')!.remove());
      const after = await page.locator('.right-sidebar').boundingBox();
      expect(before, `${width}px`).not.toBeNull();
      expect(after, `${width}px`).toEqual(before);
      await context.close();
    }
  });

  it('records what the visit cost (reports/site-metrics.json)', async () => {
    const inlineScriptBytes = await (async () => {
      const { context, page } = await open();
      const bytes = await page.evaluate(() =>
        [...document.querySelectorAll('script:not([src])')].reduce(
          (sum, s) => sum + new TextEncoder().encode(s.textContent ?? '').length,
          0,
        ),
      );
      await context.close();
      return bytes;
    })();
    const desktop = visits.desktop!;
    const metrics = {
      page: CANCEL,
      note: 'A first visit: cache disabled, network throttled with CDP (latency, download and upload below); CLS sums the layout-shift entries without recent input, read one second after load. Bytes are as transferred (headers + body; the test server compresses text with brotli, as a host would).',
      network: SLOW_NETWORK,
      cls: Object.fromEntries(
        Object.entries(visits).map(([name, v]) => [name, { viewport: v.viewport, cls: Number(v.cls.toFixed(4)), shifts: v.shifts }]),
      ),
      requests: desktop.resources.length,
      transferredBytes: desktop.transferredBytes,
      scriptBytes: desktop.scriptBytes,
      inlineScriptBytes,
      resources: desktop.resources,
    };
    await writeFile(join(REPORTS, 'site-metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    console.log(
      `site metrics: CLS ${Object.entries(metrics.cls)
        .map(([n, c]) => `${n} ${c.cls}`)
        .join(
          ', ',
        )}; ${metrics.requests} requests, ${metrics.transferredBytes} bytes, ${metrics.scriptBytes} bytes of JavaScript files, ${inlineScriptBytes} bytes of inline scripts`,
    );
    expect(desktop.transferredBytes).toBeGreaterThan(0);
  });
});

describe('every page opened above', () => {
  it('logged no console errors or warnings, no uncaught exceptions and no failed requests', () => {
    expect(problems).toEqual([]);
  });
});
