// The built site in each locale, in a real browser (Debian's Chromium, headless): the page's
// language, the eight code tabs with their files, the verified line in that language, the
// language picker reaching the same page, the code-tab choice surviving a change of locale,
// axe-core's rules, and search (Pagefind) finding the page in the reader's language.
// Run with `npm run test:browser` after `npm run build`. Writes reports/site-i18n-metrics.json:
// the bytes a first visit to each locale's Cancel page transfers (reported, not asserted).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type SiteLocale } from '../../docs/lib/locales.ts';
import { LANGUAGES, type Language } from '../../examples/languages.ts';
import { loadOperations } from '../../examples/operations.ts';
import { type StaticServer, serveStatic } from '../../scripts/static-server.ts';
import { REPORT_FILE, type Report, ReportSchema } from '../../scripts/verify/report-schema.ts';
import { ROOT } from '../../scripts/verify/runner.ts';
import { expectedLine, WORDS } from '../site/locale-words.ts';
import { axeViolations } from './axe.ts';
import { launchChromium } from './chromium.ts';

/** The built site: dist/, or SITE_DIST to test another build (e.g. `astro build --outDir`). */
const DIST = process.env.SITE_DIST ?? join(ROOT, 'dist');
const REPORTS = join(ROOT, 'reports');
const OPERATIONS = loadOperations();
const LABELS = LANGUAGES.map((l) => l.label);
const CANCEL = 'cancel-reserve';
/** For the tests that open every page of a locale: on a busy 2-core machine they outlast vitest's 60 s. */
const SLOW = 180_000;
const path = (locale: SiteLocale, slug = CANCEL) => `/${locale.prefix}${slug === 'index' ? '' : `${slug}/`}`;
/** Every page of a locale. */
const pagesOf = (locale: SiteLocale) => ['index', ...OPERATIONS.map((op) => op.id), 'verification'].map((slug) => path(locale, slug));

let server: StaticServer;
let browser: Browser;
let report: Report | undefined;
/** Console errors and warnings, uncaught exceptions and failed requests, from every page opened here. */
const problems: string[] = [];

const url = (p: string) => `${server.url}${p}`;
const programPath = (operation: string, language: Language) => `examples/${operation}/${language.id}/${language.program(operation)}`;

async function open(p: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console ${message.type()} on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
  // A request the browser dropped because the test moved on to the next page (net::ERR_ABORTED) is not the site's failure.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  await page.goto(url(p));
  return { context, page };
}

const codeTabs = (page: Page) => page.locator('starlight-tabs', { has: page.locator('.example') });
const runTabs = (page: Page) => page.locator('starlight-tabs', { has: page.locator('.run') });
const tabsOf = (group: Locator) => group.locator(':scope > .tablist-wrapper [role="tab"]');
const tab = (group: Locator, label: string) => group.getByRole('tab', { name: label, exact: true });
const selectedLabel = async (group: Locator) =>
  ((await group.locator(':scope > .tablist-wrapper [role="tab"][aria-selected="true"]').textContent()) ?? '').trim();
const visiblePanel = (group: Locator) => group.locator(':scope > [role="tabpanel"]:not([hidden])');
/** The code a panel shows, line by line, as the reader sees it. */
const shownCode = (panel: Locator) =>
  panel
    .locator('pre')
    .evaluate((pre) => [...pre.querySelectorAll('.ec-line')].map((line) => (line.textContent === '\n' ? '' : line.textContent)).join('\n'));
