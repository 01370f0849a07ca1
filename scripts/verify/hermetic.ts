import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { JournalEntry } from '../../sandbox/core/journal.ts';
import type { Sandbox } from '../../sandbox/core/sandbox.ts';
import { listen } from '../../sandbox/node/http-server.ts';
import { API_HOST, type LocalCa } from '../../sandbox/node/local-ca.ts';
import { NODE_COMPILE_CACHE } from './runner.ts';

const ENTRY = fileURLToPath(new URL('./namespace-entry.ts', import.meta.url));

export interface HermeticOptions {
  sandbox: Sandbox;
  ca: LocalCa;
  /** A private folder for this run's socket and hosts file. */
  workDir: string;
  command: string;
  args?: string[];
  cwd: string;
  /** The program's whole environment besides PATH, LANG and the trust settings. */
  env?: Record<string, string>;
  timeoutMs: number;
  /** Serve nothing: the API's host resolves, but every connection to it is refused (the API is down). */
  unreachable?: boolean;
}

export interface HermeticResult {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
  /** What the sandbox received during the run, oldest first. */
  journal: JournalEntry[];
}

/** The settings through which each runtime trusts a CA, all pointed at the run's CA. */
export function trustEnv(ca: LocalCa): Record<string, string> {
  return {
    SSL_CERT_FILE: ca.caFile, // OpenSSL: Ruby, Python's ssl (PHP's libcurl ignores it: see runners/php.ts)
    REQUESTS_CA_BUNDLE: ca.caFile, // Python requests
    CURL_CA_BUNDLE: ca.caFile, // curl
    NODE_EXTRA_CA_CERTS: ca.caFile, // Node
    SANDBOX_CA_FILE: ca.caFile,
  };
}

/**
 * Runs a program where `api.mercadopago.com` is the sandbox and nothing else exists:
 * a user + network + mount + PID namespace (`unshare`, no root needed) with only
 * loopback, a hosts file naming the API's host, and port 443 relayed to the sandbox,
 * which this process serves over TLS on a Unix socket. Killing the namespace's first
 * process kills everything the program started.
 */
export async function runHermetic(options: HermeticOptions): Promise<HermeticResult> {
  const { sandbox, ca, workDir } = options;
  const hostsFile = join(workDir, 'hosts');
  const socket = join(workDir, 'sandbox.sock');
  await writeFile(hostsFile, `127.0.0.1 localhost\n127.0.0.1 ${API_HOST}\n`);
  const server = options.unreachable
    ? undefined
    : await listen(sandbox.handlers, { path: socket, tls: { key: await readText(ca.key), cert: await readText(ca.cert) } });
  const seen = sandbox.journal.entries().length;
  const started = performance.now();
  try {
    const result = await execa(
      'unshare',
      [
        '--user',
        '--map-root-user',
        '--net',
        '--mount',
        '--pid',
        '--fork',
        '--kill-child',
        '--mount-proc',
        process.execPath,
        ENTRY,
        hostsFile,
        server ? socket : 'unreachable',
        '--',
        options.command,
        ...(options.args ?? []),
      ],
      {
        cwd: options.cwd,
        // The compile cache is for namespace-entry.ts, which Node would otherwise strip of its types
        // and compile anew for every run (half of its start-up); a program started by it inherits it.
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', NODE_COMPILE_CACHE, ...trustEnv(ca), ...options.env },
        extendEnv: false,
        timeout: options.timeoutMs,
        // unshare ignores SIGTERM while it waits for its child; SIGKILL ends it, and
        // --kill-child then ends the namespace with everything the program started.
        killSignal: 'SIGKILL',
        reject: false,
        stdin: 'ignore',
      },
    );
    return {
      exitCode: result.exitCode,
      stdout: String(result.stdout),
      stderr: String(result.stderr),
      timedOut: result.timedOut,
      durationMs: performance.now() - started,
      journal: sandbox.journal.entries().slice(seen),
    };
  } finally {
    await server?.close();
  }
}

async function readText(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(path, 'utf8');
}
