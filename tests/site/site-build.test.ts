// The built pages (dist/, from `npm run build`), in every locale (English at the root, /es/,
// /pt-br/), must show every operation's example files exactly as they are in examples/<operation>/,
// and the documented response exactly as its operation.json declares it. Any difference fails: a
// page that drifted from its verified files must not be published. The "verified" line under each
// tab says exactly what reports/verify.json allows, in the page's language: "Verified" for a
// passing run of those bytes, "Not verified" otherwise.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { LOCALES, type SiteLocale } from '../../docs/lib/locales.ts';
import { LANGUAGES } from '../../examples/languages.ts';
import { loadOperations, type Operation } from '../../examples/operations.ts';
import { SECTIONS } from '../../examples/sections.ts';
import { ReportSchema } from '../../scripts/verify/report-schema.ts';
import { ROOT } from '../../scripts/verify/runner.ts';
import { decodeHtml } from '../support/decode-html.ts';
import { expectedLine, WORDS } from './locale-words.ts';

const OPERATIONS = loadOperations();
const ENGLISH = LOCALES[0]!;
const pagePath = (operation: string, locale: SiteLocale = ENGLISH, dist = process.env.SITE_DIST ?? join(ROOT, 'dist')) =>
  join(dist, `${locale.prefix}${operation}`, 'index.html');

/** The page's title: the declaration's in English, the translated page's front matter elsewhere. */
async function pageTitle(locale: SiteLocale, operation: Operation): Promise<string> {
  if (locale === ENGLISH) return operation.title;
  const source = await readFile(join(ROOT, 'docs', 'content', 'docs', `${locale.prefix}${operation.id}.mdx`), 'utf8');
  const title = source.match(/^title:\s*(.+)$/m)?.[1]?.trim();
  if (!title) throw new Error(`docs/content/docs/${locale.prefix}${operation.id}.mdx has no title`);
  return title.replace(/^(['"])(.*)\1$/, '$2');
}
const programPath = (operation: string, language: (typeof LANGUAGES)[number]) =>
  `examples/${operation}/${language.id}/${language.program(operation)}`;

async function builtPage(path: string): Promise<string> {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npm run build\` first (the site tests read the built page)`);
  }
  return readFile(path, 'utf8');
}

/** The HTML of one element marked with `attribute="value"`, up to the next such marker (or the tab group's end). */
function section(html: string, attribute: string, value: string): string {
  const start = html.indexOf(`${attribute}="${value}"`);
  if (start === -1) throw new Error(`the built page has no element with ${attribute}="${value}"`);
  const rest = html.slice(start + 1);
  const ends = [rest.indexOf(` ${attribute}="`), rest.indexOf('</starlight-tabs>')].filter((i) => i !== -1);
  return rest.slice(0, ends.length ? Math.min(...ends) : undefined);
}

/** What the copy button copies: Expressive Code keeps it in data-code, with U+007F for newlines. */
function copiedText(html: string): string {
  const codes = [...html.matchAll(/data-code="([^"]*)"/g)];
  expect(codes, 'one code block (with a copy button) in this section').toHaveLength(1);
  return decodeHtml(codes[0]![1]!).replace(/\u007f/g, '\n');
}

/** The text the reader sees: each rendered line's text, joined by newlines. */
function shownText(html: string): string {
  const pre = html.match(/<pre[^>]*>([\s\S]*?)<\/pre>/);
  expect(pre, 'a <pre> in this section').not.toBeNull();
  const lines = [...pre![1]!.matchAll(/<div class="ec-line[^"]*"[^>]*>([\s\S]*?)<\/div><\/div>/g)].map((m) => {
    const text = decodeHtml(m[1]!.replace(/^<div class="code">/, '').replace(/<[^>]+>/g, ''));
    return text === '\n' ? '' : text;
  });
  expect(lines.length, 'rendered lines').toBeGreaterThan(0);
  return lines.join('\n');
}

/** A file as a code block can show it: every line, without the final newline (the copy button restores it). */
const withoutFinalNewline = (text: string) => text.replace(/\r?\n$/, '');

/** The report the build read, parsed as the site parses it (undefined when there is none). */
async function report() {
  const file = join(ROOT, 'reports', 'verify.json');
  return existsSync(file) ? ReportSchema.parse(JSON.parse(await readFile(file, 'utf8'))) : undefined;
}

