/**
 * Helpers for the site's UI strings (docs/content/i18n/<lang>.json, read through Starlight's
 * `Astro.locals.t`). A string marks the values it takes as `{{name}}`; components fill them with
 * text here, or with markup through docs/components/I18nText.astro. Filling is done here rather
 * than by i18next's interpolation, which escapes values for HTML that Astro escapes again.
 */

/** A UI string function as components get it: Starlight's `t`, seen as plain string lookup. */
export type Translate = (key: string) => string;

export type TemplatePart = { text: string } | { name: string };

/** A template's literal text and its `{{name}}` placeholders, in order. */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)) {
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ name: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** The template with every placeholder filled; a placeholder without a value is an error, not a gap on the page. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return templateParts(template)
    .map((part) => {
      if ('text' in part) return part.text;
      const value = values[part.name];
      if (value === undefined) throw new Error(`the UI string "${template}" needs a value for {{${part.name}}}`);
      return String(value);
    })
    .join('');
}

/**
 * English text that lives in a declaration (an operation's input in examples/<op>/operation.json,
 * an SDK's requirement in examples/languages.ts) or its translation, the UI string `key`. English
 * pages take the declaration's own words; a locale without the key falls back to them too
 * (i18next then answers with the key itself), which tests/site/site-i18n.test.ts does not allow.
 */
export function declared(t: Translate, lang: string, key: string, english: string, values: Record<string, string | number> = {}): string {
  if (lang === 'en') return english;
  const translated = t(key);
  return translated === key ? english : fill(translated, values);
}

/**
 * The locale Intl formats in for a page's `lang`: English pages write British dates and lists
 * ("26 November 2026", "A, B and C"), as the site always has; the others their own language's.
 */
export function intlLocale(lang: string): string {
  return lang === 'en' ? 'en-GB' : lang;
}

/** "A, B and C" in the page's language (Intl.ListFormat). */
export function listOf(items: string[], lang: string): string {
  return new Intl.ListFormat(intlLocale(lang), { style: 'long', type: 'conjunction' }).format(items);
}
