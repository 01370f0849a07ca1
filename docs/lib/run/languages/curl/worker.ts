/**
 * Module Worker for the curl tab: runs the tab's bash script in just-bash (a bash interpreter in
 * TypeScript). Its built-in curl sends requests through our `fetch` option, which asks the page
 * to send them (../../fetch-through-page.ts): the page's Service Worker (msw) answers them.
 *
 * What the scripts use and just-bash 3.4.2 lacks, added here, never by editing the script:
 *  - `curl --fail-with-body`: a `curl` custom command that shadows the built-in, drops the flag,
 *    runs the built-in (ctx.origCommand) and turns an HTTP status >= 400 into exit 22, keeping the body.
 *    It also maps a failed fetch() to curl's exit 7 (the built-in reports 1).
 *  - `uuidgen`: a custom command (crypto.randomUUID).
 *  - `/proc/sys/kernel/random/uuid`: a virtual file, a fresh UUID on every read as on Linux.
 *
 * Protocol: page -> worker {source, env}; worker -> page {stdout, stderr, exitCode} (just-bash
 * returns the output when the script ends; it does not stream).
 */

import type { SecureFetch } from 'just-bash';
import { Bash, defineCommand, InMemoryFs } from 'just-bash';
import { routeFetchThroughPage } from '../../fetch-through-page.ts';

type SecureFetchOptions = NonNullable<Parameters<SecureFetch>[1]>;
type FetchResult = Awaited<ReturnType<SecureFetch>>;

/** The only origin a script may reach; the Service Worker answers it, so nothing leaves the page. */
const ALLOWED_ORIGIN = 'https://api.mercadopago.com';
const PROC_UUID = '/proc/sys/kernel/random/uuid';

/** What the last fetch() made by a curl invocation did: the wrapper reads it after the built-in ran. */
let last: { status?: number; error?: string } = {};
/** This Worker's only way to the API: through the page of the run going on (../../fetch-through-page.ts). */
const useRun = routeFetchThroughPage();

async function pageFetch(url: string, options: SecureFetchOptions = {}): Promise<FetchResult> {
  if (new URL(url).origin !== ALLOWED_ORIGIN) {
    last = { error: `Network access denied: ${url}` };
    throw new Error(last.error); // the built-in maps "Network access denied" to exit 7
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method,
      headers: options.headers,
      body: options.body,
      redirect: options.followRedirects === false ? 'manual' : 'follow',
      signal: options.signal,
    });
  } catch (err) {
    last = { error: String((err as Error)?.message ?? err) };
    throw err;
  }
  last = { status: res.status };
  return {
    status: res.status,
    statusText: res.statusText,
    headers: Object.fromEntries(res.headers),
    body: new Uint8Array(await res.arrayBuffer()),
    url: res.url || url,
  };
}

/** Options of curl that take a value: their value must not be read as a bundle of short flags. */
const TAKES_VALUE = new Set(['-X', '-H', '-d', '-o', '-u', '-T', '-m', '-w', '-b', '-c', '-e', '-A', '-F', '-K', '-r', '-E', '-z']);

function silentFlags(args: string[]): { silent: boolean; showError: boolean } {
  let silent = false;
  let showError = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (
      TAKES_VALUE.has(a) ||
      (a.startsWith('--') &&
        !a.includes('=') &&
        /^--(request|header|data|data-\w+|output|user|upload-file|max-time|write-out|cookie|cookie-jar|referer|user-agent|form|config|range|max-redirs|connect-timeout)$/.test(
          a,
        ))
    ) {
      i++;
    } else if (a === '--silent') silent = true;
    else if (a === '--show-error') showError = true;
    else if (/^-[A-Za-z]+$/.test(a)) {
      // A bundle like -sS or -fsSL; a value-taking letter ends it (-sXPUT).
      for (const ch of a.slice(1)) {
        if (ch === 's') silent = true;
        else if (ch === 'S') showError = true;
        else if (TAKES_VALUE.has(`-${ch}`)) break;
      }
    }
  }
  return { silent, showError };
}

const curl = defineCommand('curl', async (args, ctx) => {
  const failWithBody = args.includes('--fail-with-body');
  const rest = args.filter((a) => a !== '--fail-with-body');
  const { silent, showError } = silentFlags(rest);
  const quiet = silent && !showError;
  last = {};
  const result = await ctx.origCommand!(rest);
  if (result.exitCode === 1 && last.error !== undefined) {
    // fetch() rejected (nothing answered): real curl says 7, "Failed to connect".
    return { ...result, exitCode: 7, stderr: quiet ? '' : `curl: (7) Failed to connect: ${last.error}\n` };
  }
  if (failWithBody && result.exitCode === 0 && last.status !== undefined && last.status >= 400) {
    const stderr = quiet ? '' : `curl: (22) The requested URL returned error: ${last.status}\n`;
    return { ...result, exitCode: 22, stderr: result.stderr + stderr };
  }
  return result;
});

const uuidgen = defineCommand('uuidgen', async () => ({ stdout: `${crypto.randomUUID()}\n`, stderr: '', exitCode: 0 }));

/** InMemoryFs plus Linux's /proc/sys/kernel/random/uuid: a new UUID each time it is read. */
class RunFs extends InMemoryFs {
  constructor() {
    super({ [PROC_UUID]: '' });
  }
  override async readFile(path: string, options?: Parameters<InMemoryFs['readFile']>[1]): Promise<string> {
    return this.resolvePath('/', path) === PROC_UUID ? `${crypto.randomUUID()}\n` : super.readFile(path, options);
  }
  override async readFileBytes(path: string): ReturnType<InMemoryFs['readFileBytes']> {
    return this.resolvePath('/', path) === PROC_UUID ? (`${crypto.randomUUID()}\n` as never) : super.readFileBytes(path);
  }
  override async readFileBuffer(path: string): Promise<Uint8Array> {
    return this.resolvePath('/', path) === PROC_UUID ? new TextEncoder().encode(`${crypto.randomUUID()}\n`) : super.readFileBuffer(path);
  }
}

self.addEventListener('message', async (event: MessageEvent) => {
  const { source, env } = event.data as { source: string; env: Record<string, string> };
  useRun(event.ports[0]!);
  try {
    // A fresh shell and filesystem per run.
    const bash = new Bash({ fs: new RunFs(), fetch: pageFetch, customCommands: [curl, uuidgen], cwd: '/home/user' });
    const r = await bash.exec(source, { env, rawScript: true });
    self.postMessage({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode });
  } catch (err) {
    self.postMessage({ stdout: '', stderr: `just-bash: ${(err as Error)?.stack ?? err}\n`, exitCode: 2 });
  }
});
self.postMessage({ ready: true });
