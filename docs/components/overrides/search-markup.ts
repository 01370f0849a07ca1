import { editOnce } from '../../lib/edit-markup.ts';

/**
 * Starlight's search button, named by what it shows. Starlight names it with an aria-label
 * ("Search") while it shows the word and "Ctrl K", so the name does not contain the visible
 * label (axe-core: label-content-name-mismatch, WCAG 2.5.3). Here the visible word is the name,
 * the shortcut is left to aria-keyshortcuts (Starlight sets it) and hidden from the name, and
 * the word gets a class of ours, `search-word`, so that a narrow screen, where Starlight shows
 * only the icon, keeps it for screen readers (Search.astro's style).
 */
export function nameSearchButtonByItsWord(html: string): string {
  let edited = editOnce(html, /(<button[^>]*\bdata-open-modal\b[^>]*?)\s+aria-label="[^"]*"/, '$1', "the search button's aria-label");
  edited = editOnce(
    edited,
    /<span class="sl-hidden md:sl-block([^"]*)" aria-hidden="true">/,
    '<span class="search-word sl-hidden md:sl-block$1">',
    "the search button's word",
  );
  return editOnce(
    edited,
    /<kbd class="sl-hidden md:sl-flex\b/,
    '<kbd aria-hidden="true" class="sl-hidden md:sl-flex',
    "the search button's shortcut",
  );
}
