/**
 * Where the built site will be served: Astro's `site` and `base`, read from the environment at
 * build time, because one build is served at different addresses — `/` on this machine, and
 * `https://<owner>.github.io/<repo>/` once CI publishes it to GitHub Pages (.github/workflows/ci.yml
 * sets both). astro.config.mjs builds with them; scripts/static-server.ts serves dist/ under the
 * same base, so the tests check the site at the path it is built for.
 *
 *   SITE_URL   the origin the site is published at, e.g. https://owner.github.io (optional:
 *              Astro needs it only for absolute URLs, such as the sitemap's)
 *   SITE_BASE  the path every page, asset and runtime is under, e.g. /verified-docs/ (default /)
 */
export interface SiteAddress {
  /** The origin, when SITE_URL says it. */
  site?: string;
  /** `/`, or `/<path>/`: always with a slash at each end, as the pages' links are built from it. */
  base: string;
}

export function siteAddress(env: Record<string, string | undefined> = process.env): SiteAddress {
  const base = env.SITE_BASE?.trim() || '/';
  if (!/^\/(?:[\w.~-]+\/)*$/.test(base)) {
    throw new Error(
      `SITE_BASE is ${JSON.stringify(base)}: it must be a path that starts and ends with "/", such as /verified-docs/ (or unset, for /)`,
    );
  }
  const site = env.SITE_URL?.trim() || undefined;
  if (site !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(site);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
      throw new Error(
        `SITE_URL is ${JSON.stringify(site)}: it must be an origin alone, such as https://owner.github.io (the path goes in SITE_BASE)`,
      );
    }
    return { site: url.origin, base };
  }
  return { base };
}