const PAGES = LOCALES.flatMap((locale) => OPERATIONS.map((op) => [`/${locale.prefix}${op.id}/`, locale, op] as const));

describe.each(PAGES)('the built %s page', (_path, locale, operation) => {
  const id = operation.id;
  const page = () => builtPage(pagePath(id, locale));

  it(`exists (run \`npm run build\` before this test), in its language, with its title`, async () => {
    const html = await page();
    expect(html.match(/<html[^>]*\slang="([^"]+)"/)?.[1]).toBe(locale.lang);
    expect(decodeHtml(html.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1] ?? '')).toBe(await pageTitle(locale, operation));
  });

  it("has the eight code tabs in the pages' order, labelled as examples/languages.ts names them", async () => {
    const html = await page();
    const order = [...html.matchAll(/<div class="example" data-example="([^"]+)" data-file="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(order).toEqual(LANGUAGES.map((l) => [l.id, programPath(id, l)]));
    const firstGroup = html.slice(html.indexOf('<starlight-tabs'), html.indexOf('</starlight-tabs>'));
    const labels = [...firstGroup.matchAll(/<a role="tab"[^>]*>([^<]*)<\/a>/g)].map((m) => decodeHtml(m[1]!).trim());
    expect(labels).toEqual(LANGUAGES.map((l) => l.label));
  });

  describe.each(LANGUAGES.map((l) => [l.label, l] as const))('its %s tab', (_label, language) => {
    const path = programPath(id, language);

    it('shows its example file exactly, and its copy button copies exactly the file', async () => {
      const file = await readFile(join(ROOT, path), 'utf8');
      const tab = section(await page(), 'data-example', language.id);
      expect(copiedText(tab), `copy button text differs from ${path}`).toBe(file);
      expect(shownText(tab), `shown code differs from ${path}`).toBe(withoutFinalNewline(file));
      expect(tab).toContain(`<span class="title">${language.program(id)}</span>`);
    });

    it('says "Verified" exactly when the report has a passing run of these bytes, with its runtime and SDK, in the page\'s language', async () => {
      const html = await page();
      const tab = section(html, 'data-example', language.id);
      const markup = (tab.match(/<p class="verified-line"[^>]*>([\s\S]*?)<\/p>/) ?? [])[1] ?? '';
      const line = decodeHtml(markup.replace(/<[^>]+>/g, ''))
        .replace(/\s+/g, ' ')
        .trim();
      const sha256 = createHash('sha256')
        .update(await readFile(join(ROOT, path)))
        .digest('hex');
      const entry = (await report())?.results.find((r) => r.operation === id && r.language === language.id);
      const provable = entry?.result === 'passed' && entry.sha256 === sha256 && entry.file === path && entry.sdk !== null;
      if (!provable) {
        expect(line.startsWith(`${WORDS[locale.lang].notVerified} (`), line).toBe(true);
        return;
      }
      expect(line).toBe(expectedLine(locale.lang, entry));
      if (locale === ENGLISH) expect(line).toMatch(/^Verified on \d{1,2} [A-Z][a-z]+ \d{4} with /);
      if (entry.sdk!.kind === 'none') expect(line).not.toMatch(/\bSDK\b/);
      // The double's link stays on this page, at the section that explains the doubles.
      for (const [, anchor] of markup.matchAll(/href="#([^"]+)"/g)) expect(html, `#${anchor}`).toContain(`id="${decodeHtml(anchor!)}"`);
    });
  });

  it("shows the documented response exactly as operation.json declares it, after its introduction in the page's language", async () => {
    const html = await page();
    const marked = section(html, 'data-operation', id);
    const block = marked.slice(0, marked.indexOf('</figure>'));
    // A payment's refunds are an array: one element stands for each, with the members every refund has.
    const documented = operation.response.about === 'refunds' ? [operation.response.body] : operation.response.body;
    expect(JSON.parse(copiedText(block))).toEqual(documented);
    expect(shownText(block)).toBe(JSON.stringify(documented, null, 2));
    const introductions = WORDS[locale.lang].response.map((sentence) => html.indexOf(sentence)).filter((at) => at > -1);
    expect(introductions.length, "an introduction in the page's language").toBeGreaterThan(0);
    expect(Math.min(...introductions)).toBeLessThan(html.indexOf(`data-operation="${id}"`));
  });

  it('offers the same eight languages in the "How to run" tabs, synced with the code tabs', async () => {
    const html = await page();
    const groups = [...html.matchAll(/<starlight-tabs data-sync-key="lang"[^>]*>([\s\S]*?)<\/starlight-tabs>/g)];
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const group of groups) {
      const labels = [...group[1]!.matchAll(/<a role="tab"[^>]*>([^<]*)<\/a>/g)].map((m) => decodeHtml(m[1]!).trim());
      expect(labels).toEqual(LANGUAGES.map((l) => l.label));
    }
  });

  it('sets out every variable its programs read, as the declaration lists them', async () => {
    const html = await page();
    for (const name of Object.keys(operation.inputs)) expect(html).toContain(`export ${name}=`);
  });
});

