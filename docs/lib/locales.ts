/**
 * The site's locales: English at the root, Spanish under /es/, Brazilian Portuguese under
 * /pt-br/. astro.config.mjs gives them to Starlight; the tests read them from here, so a locale
 * added here is checked for every page (tests/site/site-i18n.test.ts, tests/site/site-build.test.ts).
 */
export interface SiteLocale {
  /** Starlight's locale key: the URL's first segment, or `root` for English. */
  key: 'root' | 'es' | 'pt-br';
  /** BCP-47 tag: the page's `lang`, and the name of its file in docs/content/i18n/. */
  lang: 'en' | 'es' | 'pt-BR';
  /** What the language picker shows. */
  label: string;
  /** The URL prefix of its pages ('' at the root), and their folder in docs/content/docs/. */
  prefix: '' | 'es/' | 'pt-br/';
}

export const LOCALES: readonly SiteLocale[] = [
  { key: 'root', lang: 'en', label: 'English', prefix: '' },
  { key: 'es', lang: 'es', label: 'Español', prefix: 'es/' },
  { key: 'pt-br', lang: 'pt-BR', label: 'Português', prefix: 'pt-br/' },
];

/** Starlight's `locales` option. */
export function starlightLocales(): Record<string, { label: string; lang: string }> {
  return Object.fromEntries(LOCALES.map((l) => [l.key, { label: l.label, lang: l.lang }]));
}
