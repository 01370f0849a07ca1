/**
 * The build's part in the Try it panel (astro.config.mjs adds these to Vite's plugins):
 *
 * - msw's own Vite plugin in `worker-only` mode: it serves `mockServiceWorker.js` in
 *   `astro dev` and emits it into the client build's output, read from the installed msw
 *   each time, so the worker always matches the msw the page bundles (nothing copied into
 *   the repository to fall behind). Its URL is `<base>mockServiceWorker.js`.
 * - the panel's browser module (./client.ts) as a chunk of its own in the client build, loaded
 *   by URL on first use only; its URL and the site's base go to the pages (./client-url.ts says why);
 * - the stylesheet that shows, under the code tabs, the request of the tab that is selected, and
 *   its Run button or why it has none: rules per language of examples/languages.ts, so a new
 *   language needs no CSS.
 */
import { fileURLToPath } from 'node:url';
import { msw } from 'msw/vite';
import type { Plugin } from 'vite';
import { LANGUAGES } from '../../../examples/languages.ts';
import { setClientBuild } from './client-url.ts';

const CLIENT_ENTRY = fileURLToPath(new URL('./client.ts', import.meta.url));
export const LANGUAGE_CSS = 'virtual:verified-docs/try-it-languages.css';
const RESOLVED_LANGUAGE_CSS = `\0${LANGUAGE_CSS}`;

/** `/` or `/repo/`: Vite's base, always ending in a slash. */
const withSlash = (base: string) => (base.endsWith('/') ? base : `${base}/`);

export function tryItPlugins(): Plugin[] {
  let base = '/';
  let entryRef: string | undefined;
  return [
    msw({ mode: 'worker-only' }),
    {
      name: 'verified-docs:try-it-languages-css',
      resolveId: (id) => (id === LANGUAGE_CSS ? RESOLVED_LANGUAGE_CSS : undefined),
      load: (id) => (id === RESOLVED_LANGUAGE_CSS ? languageCss() : undefined),
    },
    {
      name: 'verified-docs:try-it-client',
      apply: 'build',
      configResolved(config) {
        base = withSlash(config.base);
      },
      buildStart() {
        if (this.environment.name !== 'client') return;
        entryRef = this.emitFile({ type: 'chunk', id: CLIENT_ENTRY, name: 'try-it' });
      },
      generateBundle() {
        if (this.environment.name !== 'client' || entryRef === undefined) return;
        setClientBuild({ moduleUrl: `${base}${this.getFileName(entryRef)}`, base });
      },
    },
    {
      name: 'verified-docs:try-it-client-dev',
      apply: 'serve',
      configResolved(config) {
        // `astro dev`: Vite serves and transforms the module from its source.
        const base = withSlash(config.base);
        setClientBuild({ moduleUrl: `${base}@fs${CLIENT_ENTRY}`, base });
      },
    },
  ];
}

/**
 * Each request block under the code tabs is hidden, and shown while its language's code tab is
 * selected: `[role=tabpanel]:not([hidden]) > .example[data-example=…]` is the visible code tab
 * (docs/components/ExampleTabs.astro), and the panel follows its tab group as a later sibling.
 * The `:has()` is anchored on the tab group, not on a common ancestor: then only a change inside
 * the tabs makes the browser check it again, not each answer the panel writes (measured: that
 * cost about 15 ms of style work per answer on a guide page). Without `:has()` every block
 * shows, each captioned with its language.
 */
function languageCss(): string {
  const selected = (id: string) => `starlight-tabs:has(> [role='tabpanel']:not([hidden]) > .example[data-example='${id}']) ~ .try-it`;
  const rules = LANGUAGES.flatMap(({ id, browser }) => [
    `${selected(id)} .try-it__request[data-lang='${id}'] { display: block; }`,
    // Run: the button for a tab whose program runs in the browser, else why it does not.
    browser.runs ? '' : `${selected(id)} .try-it__run-why[data-lang='${id}'] { display: block; }`,
    browser.runs ? '' : `${selected(id)} [data-action='run'] { display: none; }`,
    browser.runs && browser.editable ? '' : `${selected(id)} [data-action='edit'] { display: none; }`,
  ]).filter(Boolean);
  return `@supports selector(:has(*)) {\n  .try-it__request, .try-it__run-why { display: none; }\n  ${rules.join('\n  ')}\n}\n`;
}
