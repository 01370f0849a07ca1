/**
 * What the pages need to know from the build about the panel's browser side: the URL of its
 * module, and the site's base path (the worker's URL and scope follow it).
 *
 * The module must not load with the page (the first visit keeps its few KB of JavaScript), so
 * the panel's inline loader imports it by URL on the reader's first use. Astro hashes client
 * files, and the URL is only known once its client build has run; it renders the pages after
 * that build, in the same process. The Vite plugin (./vite-plugin.ts) records both here from
 * the client build's own configuration, and the panel reads them while the page renders.
 */
const KEY = Symbol.for('verified-docs:try-it-client');

export interface ClientBuild {
  /** `/_astro/try-it.<hash>.js`, under the base. */
  moduleUrl: string;
  /** `/` or `/repo/`: Astro's base, with its trailing slash. */
  base: string;
}

type Registry = { [KEY]?: ClientBuild };

export function setClientBuild(build: ClientBuild): void {
  (globalThis as Registry)[KEY] = build;
}

export function clientBuild(): ClientBuild {
  const build = (globalThis as Registry)[KEY];
  if (!build) {
    throw new Error(
      'The Try it panel has no URL for its browser module: the verified-docs:try-it-client Vite plugin did not run. ' +
        'astro.config.mjs must list ...tryItPlugins() (docs/lib/try-it/vite-plugin.ts) in vite.plugins.',
    );
  }
  return build;
}
