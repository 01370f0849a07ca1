// @ts-check
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { starlightLocales } from './docs/lib/locales.ts';
import { runPlugins } from './docs/lib/run/vite-plugin.ts';
import { siteAddress } from './docs/lib/site-address.ts';
import { tryItPlugins } from './docs/lib/try-it/vite-plugin.ts';
import { loadOperations } from './examples/operations.ts';
import { SECTIONS } from './examples/sections.ts';

/** The project root: docs/lib reads examples/ and reports/ from here at build time. */
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The page reads examples/ and reports/verify.json with node:fs, which Vite does not track:
 * in `astro dev`, reload the browser when one of them changes.
 */
function reloadOnExampleChange() {
  const watched = [join(root, 'examples'), join(root, 'reports', 'verify.json')];
  return {
    name: 'verified-docs:reload-on-example-change',
    /** @param {import('vite').ViteDevServer} server */
    configureServer(server) {
      server.watcher.add(watched);
      const reload = (/** @type {string} */ file) => {
        if (watched.some((path) => file.startsWith(path))) server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
    },
  };
}

export default defineConfig({
  // `/` here; `https://<owner>.github.io/<repo>/` when CI builds the site it publishes (docs/lib/site-address.ts).
  ...siteAddress(),
  srcDir: './docs',
  outDir: './dist',
  publicDir: './docs/public',
  output: 'static',
  integrations: [
    starlight({
      title: 'Verified docs · Mercado Pago Payments',
      description:
        "Mercado Pago's reserve guides (reserve, capture, partial capture, cancel) and its refunds and cancellations, with every code sample run against a sandbox of the Payments API before it is published.",
      // Search: Starlight's Pagefind, on by default. Pagefind indexes each page under its `lang`,
      // and a page searches its own language's index: /es/ finds Spanish pages, /pt-br/ Portuguese.
      // English at the root, Spanish under /es/, Brazilian Portuguese under /pt-br/ (docs/lib/locales.ts).
      // Every page exists in each (tests/site/site-i18n.test.ts); the site's own UI strings are docs/content/i18n/.
      defaultLocale: 'root',
      locales: starlightLocales(),
      sidebar: [
        { label: 'Overview', translations: { es: 'Introducción', 'pt-BR': 'Visão geral' }, slug: 'index' },
        // A group per section (examples/sections.ts), its operations' pages in lifecycle order;
        // each item takes its page's title.
        ...SECTIONS.map(({ id, label: { en, ...translations } }) => ({
          label: en,
          translations,
          items: loadOperations(join(root, 'examples'))
            .filter((operation) => operation.section === id)
            .map((operation) => ({ slug: operation.id })),
        })),
        { label: 'Verification', translations: { es: 'Verificación', 'pt-BR': 'Verificação' }, slug: 'verification' },
      ],
      components: {
        // Adds the small inline script that lets ?lang= pick the code tab.
        Head: './docs/components/overrides/Head.astro',
        // Starlight's search, named by its visible word, its field labelled (axe-core), its UI loaded when wanted.
        Search: './docs/components/overrides/Search.astro',
        // Links Expressive Code's stylesheet at the top of <body>, before any code block.
        SkipLink: './docs/components/overrides/SkipLink.astro',
        // Shows the title's first part alone where the whole title does not fit.
        SiteTitle: './docs/components/overrides/SiteTitle.astro',
      },
      customCss: ['./docs/styles/site.css'],
    }),
  ],
  vite: {
    // tryItPlugins: msw's worker script and the Try it panel's lazily loaded module (docs/lib/try-it/vite-plugin.ts);
    // runPlugins: the runtimes that run each tab's program in the reader's browser, under <base>run/ (docs/lib/run/).
    plugins: [reloadOnExampleChange(), ...tryItPlugins(), ...runPlugins()],
    define: {
      'import.meta.env.VERIFIED_DOCS_ROOT': JSON.stringify(root),
    },
  },
});
