// The site in three locales (docs/lib/locales.ts): every guide page exists in each, built from the
// same components with the same operations and the same snippets, and every UI string the
// components use is translated. Starlight would quietly serve a missing page in English with a
// notice, and i18next a missing string in English: these tests make either fail before it ships.
// Reads the sources only; tests/site/site-build.test.ts checks the built pages of every locale.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../docs/lib/locales.ts';
import { caseLabelKey } from '../../docs/lib/try-it/cases.ts';
import { LANGUAGES } from '../../examples/languages.ts';
import { loadOperations } from '../../examples/operations.ts';
import { ROOT } from '../../scripts/verify/runner.ts';

const DOCS = join(ROOT, 'docs', 'content', 'docs');
const I18N = join(ROOT, 'docs', 'content', 'i18n');
const OPERATIONS = loadOperations();
const [ENGLISH, ...TRANSLATED] = LOCALES;

/** The pages of a locale's folder, by slug (`cancel-reserve`, `index`…). */
const pagesIn = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name) && !entry.name.startsWith('_'))
    .map((entry) => entry.name.replace(/\.mdx?$/, ''))
    .sort();

const source = (prefix: string, slug: string) => readFileSync(join(DOCS, `${prefix}${slug}.mdx`), 'utf8');
const strings = (lang: string): Record<string, string> => JSON.parse(readFileSync(join(I18N, `${lang}.json`), 'utf8'));

/** The page's components and the props they get: `<ExampleTabs operation="cancel-reserve" />`… */
const components = (mdx: string) =>
  [...mdx.matchAll(/^<([A-Z]\w*)([^>]*)\/>$/gm)].map((m) => `${m[1]}${m[2]!.replace(/\s+/g, ' ').trimEnd()}`);
