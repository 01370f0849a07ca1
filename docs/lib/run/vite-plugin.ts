/**
 * Run's part in the build (astro.config.mjs adds it to Vite's plugins): prepares the runtimes
 * (./prepare.ts) and puts them in the site under `<base>run/`: emitted into the client build's
 * output by `astro build`, served from `.cache/browser-runtimes/run/` by `astro dev`.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';
import { prepareRuntimes, runFiles } from './prepare.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function runPlugins(): Plugin[] {
  let prepared: Promise<string> | undefined;
  return [
    {
      name: 'verified-docs:run-runtimes',
      apply: 'build',
      buildStart() {
        if (this.environment.name === 'client') prepared = prepareRuntimes();
      },
      async generateBundle() {
        if (this.environment.name !== 'client' || !prepared) return;
        const dir = await prepared;
        for (const file of await runFiles(dir)) {
          this.emitFile({ type: 'asset', fileName: `run/${file}`, source: await readFile(join(dir, file)) });
        }
      },
    },
    {
      name: 'verified-docs:run-runtimes-dev',
      apply: 'serve',
      configureServer(server) {
        const base = server.config.base.endsWith('/') ? server.config.base : `${server.config.base}/`;
        prepared ??= prepareRuntimes();
        server.middlewares.use(`${base}run/`, async (request, response, next) => {
          const dir = await prepared!;
          const file = normalize(join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname)));
          if (!file.startsWith(dir + sep)) return next();
          try {
            const body = await readFile(file);
            response.setHeader('Content-Type', TYPES[extname(file)] ?? 'text/plain; charset=utf-8');
            response.end(body);
          } catch {
            next();
          }
        });
      },
    },
  ];
}
