// Where the site is served: the build takes its address from SITE_URL and SITE_BASE
// (docs/lib/site-address.ts), and every link and asset of the built pages stays under that base
// and names a file the build made. CI builds with the GitHub Pages address, so there this checks
// the very bytes it publishes; tests/browser/base-path.test.ts builds under /verified-docs/ when
// dist/ is at the root, and runs the same check and a browser on it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteAddress } from '../../docs/lib/site-address.ts';
import { ROOT } from '../../scripts/verify/runner.ts';
import { checkSiteReferences } from '../support/site-references.ts';

const DIST = process.env.SITE_DIST ?? join(ROOT, 'dist');

describe('the site address (SITE_URL, SITE_BASE)', () => {
  it('is the root when neither is set, and takes a base and an origin', () => {
    expect(siteAddress({})).toEqual({ base: '/' });
    expect(siteAddress({ SITE_URL: 'https://owner.github.io', SITE_BASE: '/verified-docs/' })).toEqual({
      site: 'https://owner.github.io',
      base: '/verified-docs/',
    });
    expect(siteAddress({ SITE_BASE: ' /a/b/ ', SITE_URL: '' })).toEqual({ base: '/a/b/' });
  });

  it('refuses a base without its slashes, and a URL with a path, saying what to write instead', () => {
    expect(() => siteAddress({ SITE_BASE: 'verified-docs' })).toThrow(
      /must be a path that starts and ends with "\/", such as \/verified-docs\//,
    );
    expect(() => siteAddress({ SITE_BASE: '/verified-docs' })).toThrow(/SITE_BASE is "\/verified-docs"/);
    expect(() => siteAddress({ SITE_URL: 'https://owner.github.io/verified-docs/' })).toThrow(/the path goes in SITE_BASE/);
    expect(() => siteAddress({ SITE_URL: 'owner.github.io' })).toThrow(/must be an origin alone/);
  });
});

describe('the built site, under its base', () => {
  it('links only to pages and assets under the base, each of them a file the build made', async () => {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: run \`npm run build\` first`);
    const address = siteAddress();
    const report = await checkSiteReferences(DIST, address);
    expect(
      report.outside,
      `links outside ${address.base}: was dist/ built with another SITE_BASE? Build and test with the same one`,
    ).toEqual([]);
    expect(
      report.missing,
      `links to files the build did not make (if they all start with one path, dist/ was built under that base, not ${address.base}: build and test with the same SITE_BASE)`,
    ).toEqual([]);
    // Every page links the others, its assets and its translations: hundreds, not a handful.
    expect(report.checked).toBeGreaterThan(500);
  });
});
