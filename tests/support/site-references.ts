/**
 * Every link and asset a built site's pages and stylesheets name, resolved as a browser resolves
 * them from where the page is served (`<site><base><page>`): those of the site's own origin must
 * stay under the base, as GitHub Pages serves a repository's site under /<repo>/ and nothing else
 * of it, and must name a file the build made. The site tests run it on dist/; the browser test
 * of a build under a base runs it on that build (tests/browser/base-path.test.ts).
 *
 * It reads HTML attributes and CSS url()s, not JavaScript: a script's paths are proven by what a
 * browser asks for when it runs them (that browser test records every request).
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** The origin a build without SITE_URL is taken to be served at. */
const NO_SITE = 'http://site.invalid';

export interface ReferenceReport {
  /** How many of the site's own references were checked. */
  checked: number;
  /** `file: reference → its path`, for each one outside the base. */
  outside: string[];
  /** `file: reference`, for each one under the base that names no built file. */
  missing: string[];
}

const ATTRIBUTE = /\s(?:href|src|srcset|action|poster|data-module|content)="([^"]*)"/g;
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

/** The values in an attribute or url() that are addresses: srcset lists several; `content` is one only when it looks like one. */
function addresses(value: string, attribute: string): string[] {
  if (attribute.startsWith(' srcset')) return value.split(',').map((entry) => entry.trim().split(/\s+/)[0] ?? '');
  if (attribute.startsWith(' content')) return /^(?:https?:\/\/|\/)/.test(value) ? [value] : [];
  return [value];
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|quot|lt|gt|apos);/gi, (_, ref: string) =>
    ref[0] === '#'
      ? String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10))
      : ({ amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[ref.toLowerCase()]!,
  );
}

/** Whether a path under the base names a file the build made (a folder: its index.html, as the host serves it). */
function built(dist: string, path: string): boolean {
  // Starlight gives the 404 page the address <base>404/ in its canonical and alternate links; the
  // host serves 404.html for any path it does not have, and that file is what stands for it.
  if (/(^|\/)404\/$/.test(path)) return existsSync(join(dist, `${path.slice(0, -1)}.html`)) || existsSync(join(dist, '404.html'));
  const file = join(dist, path);
  if (path.endsWith('/') || path === '') return existsSync(join(file, 'index.html'));
  return existsSync(file) && (statSync(file).isFile() || existsSync(join(file, 'index.html')));
}

export async function checkSiteReferences(dist: string, { base, site }: { base: string; site?: string }): Promise<ReferenceReport> {
  const origin = site ?? NO_SITE;
  const report: ReferenceReport = { checked: 0, outside: [], missing: [] };
  const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && /\.(html|css)$/.test(e.name))
    .map((e) => relative(dist, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
  for (const file of files) {
    const text = await readFile(join(dist, file), 'utf8');
    // Where the host serves it: a page's folder for index.html, the file itself otherwise.
    const served = new URL(`${base}${file.replace(/(^|\/)index\.html$/, '$1')}`, origin);
    const found = file.endsWith('.css')
      ? [...text.matchAll(CSS_URL)].map((m) => m[2]!)
      : [...text.matchAll(ATTRIBUTE)].flatMap((m) => addresses(decode(m[1]!), m[0]));
    for (const value of found) {
      if (value === '' || /^(?:#|data:|mailto:|javascript:)/i.test(value)) continue;
      const target = new URL(value, served);
      if (target.origin !== origin) continue;
      report.checked++;
      if (!`${target.pathname}/`.startsWith(base)) {
        report.outside.push(`${file}: ${value} → ${target.pathname}`);
        continue;
      }
      if (!built(dist, decodeURIComponent(target.pathname.slice(base.length)))) report.missing.push(`${file}: ${value}`);
    }
  }
  return report;
}
