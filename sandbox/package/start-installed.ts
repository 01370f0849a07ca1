/**
 * `npx verified-mp-sandbox …` started in a reader's folder (install-packed.ts), resolved once it
 * has printed its banner ("Ctrl-C stops."), with what the banner says. Not part of the package.
 */
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { readerEnv } from './install-packed.ts';

export interface StartedCommand {
  child: ResultPromise;
  /** Everything it printed so far. */
  output: () => string;
  /** The address it serves: the proxy's with --proxy. */
  url: string;
  /** The `CA:` line's path (with --proxy). */
  caFile: string | undefined;
  /** Stops it (SIGTERM to its process group: npx and the node it started) and waits for it. */
  stop: () => Promise<void>;
}

/** `options.node`: run the installed bin with that Node binary instead of through npx. */
export async function startInstalled(folder: string, args: string[], options: { node?: string } = {}): Promise<StartedCommand> {
  const [file, ...rest] = options.node
    ? [options.node, join(folder, 'node_modules', '.bin', 'verified-mp-sandbox'), ...args]
    : ['npx', 'verified-mp-sandbox', ...args];
  // Its own process group, so stopping it stops the sandbox npx started, not npx alone.
  const child = execa(file!, rest, {
    cwd: folder,
    env: readerEnv(),
    extendEnv: false,
    all: true,
    reject: false,
    detached: true,
  });
  let printed = '';
  let exited = false;
  void child.then(() => {
    exited = true;
  });
  await new Promise<void>((resolve, reject) => {
    child.all!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('Ctrl-C stops.')) resolve();
    });
    void child.then(() => reject(new Error(`npx verified-mp-sandbox stopped before it was ready:\n${printed}`)));
  });
  const url = /(?:on|listening on) (http:\/\/[\d.:[\]a-z]+)/.exec(printed)?.[1];
  if (!url) throw new Error(`no address in the banner:\n${printed}`);
  const stop = async () => {
    if (!exited && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    await child;
  };
  return { child, output: () => printed, url, caFile: /^CA: (.+)$/m.exec(printed)?.[1], stop };
}
