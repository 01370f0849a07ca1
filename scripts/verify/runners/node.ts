import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { NODE_COMPILE_CACHE, ROOT, type Runner } from '../runner.ts';

/** Node: the official `mercadopago` from npm, installed as a workspace of this project. */
export const node: Runner = {
  id: 'node',
  runtime: {
    name: 'Node.js',
    install: 'npm ci (the project pins Node 24 through the node package)',
    version: async () => process.versions.node,
  },
  async prepare() {
    // Every operation's node folder is a workspace of this project: the SDK resolves from the root.
    const require = createRequire(join(ROOT, 'package.json'));
    const manifest = require.resolve('mercadopago/package.json');
    const { version } = JSON.parse(await readFile(manifest, 'utf8'));
    return {
      sdk: { kind: 'official', name: 'mercadopago (npm)', version },
      // The compile cache spares each run compiling the SDK and its dependencies anew.
      command: async (file) => ({ command: process.execPath, args: [file], env: { NODE_COMPILE_CACHE } }),
    };
  },
};
