/**
 * `npm start`: the built docs site and the Payments API sandbox, together.
 * Builds the site first when dist/ is missing. Ctrl-C stops both.
 *
 *   npm start -- [--port 4321] [--sandbox-port 3001] [--host 127.0.0.1]
 *
 * The guide's "Try it against the sandbox" steps expect the sandbox on 127.0.0.1:3001.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { loadOperations } from '../examples/operations.ts';
import { type StaticServer, serveStatic } from './static-server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SITE_PORT ?? '4321' },
    'sandbox-port': { type: 'string', default: process.env.SANDBOX_PORT ?? '3001' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

if (!existsSync(join(DIST, 'index.html'))) {
  console.log('start: dist/ has no built site; building it (npm run build)…');
  const build = await execa('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', reject: false });
  if (build.exitCode !== 0) {
    console.error('start: the build failed; fix it and run npm start again');
    process.exit(build.exitCode ?? 1);
  }
}

// The sandbox as `npm run sandbox` runs it; its banner (card token, curl lines) goes to our stdout.
// Only the site's own origin may call the sandbox from a browser.
const siteOrigin = `http://${values.host}:${values.port}`;
const sandbox = execa(
  process.execPath,
  ['sandbox/package/cli.ts', '--port', values['sandbox-port'], '--host', values.host, '--cors-origin', siteOrigin],
  {
    cwd: ROOT,
    stdout: 'pipe',
    stderr: 'inherit',
    reject: false,
    cleanup: true,
  },
);

const sandboxUrl = await new Promise<string>((resolve, reject) => {
  let seen = '';
  sandbox.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    seen += chunk.toString();
    const match = /listening on (http:\/\/\S+)/.exec(seen);
    if (match) resolve(match[1]!);
  });
  void sandbox.then((result) => reject(new Error(`the sandbox exited with status ${result.exitCode}`)));
}).catch((error: Error) => {
  console.error(`start: ${error.message}`);
  process.exit(1);
});

let site: StaticServer;
try {
  site = await serveStatic(DIST, { host: values.host, port: Number(values.port) });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    `start: cannot serve the site on ${values.host}:${values.port}: ${(error as Error).message}` +
      (code === 'EADDRINUSE' ? ` (pass --port ${Number(values.port) + 1}, or --port 0 for any free port)` : ''),
  );
  sandbox.kill('SIGTERM');
  process.exit(1);
}

console.log(`
Docs site:  ${site.url}/  (the guides: ${loadOperations()
  .map((op) => `/${op.id}/`)
  .join(', ')})
Sandbox:    ${sandboxUrl}  (any non-empty bearer token)
Ctrl-C stops both.`);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  sandbox.kill(signal === 'SIGINT' ? 'SIGTERM' : signal);
  await Promise.allSettled([site.close(), sandbox]);
  process.exit(0);
}
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));

// The sandbox stopping on its own ends the whole thing: the guide's steps need it.
void sandbox.then(async (result) => {
  if (stopping) return;
  console.error(`start: the sandbox stopped (status ${result.exitCode}); stopping the site`);
  await site.close();
  process.exit(result.exitCode || 1);
});