/** Its fenced code blocks, without their titles (which are prose, and translated). */
const snippets = (mdx: string) => [...mdx.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => `${m[1]}\n${m[2]}`);
/** Links to other pages of the site (`../reserve-funds/…`): their page part, anchors aside (translated headings). */
const pageLinks = (mdx: string) => [...mdx.matchAll(/\]\((\.\.\/[^)#]*|[a-z-]+\/)[^)]*\)/g)].map((m) => m[1]);
/** `{{name}}` placeholders of a UI string. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]).sort();
/** Numbers in a text (versions, days): a translation must keep them. */
const numbers = (text: string) => (text.match(/\d+(?:\.\d+)*/g) ?? []).sort();

/** English text declared outside the UI strings, and the key its translation has. */
const declared = [
  ...OPERATIONS.flatMap((op) =>
    Object.entries(op.inputs).map(([name, input]) => ({ key: `inputs.${op.id}.${name}`, english: input.about, values: [] as string[] })),
  ),
  // The Try it panel's cases: the key the panel looks their words up under.
  ...OPERATIONS.flatMap((op) => op.tryIt.map((c) => ({ key: caseLabelKey(op.id, c.id), english: c.label, values: [] as string[] }))),
  ...LANGUAGES.flatMap((language) => {
    const requires = language.sdk?.requires;
    if (requires === undefined) return [];
    return typeof requires === 'string'
      ? [{ key: `sdk.requires.${language.id}`, english: requires, values: [] as string[] }]
      : [{ key: `sdk.requires.${language.id}`, english: requires.text('{{version}}'), values: ['version'] }];
  }),
  // The note on each language's proxy settings (its `{place}` templates are `{{place}}` in a UI string).
  ...LANGUAGES.flatMap((language) => {
    const note = language.proxy.note;
    if (note === undefined) return [];
    const values = [...note.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    return [{ key: `proxy.note.${language.id}`, english: note.replace(/\{(\w+)\}/g, '{{$1}}'), values: values.sort() }];
  }),
];
const isDeclared = (key: string) =>
  key.startsWith('inputs.') ||
  key.startsWith('sdk.requires.') ||
  key.startsWith('proxy.note.') ||
  (key.startsWith('tryIt.case.') && key.split('.').length === 4);

describe('the guide pages', () => {
  const english = pagesIn(DOCS);

  it('include a page for every operation, the overview and the verification page', () => {
    expect(english).toEqual(expect.arrayContaining(['index', 'verification', ...OPERATIONS.map((op) => op.id)]));
  });

  describe.each(TRANSLATED.map((locale) => [locale.prefix, locale] as const))('in docs/content/docs/%s', (prefix) => {
    it('exist for every English page, and for no other (no page falls back to English)', () => {
      expect(pagesIn(join(DOCS, prefix))).toEqual(english);
    });

    it.each(english)('%s: uses the same components with the same operations and props, in the same order', (slug) => {
      expect(components(source(prefix, slug))).toEqual(components(source('', slug)));
    });

    it.each(english)('%s: has the same shell snippets, byte for byte, and copies no example file', (slug) => {
      const translated = source(prefix, slug);
      expect(snippets(translated)).toEqual(snippets(source('', slug)));
      // The code tabs are the example files, imported by ExampleTabs: never pasted into a page.
      for (const op of OPERATIONS) {
        for (const language of LANGUAGES) {
          const file = readFileSync(join(ROOT, op.dir, language.id, language.program(op.id)), 'utf8');
          const line = file.split('\n').find((l) => l.trim().length > 40);
          if (line) expect(translated, `${prefix}${slug}.mdx has a line of ${op.dir}/${language.id}`).not.toContain(line);
        }
      }
    });

    it.each(english)('%s: links to the same pages of the site, so its links stay within the locale', (slug) => {
      const translated = source(prefix, slug);
      expect(pageLinks(translated)).toEqual(pageLinks(source('', slug)));
      expect(translated).not.toMatch(/\]\(\/(?!\/)/); // no root-absolute link, which would leave the locale
    });

    it.each(english)('%s: has a title and a description of its own', (slug) => {
      const front = (mdx: string) => Object.fromEntries([...mdx.split('---')[1]!.matchAll(/^(\w+):\s*(.+)$/gm)].map((m) => [m[1], m[2]]));
      const [theirs, ours] = [front(source('', slug)), front(source(prefix, slug))];
      expect(ours.title).toBeTruthy();
      expect(ours.description).toBeTruthy();
      expect(ours.description).not.toBe(theirs.description);
    });
  });
});

describe('the UI strings (docs/content/i18n/)', () => {
  const en = strings(ENGLISH!.lang);

  it("in English are the site's own; English text that a declaration holds is not repeated there", () => {
    expect(Object.keys(en).filter(isDeclared)).toEqual([]);
  });

  describe.each(TRANSLATED.map((locale) => [locale.lang] as const))('in %s.json', (lang) => {
    const ours = strings(lang);

    it('translate every English string, take the same {{values}}, and add none the site does not have', () => {
      const missing = Object.keys(en).filter((key) => !(key in ours));
      const extra = Object.keys(ours).filter((key) => !(key in en) && !isDeclared(key));
      expect(missing, 'untranslated').toEqual([]);
      expect(extra, 'not in en.json').toEqual([]);
      for (const [key, text] of Object.entries(en)) {
        expect(placeholders(ours[key]!), key).toEqual(placeholders(text));
        expect(numbers(ours[key]!), key).toEqual(numbers(text));
      }
    });

    it("translate the English that declarations hold: each operation's inputs and Try it cases (examples/*/operation.json) and each SDK's requirement (examples/languages.ts)", () => {
      for (const { key, english, values } of declared) {
        expect(ours[key], `${lang}.json needs "${key}" (English: "${english}")`).toBeTruthy();
        expect(placeholders(ours[key]!), key).toEqual(values);
        expect(numbers(ours[key]!), `${key}: the numbers of "${english}"`).toEqual(numbers(english).filter((n) => n !== undefined));
      }
      const stale = Object.keys(ours).filter((key) => isDeclared(key) && !declared.some((d) => d.key === key));
      expect(stale, 'translations of nothing declared').toEqual([]);
    });

    it("translate the link to the section on SDK doubles to that section's heading on the translated pages", () => {
      const anchor = ours['verifiedLine.doubleHref']!.slice(1);
      for (const op of OPERATIONS) {
        const prefix = LOCALES.find((l) => l.lang === lang)!.prefix;
        const headings = [...source(prefix, op.id).matchAll(/^## (.+)$/gm)].map((m) =>
          m[1]!
            .trim()
            .toLowerCase()
            .replace(/[^\p{L}\p{N}\s-]/gu, '')
            .replace(/\s/g, '-'),
        );
        expect(headings, `${prefix}${op.id}.mdx`).toContain(anchor);
      }
    });
  });
});
