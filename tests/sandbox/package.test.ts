/**
 * The sandbox's package (sandbox/package/) as a reader reads it on npm: its manifest and its
 * README tell the truth. The tarball itself is installed and used in package-tarball.test.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { placesFor } from '../../examples/proxy-settings.ts';
import { describeCa } from '../../sandbox/node/local-ca.ts';
import { proxyLines } from '../../sandbox/package/proxy-lines.ts';
import { ROOT } from '../../scripts/verify/runner.ts';

const PACKAGE = join(ROOT, 'sandbox', 'package');
const json = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

describe('the verified-mp-sandbox package', () => {
  it('says it is an unofficial emulator, under the repository’s licence, with its dependencies pinned as the repository pins them', async () => {
    const manifest = await json(join(PACKAGE, 'package.json'));
    const root = await json(join(ROOT, 'package.json'));
    expect(manifest).toMatchObject({ name: 'verified-mp-sandbox', version: '0.1.0', bin: { 'verified-mp-sandbox': 'dist/cli.js' } });
    expect(manifest.description).toMatch(/unofficial emulator/);
    expect(manifest.description).toMatch(/Not made or endorsed by Mercado Pago/);
    expect(await readFile(join(ROOT, 'LICENSE'), 'utf8')).toMatch(new RegExp(`^${manifest.license} License\\n`));
    expect(root.workspaces).toContain('sandbox/package');
    for (const [name, version] of Object.entries(manifest.dependencies))
      expect(version, `${name} as the root pins it`).toBe(root.dependencies[name] ?? root.devDependencies[name]);
  });

  it('README: says it is unofficial, and its proxy lines are what the command prints from the language table', async () => {
    const readme = await readFile(join(PACKAGE, 'README.md'), 'utf8');
    expect(readme).toMatch(/\*\*An unofficial emulator\*\*/);
    const block = /<!-- proxy-lines:[^\n]*\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'the README has a proxy-lines block').toBeDefined();
    const places = placesFor(
      { url: 'http://127.0.0.1:3001', host: '127.0.0.1', port: 3001 },
      describeCa('/home/you/.config/mercadopago-sandbox', { javaTrustStore: true }),
    );
    const expected = `${proxyLines(places).join('\n')}\n`;
    expect(block, `sandbox/package/README.md's proxy lines are out of date; replace the block with:\n${expected}`).toBe(expected);
  });
});

describe('its command (sandbox/package/cli.ts, as npm run sandbox runs it)', () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    execa(process.execPath, ['sandbox/package/cli.ts', ...args], { cwd: ROOT, env, reject: false, all: true });

  it('--help says what it is and lists its options; an unknown option exits 2 with the same list', async () => {
    const help = await run(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.all).toMatch(/^Usage: verified-mp-sandbox \[--proxy\]/);
    expect(help.all).toContain('unofficial emulator');
    for (const option of ['--proxy', '--ca-dir', '--port', '--host']) expect(help.all).toContain(option);
    const wrong = await run(['--prox']);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.all).toMatch(/^sandbox: Unknown option '--prox'/);
    expect(wrong.all).toContain('Usage: verified-mp-sandbox');
  });

  it('--proxy without openssl on PATH exits 1 saying to install it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'no-openssl-'));
    try {
      const result = await run(['--proxy', '--port', '0', '--ca-dir', join(dir, 'ca')], { PATH: dir });
      expect(result.exitCode).toBe(1);
      expect(result.all).toContain(`sandbox: cannot make or read the local CA in ${join(dir, 'ca')}`);
      expect(result.all).toContain('install it, so that it is on PATH, and start again');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
