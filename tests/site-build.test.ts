// The built guide (dist/, from `npm run build`) must show every example file exactly as it is
// in examples/cancel-reserve/, and the documented response exactly as expected.json has it.
// Any difference fails: a page that drifted from its verified files must not be published.
// The "verified" line under each tab may say no more than reports/verify.json does.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { RUNNERS } from '../scripts/verify/languages.ts';
import { ROOT } from '../scripts/verify/runner.ts';

const PAGE = join(ROOT, 'dist', 'cancel-reserve', 'index.html');
const EXAMPLES = join(ROOT, 'examples', 'cancel-reserve');

async function builtPage(path = PAGE): Promise<string> {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npm run build\` first (the site tests read the built page)`);
  }
  return readFile(path, 'utf8');
}

/** HTML character references as the page's serializer writes them; anything else fails loudly. */
function decode(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    const value = named[ref.toLowerCase()];
    if (value === undefined) throw new Error(`unexpected character reference ${match} in the built page`);
    return value;
  });
}

/** The HTML of one element marked with `attribute="value"`, up to the next such marker (or the tab group's end). */
function section(html: string, attribute: string, value: string): string {
  const start = html.indexOf(`${attribute}="${value}"`);
  if (start === -1) throw new Error(`the built page has no element with ${attribute}="${value}"`);
  const rest = html.slice(start + 1);
  const ends = [rest.indexOf(` ${attribute}="`), rest.indexOf('</starlight-tabs>')].filter((i) => i !== -1);
  return rest.slice(0, ends.length ? Math.min(...ends) : undefined);
}

/** What the copy button copies: Expressive Code keeps it in data-code, with U+007F for newlines. */
function copiedText(html: string): string {
  const codes = [...html.matchAll(/data-code="([^"]*)"/g)];
  expect(codes, 'one code block (with a copy button) in this section').toHaveLength(1);
  return decode(codes[0]![1]!).replace(/\u007f/g, '\n');
}

/** The text the reader sees: each rendered line's text, joined by newlines. */
function shownText(html: string): string {
  const pre = html.match(/<pre[^>]*>([\s\S]*?)<\/pre>/);
  expect(pre, 'a <pre> in this section').not.toBeNull();
  const lines = [...pre![1]!.matchAll(/<div class="ec-line[^"]*"[^>]*>([\s\S]*?)<\/div><\/div>/g)].map((m) => {
    const text = decode(m[1]!.replace(/^<div class="code">/, '').replace(/<[^>]+>/g, ''));
    return text === '\n' ? '' : text;
  });
  expect(lines.length, 'rendered lines').toBeGreaterThan(0);
  return lines.join('\n');
}

/** A file as a code block can show it: every line, without the final newline (the copy button restores it). */
const withoutFinalNewline = (text: string) => text.replace(/\r?\n$/, '');

