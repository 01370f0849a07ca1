// "Your own program, through the sandbox", the closed panel at the end of each page's "Try it against
// the sandbox" (docs/components/TryYourOwnCode.astro): on every built page of every locale, one tab per
// code tab, in their order and synced with them, each with the settings the language table gives
// (examples/languages.ts through examples/proxy-settings.ts), read from the table here too, and its
// note in the page's language. Pasted into a shell, each tab's lines run the reader's command with
// exactly those settings; they name the places `npm run sandbox -- --proxy` prints when started with
// its defaults; and the curl and Node tabs, pasted as they are but for the port, reach that sandbox.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fill } from '../../docs/lib/i18n.ts';
import { LOCALES } from '../../docs/lib/locales.ts';
import { LANGUAGES, type Language } from '../../examples/languages.ts';
import { loadOperations } from '../../examples/operations.ts';
import { placesFor, proxySettings, shellAssignments } from '../../examples/proxy-settings.ts';
import { describeCa } from '../../sandbox/node/local-ca.ts';
import { ROOT } from '../../scripts/verify/runner.ts';
import { decodeHtml } from '../support/decode-html.ts';

const OPERATIONS = loadOperations();
const PAGES = LOCALES.flatMap((locale) => OPERATIONS.map((op) => [`/${locale.prefix}${op.id}/`, locale, op.id] as const));
const builtPath = (prefix: string, id: string) => join(process.env.SITE_DIST ?? join(ROOT, 'dist'), `${prefix}${id}`, 'index.html');
const strings = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(join(ROOT, 'docs', 'content', 'i18n', `${lang}.json`), 'utf8'));

/** What `npm run sandbox` runs: `node <file>`, read from package.json, wherever the command's file lives. */
const SANDBOX_SCRIPT = (() => {
  const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.sandbox;
  const [runtime, ...args] = script.split(' ');
  if (runtime !== 'node') throw new Error(`npm run sandbox runs "${script}", not node: update this test`);
  return args;
})();

/** The sandbox's documented address and, under a home folder, the folder its CA is kept in by default. */
const DOCUMENTED_PROXY = { url: 'http://127.0.0.1:3001', host: '127.0.0.1', port: 3001 };
const caDirUnder = (home: string) => join(home, '.config', 'mercadopago-sandbox');

/** The table's settings for a reader whose home folder is `home`, with the sandbox at `proxy`. */
const tableSettings = (language: Language, home: string, proxy = DOCUMENTED_PROXY) =>
  proxySettings(language, placesFor(proxy, describeCa(caDirUnder(home), { javaTrustStore: true })));

/** What a reader types to run their own program, by the table's run lines for a program named `app`. */
const runLine = (language: Language) => language.run(language.program('app')).at(-1)!;

