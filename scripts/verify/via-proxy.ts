import { readFile } from 'node:fs/promises';
import { execa } from 'execa';
import { type LanguageId, language } from '../../examples/languages.ts';
import { placesFor, proxySettings } from '../../examples/proxy-settings.ts';
import { listenProxy } from '../../sandbox/node/proxy-server.ts';
import type { HermeticOptions, HermeticResult } from './hermetic.ts';

/**
 * Runs a program as a reader runs theirs through `npm run sandbox -- --proxy`: outside any
 * namespace, with its own proxy on an ephemeral loopback port serving the run's sandbox, and
 * the environment (and, for Java, the JVM options) that the language table's proxy facts give
 * the reader, filled in for this run. Nothing else tells the runtime whom to trust or where the
 * API is. With `unreachable`, the proxy plays the API down: each tunnel is closed as soon as it is
 * open. (Not a closed port: the JVM's SOCKS client reports that as an error Apache HttpClient
 * retries, logging each retry on stderr, where the API refusing connections is not retried.)
 *
 * What this does not seal: the program could reach other hosts, and the real API itself if it
 * ignored the settings. The answered run's checks catch the second (the sandbox must see the request).
 */
export async function runViaProxy(options: HermeticOptions & { language: LanguageId }): Promise<HermeticResult> {
  const { sandbox, ca } = options;
  const proxy = await listenProxy(sandbox.handlers, {
    tls: { key: await readFile(ca.key), cert: await readFile(ca.cert) },
    apiDown: options.unreachable,
  });
  const settings = proxySettings(language(options.language), placesFor(proxy, ca));
  const seen = sandbox.journal.entries().length;
  const started = performance.now();
  try {
    // No shell: the command as the runner gives it, with the language's runtime options first on its line.
    // A shortcut: on a timeout only the program itself is killed, not what it started (the namespace mode ends both).
    const result = await execa(options.command, [...settings.options, ...(options.args ?? [])], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', ...settings.env, ...options.env },
      extendEnv: false,
      timeout: options.timeoutMs,
      killSignal: 'SIGKILL',
      reject: false,
      stdin: 'ignore',
    });
    return {
      exitCode: result.exitCode,
      stdout: String(result.stdout),
      stderr: String(result.stderr),
      timedOut: result.timedOut,
      durationMs: performance.now() - started,
      journal: sandbox.journal.entries().slice(seen),
    };
  } finally {
    await proxy.close();
  }
}
