/**
 * The Ruby tab in the browser: ruby.wasm (npm `@ruby/3.4-wasm-wasi`, CRuby for WASI with its
 * standard library inside the binary) run by `@ruby/wasm-wasi` in a module Worker (./worker.ts),
 * with the project's SDK double of the gem (sandbox/sdk-doubles/ruby/lib, as the verifier runs
 * it: RubyGems cannot be reached) and our transport for it on fetch (./fetch_transport.rb), as
 * ruby.wasm has no sockets for the double's Net::HTTP.
 */
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { doubleDir, doubleInfo } from '../../../../../scripts/verify/runner.ts';
import type { PrepareStep } from '../../prepare.ts';
import { bundle } from '../bundle.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
/** Of the npm package, the one file the Worker loads: the VM with its standard library. */
const WASM = 'ruby+stdlib.wasm';

export const prepareRuby: PrepareStep = async ({ dir, root }) => {
  const rubyWasm = join(root, 'node_modules', '@ruby', '3.4-wasm-wasi');
  const { version } = JSON.parse(await readFile(join(rubyWasm, 'package.json'), 'utf8')) as { version: string };
  await copyFile(join(rubyWasm, 'dist', WASM), join(dir, WASM));
  // The package names Ruby's minor only; the binary says which release it is, as `ruby -v` would.
  const ruby = /ruby (\d+\.\d+\.\d+) \(/.exec((await readFile(join(dir, WASM))).toString('latin1'))?.[1];
  if (!ruby) throw new Error(`${WASM} of @ruby/3.4-wasm-wasi ${version} does not say which Ruby it is`);

  // The double's lib/, as `ruby -I lib` finds it.
  const lib = join(doubleDir('ruby'), 'lib');
  const sources = (await readdir(lib, { recursive: true }))
    .filter((file) => file.endsWith('.rb'))
    .map((file) => `lib/${file.replaceAll('\\', '/')}`);
  for (const file of sources) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await copyFile(join(doubleDir('ruby'), file), join(dir, file));
  }
  await copyFile(join(HERE, 'fetch_transport.rb'), join(dir, 'fetch_transport.rb'));
  await bundle({ entryPoints: [join(HERE, 'worker.ts')], outfile: join(dir, 'worker.mjs') });
  const sdk = await doubleInfo('ruby');
  return {
    runtime: `ruby.wasm ${version} (Ruby ${ruby})`,
    sdk: `${sdk.name} ${sdk.version} (SDK double)`,
    files: ['worker.mjs', WASM, 'fetch_transport.rb', ...sources.sort()],
  };
};