const textOf = (markup: string) =>
  decodeHtml(markup.replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
const tabLabels = (group: string) => [...group.matchAll(/<a role="tab"[^>]*>([^<]*)<\/a>/g)].map((m) => decodeHtml(m[1]!).trim());

/** The panel's markup: from its <details> to the end of it (it holds no other <details>). */
function panelOf(html: string): { at: number; markup: string } {
  const marker = html.search(/\sdata-own-code[\s>]/);
  if (marker === -1) throw new Error('the built page has no "Your own program" panel (data-own-code)');
  const at = html.lastIndexOf('<details', marker);
  const end = html.indexOf('</details>', marker);
  return { at, markup: html.slice(at, end + '</details>'.length) };
}

/** One language's tab in the panel: the lines its copy button copies, and the note under them. */
function tabOf(panel: string, language: Language): { script: string; note: string | undefined } {
  const start = panel.indexOf(`data-own-code-language="${language.id}"`);
  expect(start, `a tab for ${language.label}`).toBeGreaterThan(-1);
  const rest = panel.slice(start);
  const next = rest.indexOf('data-own-code-language=', 1);
  const tab = rest.slice(0, next === -1 ? rest.indexOf('</starlight-tabs>') : next);
  const codes = [...tab.matchAll(/data-code="([^"]*)"/g)];
  expect(codes, `one code block in the ${language.label} tab`).toHaveLength(1);
  const note = tab.match(/<p class="own-code__note[^"]*"[^>]*>([\s\S]*?)<\/p>/)?.[1];
  return { script: decodeHtml(codes[0]![1]!).replace(/\u007f/g, '\n'), note: note === undefined ? undefined : textOf(note) };
}

const pages = new Map<string, string>();
const page = (prefix: string, id: string) => {
  const key = `${prefix}${id}`;
  if (!pages.has(key)) {
    const path = builtPath(prefix, id);
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (the site tests read the built pages)`);
    pages.set(key, readFileSync(path, 'utf8'));
  }
  return pages.get(key)!;
};

describe.each(PAGES)('the built %s page', (_path, locale, id) => {
  it('closes "Try it against the sandbox" with the panel, closed, after its curl lines', () => {
    const html = page(locale.prefix, id);
    const { at, markup } = panelOf(html);
    expect(markup.slice(0, markup.indexOf('>'))).not.toMatch(/\sopen\b/);
    expect(markup.match(/<details/g)).toHaveLength(1);
    const heading = html.lastIndexOf('<h2 ', at);
    const section = html.slice(heading, at);
    expect(textOf(section.slice(0, section.indexOf('</h2>'))).toLowerCase()).toContain('sandbox');
    expect(section, 'a curl snippet before the panel, in the same section').toMatch(/data-code="[^"]*\bcurl /);
    expect(html.indexOf('<h2 ', at), 'the next section starts after the panel').toBeGreaterThan(at + markup.length - 1);
  });

  it('has a tab per code tab, in their order and with their labels, synced with them', () => {
    const html = page(locale.prefix, id);
    const { markup } = panelOf(html);
    const codeTabs = html.slice(html.indexOf('<starlight-tabs'), html.indexOf('</starlight-tabs>'));
    const ownTabs = markup.slice(markup.indexOf('<starlight-tabs'));
    expect(tabLabels(ownTabs)).toEqual(tabLabels(codeTabs));
    expect(tabLabels(ownTabs)).toEqual(LANGUAGES.map((l) => l.label));
    const key = (group: string) => group.match(/^<starlight-tabs[^>]*data-sync-key="([^"]+)"/)?.[1];
    expect(key(ownTabs)).toBeDefined();
    expect(key(ownTabs)).toBe(key(codeTabs));
  });

  it.each(LANGUAGES.map((l) => [l.label, l] as const))(
    "shows in its %s tab each setting the table gives, then the reader's command, and the table's note in the page's language",
    (_label, language) => {
      const { script, note } = tabOf(panelOf(page(locale.prefix, id)).markup, language);
      const lines = script.split('\n');
      expect(lines.at(-1)).toBe(runLine(language));
      // Each variable's line starts with its name; the values, as a shell reads them, are the next test's.
      const settings = tableSettings(language, '$HOME');
      for (const name of Object.keys(settings.env)) expect(script, name).toMatch(new RegExp(`^${name}=`, 'm'));
      if (settings.note === undefined) {
        expect(note).toBeUndefined();
        return;
      }
      const places = placesFor(DOCUMENTED_PROXY, describeCa('$HOME/.config/mercadopago-sandbox', { javaTrustStore: true }));
      const expected =
        locale.lang === 'en'
          ? settings.note
          : fill(strings(locale.lang)[`proxy.note.${language.id}`]!, places as unknown as Record<string, string>);
      expect(note).toBe(expected);
    },
  );
});

// The sandbox's own package (sandbox/package/) names the command the panel shows.
const PACKAGE_JSON = join(ROOT, 'sandbox', 'package', 'package.json');
it("names the sandbox package's command as its package.json does, on every page", () => {
  const bin = Object.keys(JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')).bin ?? {});
  expect(bin).toHaveLength(1);
  for (const [path, locale, id] of PAGES) expect(panelOf(page(locale.prefix, id)).markup, path).toContain(`>npx ${bin[0]} --proxy</code>`);
});

describe("each tab's lines, pasted into bash", () => {
  let shims: string;
  const HOME = '/home/reader';

  beforeAll(async () => {
    // Stand-ins for the readers' runtimes: each prints the arguments it got and the environment.
    shims = await mkdtemp(join(tmpdir(), 'own-code-shims-'));
    for (const command of new Set(LANGUAGES.map((l) => runLine(l).split(' ')[0]!))) {
      await writeFile(join(shims, command), '#!/bin/sh\nprintf \'ARG %s\\n\' "$(basename "$0")" "$@"\necho ENV\nexec /usr/bin/env\n');
      await chmod(join(shims, command), 0o755);
    }
  });
  afterAll(async () => {
    if (shims) await rm(shims, { recursive: true, force: true });
  });

  /** What the reader's command gets when the tab's lines run in a shell with this home folder. */
  async function runPasted(script: string, env: Record<string, string>) {
    const run = await execa('/bin/bash', ['-c', script], { env, extendEnv: false, reject: false });
    expect(run.exitCode, run.stderr).toBe(0);
    const [args, vars] = run.stdout.split('\nENV\n');
    return {
      args: args!.split('\n').map((line) => line.replace(/^ARG /, '')),
      env: Object.fromEntries(vars!.split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])),
    };
  }

  it.each(LANGUAGES.map((l) => [l.label, l] as const))(
    '%s: runs the command unchanged, with each variable exactly as the table gives it for that home folder, the same on every page',
    async (_label, language) => {
      const scripts = new Set(PAGES.map(([, locale, id]) => tabOf(panelOf(page(locale.prefix, id)).markup, language).script));
      expect(scripts.size, 'the same lines on every page of every locale').toBe(1);
      const got = await runPasted([...scripts][0]!, { PATH: `${shims}:/usr/bin:/bin`, HOME });
      expect(got.args.join(' ')).toBe(runLine(language));
      for (const [name, value] of Object.entries(tableSettings(language, HOME).env)) expect(got.env[name], name).toBe(value);
    },
  );
});

describe('the panel against `npm run sandbox -- --proxy` started with its defaults', () => {
  let home: string;
  let child: ChildProcess | undefined;
  let printed: string;
  let proxyUrl: string;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'own-code-home-'));
    const { XDG_CONFIG_HOME: _, ...env } = process.env;
    // As a reader starts it, with the file `npm run sandbox` runs, but on a free port: 3001 may be taken.
    child = spawn(process.execPath, [...SANDBOX_SCRIPT, '--proxy', '--port', '0'], {
      cwd: ROOT,
      env: { ...env, HOME: home },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    printed = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the proxy did not start: ${out}`)), 60_000);
      child!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ctrl-C stops.')) {
          clearTimeout(timer);
          resolve(out);
        }
      });
      child!.once('exit', (code) => reject(new Error(`the proxy exited (${code}): ${out}`)));
    });
    proxyUrl = printed.match(/on (http:\/\/127\.0\.0\.1:\d+)\n/)![1]!;
  });
  afterAll(async () => {
    child?.kill('SIGTERM');
    if (home) await rm(home, { recursive: true, force: true });
  });

  const port = () => new URL(proxyUrl).port;
  /** A tab's lines as the English Cancel page has them, for the port the proxy printed. */
  const pasted = (language: Language) =>
    tabOf(panelOf(page('', 'cancel-reserve')).markup, language).script.replaceAll('127.0.0.1:3001', `127.0.0.1:${port()}`);

  it('keeps its CA in the folder the panel names, and prints for each language the lines the panel gives', () => {
    expect(printed).toContain(`\nCA: ${join(caDirUnder(home), 'ca.pem')}\n`);
    const proxy = { url: proxyUrl, host: '127.0.0.1', port: Number(port()) };
    for (const language of LANGUAGES) {
      expect(printed).toContain(`  ${language.label.padEnd(7)} ${shellAssignments(tableSettings(language, home, proxy).env)}\n`);
    }
  });

  it("curl: the tab's lines, pasted with the printed port, run the reader's script against the sandbox", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'own-code-curl-'));
    try {
      await writeFile(
        join(dir, 'app.sh'),
        "curl -sS -f https://api.mercadopago.com/v1/payments/search?external_reference=nothing -H 'Authorization: Bearer TEST-sandbox'\n",
      );
      const run = await execa('/bin/bash', ['-c', `cd ${dir}\n${pasted(LANGUAGES.find((l) => l.id === 'curl')!)}`], {
        env: { PATH: '/usr/bin:/bin', HOME: home },
        extendEnv: false,
        reject: false,
      });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ paging: { total: 0 }, results: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("Node: the tab's lines, pasted with the printed port, run the reader's program against the sandbox", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'own-code-node-'));
    try {
      await writeFile(
        join(dir, 'app.mjs'),
        "const r = await fetch('https://api.mercadopago.com/v1/payments/search?external_reference=nothing', { headers: { Authorization: 'Bearer TEST-sandbox' } });\nconsole.log(r.status, JSON.stringify(await r.json()));\n",
      );
      const run = await execa('/bin/bash', ['-c', `cd ${dir}\n${pasted(LANGUAGES.find((l) => l.id === 'node')!)}`], {
        env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: home },
        extendEnv: false,
        reject: false,
      });
      expect(run.exitCode, run.stderr).toBe(0);
      const [status, body] = [run.stdout.slice(0, 3), run.stdout.slice(4)];
      expect(status).toBe('200');
      expect(JSON.parse(body)).toMatchObject({ paging: { total: 0 }, results: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