describe('a build in CI', () => {
  // CI runs `npm run verify` before the build and fails on any failed program, so every tab of
  // the published site must say "Verified": a page that ignored the report would say otherwise.
  it.runIf(process.env.CI === 'true')('shows every tab of every page as verified, in every locale', async () => {
    expect(await report(), 'reports/verify.json').toBeDefined();
    for (const [path, locale, operation] of PAGES) {
      const html = await builtPage(pagePath(operation.id, locale));
      expect((html.match(/data-verified="true"/g) ?? []).length, path).toBe(LANGUAGES.length);
    }
  });
});

describe.each(LOCALES.map((locale) => [`/${locale.prefix}verification/`, locale] as const))(
  'the built Verification page %s',
  (_path, locale) => {
    it('has a cell for every operation and language, "Verified" exactly where the tab says so, linking within the locale', async () => {
      const html = await builtPage(pagePath('verification', locale));
      for (const operation of OPERATIONS) {
        const page = await builtPage(pagePath(operation.id, locale));
        for (const language of LANGUAGES) {
          const cell = html.match(
            new RegExp(
              `<td data-operation="${operation.id}" data-language="${language.id}" data-verified="(true|false)">([\\s\\S]*?)</td>`,
            ),
          );
          expect(cell, `${operation.id} × ${language.id}`).not.toBeNull();
          const tabVerified = section(page, 'data-example', language.id).includes('data-verified="true"');
          expect(cell![1], `${operation.id} × ${language.id}`).toBe(String(tabVerified));
          expect(cell![2]).toContain(`href="../${operation.id}/?lang=${language.id}"`);
        }
      }
    });
  },
);

describe.each(LOCALES.map((locale) => [`/${locale.prefix}`, locale] as const))('the built landing page %s', (_path, locale) => {
  it('has a section per examples/sections.ts section, headed by its label, with a card for each of its operations', async () => {
    const html = await builtPage(join(process.env.SITE_DIST ?? join(ROOT, 'dist'), locale.prefix, 'index.html'));
    const headings = [...html.matchAll(/<h2 id="[^"]*"[^>]*>([^<]*)<\/h2>/g)].map((m) => decodeHtml(m[1]!).trim());
    for (const section of SECTIONS) {
      const label = section.label[locale.lang];
      const start = headings.indexOf(label);
      expect(start, `a heading "${label}"`).toBeGreaterThan(-1);
      const at = html.indexOf(`>${label}</h2>`);
      const next = html.indexOf('<h2 ', at);
      const part = html.slice(at, next === -1 ? undefined : next);
      const cards = [...part.matchAll(/<div class="sl-link-card[^"]*">[\s\S]*?<a href="([a-z-]+)\/"/g)].map((m) => m[1]);
      expect(cards, label).toEqual(OPERATIONS.filter((op) => op.section === section.id).map((op) => op.id));
    }
  });
});

describe('a build without a verification report', () => {
  it('still builds, and says of every tab that it is not verified, in every locale', async () => {
    const out = await mkdtemp(join(tmpdir(), 'site-no-report-'));
    try {
      await execa('astro', ['build', '--outDir', out], {
        cwd: ROOT,
        preferLocal: true,
        env: { VERIFIED_DOCS_REPORT: join(out, 'no-such-report.json'), ASTRO_TELEMETRY_DISABLED: '1' },
      });
      for (const locale of LOCALES) {
        const html = await builtPage(pagePath('cancel-reserve', locale, out));
        for (const language of LANGUAGES) {
          const tab = section(html, 'data-example', language.id);
          expect(tab).toContain('data-verified="false"');
          expect(tab).toContain(WORDS[locale.lang].notVerified);
          expect(tab).not.toContain(WORDS[locale.lang].verified('', '').split(' ').slice(0, 2).join(' '));
        }
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
