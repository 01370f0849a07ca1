// The PHP tab serves php-wasm's GPL files (run/php/php_8_3.wasm, run/php/php-wasm.mjs); the
// built site must offer their corresponding source beside them, in run/php/source/
// (docs/lib/run/languages/php/source.ts, NOTICE): npm's own tarballs of the packages they were
// made from, our files that made them, the licence, and SOURCE.txt saying where the rest is.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { bundledPackages } from '../../docs/lib/run/languages/php/source.ts';
import { ROOT } from '../../scripts/verify/runner.ts';

const DIST = process.env.SITE_DIST ?? join(ROOT, 'dist');
const PHP = join(DIST, 'run', 'php');
const SOURCE = join(PHP, 'source');
const LOCK = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; integrity?: string }>;
};

/** A file inside an npm tarball (its files are under package/). */
const fromTarball = async (tarball: string, path: string) =>
  Buffer.from((await execa('tar', ['-xzOf', tarball, `package/${path}`], { encoding: 'buffer', stripFinalNewline: false })).stdout);

async function source(): Promise<{ text: string; tarballs: string[] }> {
  if (!existsSync(join(SOURCE, 'SOURCE.txt')))
    throw new Error(`${SOURCE}/SOURCE.txt is missing: run \`npm run build\` first (the PHP tab's build step writes it)`);
  return {
    text: await readFile(join(SOURCE, 'SOURCE.txt'), 'utf8'),
    tarballs: (await readdir(SOURCE)).filter((f) => f.endsWith('.tgz')).sort(),
  };
}

describe("the PHP tab's corresponding source, beside the GPL files", () => {
  it('holds the tarball npm installed of each php-wasm package the tab serves, each as package-lock.json pins it', async () => {
    const { text, tarballs } = await source();
    const names: string[] = [];
    for (const tarball of tarballs) {
      const meta = JSON.parse((await fromTarball(join(SOURCE, tarball), 'package.json')).toString()) as { name: string; version: string };
      names.push(meta.name);
      const locked = Object.entries(LOCK.packages).filter(
        ([key, entry]) => key.endsWith(`node_modules/${meta.name}`) && entry.version === meta.version,
      );
      expect(locked.length, `${meta.name}@${meta.version} in package-lock.json`).toBeGreaterThan(0);
      const sha512 = `sha512-${createHash('sha512')
        .update(await readFile(join(SOURCE, tarball)))
        .digest('base64')}`;
      expect(
        locked.map(([, entry]) => entry.integrity),
        tarball,
      ).toContain(sha512);
      // SOURCE.txt names each, with its checksum.
      expect(text).toContain(`${tarball}\n      ${meta.name} ${meta.version}`);
      expect(text).toContain(sha512);
    }
    expect(names).toEqual(expect.arrayContaining(['@php-wasm/web', '@php-wasm/universal', '@php-wasm/web-8-3']));
  });

  it('serves the .wasm exactly as it is in its tarball, and names where upstream keeps its build recipe, at the commit it was built from', async () => {
    const { text, tarballs } = await source();
    const named = /: (\S+\.wasm) in (\S+\.tgz) \(@php-wasm\/web-8-3\), unmodified/.exec(text);
    expect(named, 'SOURCE.txt names the .wasm and its tarball').not.toBeNull();
    expect(tarballs).toContain(named![2]);
    const served = await readFile(join(PHP, 'php_8_3.wasm'));
    expect((await fromTarball(join(SOURCE, named![2]!), named![1]!)).equals(served), 'the served .wasm is the tarball’s').toBe(true);
    const gitHead = (
      JSON.parse(await readFile(join(ROOT, 'node_modules', '@php-wasm', 'web-8-3', 'package.json'), 'utf8')) as { gitHead: string }
    ).gitHead;
    expect(text).toContain(`https://github.com/WordPress/wordpress-playground/tree/${gitHead}/packages/php-wasm/compile`);
  });

  it('holds our files that made php-wasm.mjs, byte for byte, and the GPL; the served file says it was changed and where its source is', async () => {
    await source();
    for (const [name, path] of [
      ['php-wasm.js', 'docs/lib/run/languages/php/php-wasm.js'],
      ['php-wasm-patch.ts', 'docs/lib/run/languages/php/php-wasm-patch.ts'],
      ['prepare.ts', 'docs/lib/run/languages/php/prepare.ts'],
      ['bundle.ts', 'docs/lib/run/languages/bundle.ts'],
    ] as const)
      expect(await readFile(join(SOURCE, 'build', name), 'utf8'), name).toBe(await readFile(join(ROOT, path), 'utf8'));
    expect(await readFile(join(SOURCE, 'LICENSE'), 'utf8')).toMatch(/GNU GENERAL PUBLIC LICENSE\s+Version 2, June 1991/);
    const head = (await readFile(join(PHP, 'php-wasm.mjs'), 'utf8')).split('\n', 1)[0]!;
    expect(head).toMatch(/^\/\* php-wasm [\d.]+ \(GPL-2\.0-or-later\), bundled and changed at build time .*source\/SOURCE\.txt \*\/$/);
  });
});

describe('which packages a bundle was made from', () => {
  it("names each package by its package-lock.json key, nested ones included, wherever node_modules is (a symlink's target too)", () => {
    const inputs = Object.fromEntries(
      [
        '../main/node_modules/@php-wasm/web/index.js',
        '../main/node_modules/@php-wasm/web/lib/a.js',
        'node_modules/@php-wasm/universal/node_modules/ini/lib/ini.js',
        'node_modules/events/events.js',
        'docs/lib/run/languages/php/php-wasm.js',
        'php-version:@php-wasm/web-8-3',
      ].map((path) => [path, { bytes: 1, imports: [] }]),
    );
    expect(bundledPackages({ inputs, outputs: {} })).toEqual([
      'node_modules/@php-wasm/universal/node_modules/ini',
      'node_modules/@php-wasm/web',
      'node_modules/events',
    ]);
  });
});
