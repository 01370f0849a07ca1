/**
 * The curl tab in the browser: the tab's bash script in just-bash (npm, a bash interpreter in
 * TypeScript) in a module Worker, whose curl sends its requests with the Worker's fetch, which
 * the Service Worker answers (./worker.ts adds what the scripts use and just-bash lacks).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrepareStep } from '../../prepare.ts';
import { bundle } from '../bundle.ts';
import { justBashAssignmentStatus } from './just-bash-patch.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

export const prepareCurl: PrepareStep = async ({ dir, root }) => {
  // just-bash's exports map does not export its package.json: read it from the installed folder.
  const { version } = JSON.parse(await readFile(join(root, 'node_modules', 'just-bash', 'package.json'), 'utf8')) as { version: string };
  await bundle({
    entryPoints: [join(HERE, 'worker.ts')],
    outfile: join(dir, 'worker.mjs'),
    // just-bash's browser build still imports node:zlib, for gzip and zcat, which the tabs do not use.
    alias: { 'node:zlib': join(HERE, 'zlib-stub.ts') },
    conditions: ['browser'],
    plugins: [justBashAssignmentStatus],
  });
  return { runtime: `just-bash ${version}`, sdk: '', files: ['worker.mjs'] };
};