describe('the built Cancel reserve page', () => {
  it('exists (run `npm run build` before this test)', async () => {
    expect((await builtPage()).length).toBeGreaterThan(0);
  });

  it('has the seven code tabs in the seed\'s order, labelled as the verifier names them', async () => {
    const html = await builtPage();
    const order = [...html.matchAll(/<div class="example" data-example="([^"]+)" data-file="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(order).toEqual(RUNNERS.map((r) => [r.id, `examples/cancel-reserve/${r.id}/${r.file}`]));
    const firstGroup = html.slice(html.indexOf('<starlight-tabs'), html.indexOf('</starlight-tabs>'));
    const labels = [...firstGroup.matchAll(/<a role="tab"[^>]*>([^<]*)<\/a>/g)].map((m) => decode(m[1]!).trim());
    expect(labels).toEqual(RUNNERS.map((r) => r.title));
  });

  describe.each(RUNNERS.map((r) => [r.title, r] as const))('the %s tab', (_title, runner) => {
    it('shows its example file exactly, and its copy button copies exactly the file', async () => {
      const file = await readFile(join(EXAMPLES, runner.id, runner.file), 'utf8');
      const tab = section(await builtPage(), 'data-example', runner.id);
      expect(copiedText(tab), `copy button text differs from examples/cancel-reserve/${runner.id}/${runner.file}`).toBe(file);
      expect(shownText(tab), `shown code differs from examples/cancel-reserve/${runner.id}/${runner.file}`).toBe(withoutFinalNewline(file));
      expect(tab).toContain(`<span class="title">${runner.file}</span>`);
    });

    it('claims no more than the verification report says', async () => {
      const tab = section(await builtPage(), 'data-example', runner.id);
      const line = decode((tab.match(/<p class="verified-line"[^>]*>([\s\S]*?)<\/p>/) ?? [])[1]?.replace(/<[^>]+>/g, '') ?? '');
      const bytes = await readFile(join(EXAMPLES, runner.id, runner.file));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const report = existsSync(join(ROOT, 'reports', 'verify.json'))
        ? JSON.parse(await readFile(join(ROOT, 'reports', 'verify.json'), 'utf8'))
        : undefined;
      const entry = report?.results?.find((r: { language: string }) => r.language === runner.id);
      const provable = entry?.result === 'passed' && entry.sha256 === sha256 && entry.file === `examples/cancel-reserve/${runner.id}/${runner.file}`;
      if (!provable) {
        expect(line).toMatch(/^Not verified in this build\b/);
        return;
      }
      // The report was read when the page was built; it may have been rewritten since.
      if (line.startsWith('Not verified')) return;
      expect(line).toMatch(/^Verified on \d{1,2} [A-Z][a-z]+ \d{4} with /);
      expect(line).toContain(`with ${entry.runtime.name} ${entry.runtime.version}`);
      if (entry.sdk.kind === 'official') expect(line).toContain(`and the official SDK ${entry.sdk.name} ${entry.sdk.version}`);
      if (entry.sdk.kind === 'double') expect(line).toContain(`and an SDK double of ${entry.sdk.name} ${entry.sdk.version}`);
      if (entry.sdk.kind === 'none') expect(line).not.toMatch(/\bSDK\b/);
    });
  });

  it('shows the documented response exactly as examples/cancel-reserve/expected.json has it', async () => {
    const expected = await readFile(join(EXAMPLES, 'expected.json'), 'utf8');
    const marked = section(await builtPage(), 'data-file', 'examples/cancel-reserve/expected.json');
    const block = marked.slice(0, marked.indexOf('</figure>'));
    expect(copiedText(block)).toBe(expected);
    expect(shownText(block)).toBe(withoutFinalNewline(expected));
    expect(JSON.parse(copiedText(block))).toEqual(JSON.parse(expected));
    const html = await builtPage();
    expect(html.indexOf('The response will show the following result')).toBeLessThan(html.indexOf('data-file="examples/cancel-reserve/expected.json"'));
  });

  it('offers the same seven languages in the "How to run" tabs, synced with the code tabs', async () => {
    const html = await builtPage();
    const groups = [...html.matchAll(/<starlight-tabs data-sync-key="lang"[^>]*>([\s\S]*?)<\/starlight-tabs>/g)];
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const group of groups) {
      const labels = [...group[1]!.matchAll(/<a role="tab"[^>]*>([^<]*)<\/a>/g)].map((m) => decode(m[1]!).trim());
      expect(labels).toEqual(RUNNERS.map((r) => r.title));
    }
  });
});

describe('a build without a verification report', () => {
  it('still builds, and says of every tab that it is not verified', async () => {
    const out = await mkdtemp(join(tmpdir(), 'site-no-report-'));
    try {
      await execa('astro', ['build', '--outDir', out], {
        cwd: ROOT,
        preferLocal: true,
        env: { VERIFIED_DOCS_REPORT: join(out, 'no-such-report.json'), ASTRO_TELEMETRY_DISABLED: '1' },
      });
      const html = await builtPage(join(out, 'cancel-reserve', 'index.html'));
      for (const runner of RUNNERS) {
        const tab = section(html, 'data-example', runner.id);
        expect(tab).toContain('data-verified="false"');
        expect(tab).not.toContain('Verified on');
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