const verifiedLine = async (panel: Locator) => ((await panel.locator('.verified-line').textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** The line the report allows for this tab, in this locale's words; or the start of "not verified". */
async function lineFor(locale: SiteLocale, operation: string, language: Language): Promise<{ exact?: string; startsWith?: string }> {
  const entry = report?.results.find((r) => r.operation === operation && r.language === language.id);
  const sha256 = createHash('sha256')
    .update(await readFile(join(ROOT, programPath(operation, language))))
    .digest('hex');
  if (entry?.result === 'passed' && entry.sha256 === sha256 && entry.sdk) return { exact: expectedLine(locale.lang, entry) };
  return { startsWith: `${WORDS[locale.lang].notVerified} (` };
}

/** Picks a locale in Starlight's language picker and waits for the page it leads to. */
async function pickLocale(page: Page, locale: SiteLocale): Promise<void> {
  const picker = page.locator('starlight-lang-select select').first();
  const target = await picker.locator('option', { hasText: locale.label }).getAttribute('value');
  await Promise.all([page.waitForURL((address) => address.pathname === target), picker.selectOption({ label: locale.label })]);
  await page.waitForLoadState('load');
}

/** Opens Starlight's search, types the query, and returns the result links (pages and their sections). */
async function search(page: Page, query: string): Promise<string[]> {
  const input = page.locator('#starlight__search input');
  // Starlight builds the search box when the browser is first idle after loading: a reader who
  // opens search sooner sees it appear a moment later. Wait for it, with room for a busy machine.
  await input.waitFor({ state: 'attached', timeout: 60_000 });
  await page.locator('site-search button[data-open-modal]').click();
  await input.waitFor();
  await input.fill(query);
  const results = page.locator('#starlight__search .pagefind-ui__result-link');
  await results.first().waitFor({ timeout: 15_000 });
  // Pagefind fills the results in as it loads their fragments: wait until the list is complete.
  await page.waitForFunction(() => !document.querySelector('#starlight__search .pagefind-ui__result-title.pagefind-ui__loading'));
  return results
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))
    .then((hrefs) => hrefs.map((href) => `${server.pathOf(href)}${decodeURIComponent(new URL(href).hash)}`));
}

beforeAll(async () => {
  for (const locale of LOCALES) {
    const file = join(DIST, `${locale.prefix}${CANCEL}`, 'index.html');
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  if (!existsSync(join(DIST, 'pagefind'))) throw new Error('dist/pagefind/ is missing: the build made no search index');
  const reportFile = join(ROOT, REPORT_FILE);
  if (existsSync(reportFile)) report = ReportSchema.parse(JSON.parse(await readFile(reportFile, 'utf8')));
  server = await serveStatic(DIST);
  browser = await launchChromium();
  await mkdir(REPORTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(LOCALES.map((locale) => [locale.lang, locale] as const))('the site in %s', (_lang, locale) => {
  it(`serves every page with lang="${locale.lang}" and no notice of untranslated content`, { timeout: SLOW }, async () => {
    const { context, page } = await open(path(locale));
    for (const p of pagesOf(locale)) {
      await page.goto(url(p));
      expect(await page.evaluate(() => document.documentElement.lang), p).toBe(locale.lang);
      // Starlight serves a missing translation as the English page, its <main lang="en">, under a notice.
      expect(await page.locator('main').getAttribute('lang'), p).toBe(locale.lang);
      expect(await page.locator('main').textContent(), p).not.toMatch(
        /not available in your language|aún no está disponible|não está disponível em sua língua/,
      );
    }
    await context.close();
  });

  it('shows the eight code tabs in order, each with exactly its file and the verified line in this language', async () => {
    const { context, page } = await open(path(locale));
    expect((await tabsOf(codeTabs(page)).allTextContents()).map((t) => t.trim())).toEqual(LABELS);
    expect((await tabsOf(runTabs(page)).allTextContents()).map((t) => t.trim())).toEqual(LABELS);
    for (const language of LANGUAGES) {
      await tab(codeTabs(page), language.label).click();
      const panel = visiblePanel(codeTabs(page));
      expect(await panel.locator('.example').getAttribute('data-example')).toBe(language.id);
      const file = await readFile(join(ROOT, programPath(CANCEL, language)), 'utf8');
      expect(await shownCode(panel), `${language.label} tab`).toBe(file.replace(/\n$/, ''));
      expect((await panel.locator('figcaption .title').textContent())?.trim()).toBe(language.program(CANCEL));
      const want = await lineFor(locale, CANCEL, language);
      const line = await verifiedLine(panel);
      if (want.exact) expect(line, `${language.label} tab`).toBe(want.exact);
      else expect(line.startsWith(want.startsWith!), line).toBe(true);
    }
    await context.close();
  });

  it('has a language picker that reaches the same page in every other locale, and back', { timeout: SLOW }, async () => {
    for (const slug of [CANCEL, 'verification', 'index']) {
      const { context, page } = await open(path(locale, slug));
      for (const other of LOCALES.filter((l) => l !== locale)) {
        await pickLocale(page, other);
        expect(server.pathOf(page.url())).toBe(path(other, slug));
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(other.lang);
        await pickLocale(page, locale);
        expect(server.pathOf(page.url())).toBe(path(locale, slug));
      }
      await context.close();
    }
  });

  it('keeps the chosen code tab (synced, remembered, in ?lang=) across a change of locale', async () => {
    const { context, page } = await open(path(locale));
    await tab(codeTabs(page), 'Python').click();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('python');
    for (const other of [...LOCALES.filter((l) => l !== locale), locale]) {
      await pickLocale(page, other);
      expect(await selectedLabel(codeTabs(page)), other.lang).toBe('Python');
      expect(await selectedLabel(runTabs(page)), other.lang).toBe('Python');
      expect(new URL(page.url()).searchParams.get('lang')).toBe('python');
      const panel = visiblePanel(codeTabs(page));
      const want = await lineFor(other, CANCEL, LANGUAGES.find((l) => l.id === 'python')!);
      const line = await verifiedLine(panel);
      if (want.exact) expect(line).toBe(want.exact);
      else expect(line.startsWith(want.startsWith!), line).toBe(true);
    }
    // A link with ?lang= wins in every locale too.
    await page.goto(url(`${path(locale)}?lang=go`));
    expect(await selectedLabel(codeTabs(page))).toBe('Go');
    await context.close();
  });

  it('finds the Cancel page when searched in this language, and the error explanation for "2018"', async () => {
    const { context, page } = await open(path(locale, 'index'));
    const words = WORDS[locale.lang];
    const cancel = await search(page, words.cancel);
    expect(cancel, `"${words.cancel}"`).toContain(path(locale));
    // Results are this locale's pages only.
    for (const result of cancel)
      expect(
        result.startsWith(`/${locale.prefix}`) && !LOCALES.some((l) => l.prefix && l !== locale && result.startsWith(`/${l.prefix}`)),
        result,
      ).toBe(true);
    await page.keyboard.press('Escape');
    const error = await search(page, '2018');
    expect(error, '"2018"').toContain(`${path(locale)}#${words.whatGoesWrong}`);
    // Following the result opens the page in this locale.
    await page.locator('#starlight__search .pagefind-ui__result-link', { hasText: /./ }).first().click();
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale.lang);
    await context.close();
  });

  it('finds the refund pages when searched in this language, and the error explanation for "2063"', async () => {
    const { context, page } = await open(path(locale, 'index'));
    const words = WORDS[locale.lang];
    const found = await search(page, words.refund);
    expect(found, `"${words.refund}"`).toContain(path(locale, 'refund-payment'));
    expect(found, `"${words.refund}"`).toContain(path(locale, 'partial-refund'));
    for (const result of found)
      expect(
        result.startsWith(`/${locale.prefix}`) && !LOCALES.some((l) => l.prefix && l !== locale && result.startsWith(`/${l.prefix}`)),
        result,
      ).toBe(true);
    await page.keyboard.press('Escape');
    const error = await search(page, '2063');
    expect(error, '"2063"').toContain(`${path(locale, 'refund-payment')}#${words.whatGoesWrong}`);
    await context.close();
  });

  it('has no axe-core violations on any page, nor with the search open', { timeout: SLOW }, async () => {
    const found: string[] = [];
    const { context, page } = await open(path(locale));
    for (const p of pagesOf(locale)) {
      await page.goto(url(p));
      // Open the closed "Your own program" panels first: axe skips what is not rendered.
      await page.evaluate(() => {
        for (const panel of document.querySelectorAll<HTMLDetailsElement>('details[data-own-code]')) panel.open = true;
      });
      found.push(...(await axeViolations(page, p)));
    }
    await page.goto(url(path(locale)));
    await search(page, WORDS[locale.lang].cancel);
    found.push(...(await axeViolations(page, `${path(locale)} with search open`)));
    await context.close();
    expect(found).toEqual([]);
  });
});

describe('the header in every locale', () => {
  it("never cuts off the site title, and shows the language picker's choice whole, from a phone to a wide screen", {
    timeout: SLOW,
  }, async () => {
    const cut: string[] = [];
    for (const locale of LOCALES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      for (let width = 360; width <= 1320; width += 40) {
        await page.setViewportSize({ width, height: 700 });
        if (width === 360) await page.goto(url(path(locale)));
        const { title, picker } = await page.evaluate(() => {
          const text = document.querySelector<HTMLElement>('.site-title > span[translate="no"]')!;
          const select = document.querySelector<HTMLSelectElement>('header starlight-lang-select select');
          let picker = true;
          if (select && select.offsetParent !== null) {
            // The chosen option's text, in the select's font, against the room the select gives it.
            const style = getComputedStyle(select);
            const probe = document.createElement('span');
            probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${style.font}`;
            probe.textContent = select.selectedOptions[0]?.textContent?.trim() ?? '';
            document.body.append(probe);
            const room = select.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
            picker = probe.getBoundingClientRect().width <= room + 0.5;
            probe.remove();
          }
          return { title: text.scrollWidth <= text.clientWidth, picker };
        });
        if (!title) cut.push(`${path(locale)} at ${width}px: the title`);
        if (!picker) cut.push(`${path(locale)} at ${width}px: the language picker`);
      }
      await context.close();
    }
    expect(cut).toEqual([]);
  });
});

describe("a first visit to each locale's Cancel page", () => {
  it('records the bytes it transfers (reports/site-i18n-metrics.json; not asserted)', async () => {
    const visits: Record<
      string,
      {
        page: string;
        requests: number;
        transferredBytes: number;
        scriptBytes: number;
        resources: { url: string; type: string; bytes: number }[];
      }
    > = {};
    for (const locale of LOCALES) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const requests = new Map<string, { url: string; type: string; bytes?: number }>();
      cdp.on('Network.responseReceived', (event) =>
        requests.set(event.requestId, { url: event.response.url, type: event.type ?? 'Other' }),
      );
      cdp.on('Network.loadingFinished', (event) => {
        const request = requests.get(event.requestId);
        if (request) request.bytes = event.encodedDataLength;
      });
      await page.goto(url(path(locale)), { waitUntil: 'load' });
      // Starlight loads the search UI when the browser is idle after load: part of the first visit.
      await page.waitForTimeout(1500);
      const resources = [...requests.values()]
        .filter((r) => r.bytes !== undefined && !r.url.startsWith('data:'))
        .map((r) => ({ url: r.url.replace(server.url, ''), type: r.type, bytes: r.bytes! }));
      visits[locale.lang] = {
        page: path(locale),
        requests: resources.length,
        transferredBytes: resources.reduce((sum, r) => sum + r.bytes, 0),
        scriptBytes: resources.filter((r) => r.type === 'Script').reduce((sum, r) => sum + r.bytes, 0),
        resources,
      };
      await context.close();
    }
    await writeFile(
      join(REPORTS, 'site-i18n-metrics.json'),
      `${JSON.stringify({ note: 'First visit, empty cache, unthrottled; bytes as transferred (headers + brotli body), up to 1.5 s after load.', visits }, null, 2)}\n`,
    );
    for (const [lang, v] of Object.entries(visits))
      console.log(
        `first visit ${v.page} (${lang}): ${v.requests} requests, ${v.transferredBytes} bytes, ${v.scriptBytes} bytes of JavaScript`,
      );
    for (const v of Object.values(visits)) expect(v.transferredBytes).toBeGreaterThan(0);
  });
});

describe('every page opened above', () => {
  it('logged no console errors or warnings, no uncaught exceptions and no failed requests', () => {
    expect(problems).toEqual([]);
  });
});
