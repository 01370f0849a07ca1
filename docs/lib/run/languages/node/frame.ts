/**
 * Runs inside run/node/frame.html, a same-origin iframe; the SDK's fetch() goes through the
 * page (../../fetch-through-page.ts), whose Service Worker answers it.
 * frame.html carries the import map ('mercadopago', 'node:crypto' -> our browser files); import maps
 * do not apply to Workers, hence an iframe. One iframe per run: module state and globals start clean.
 *
 * Protocol (postMessage, same origin only):
 *   frame -> parent {type:'ready'};  parent -> frame {source, env};
 *   frame -> parent {type:'stdout'|'stderr', text} ... then {type:'exit', code}.
 */

import { routeFetchThroughPage } from '../../fetch-through-page.ts';

const useRun = routeFetchThroughPage();

type Out = 'stdout' | 'stderr';
const post = (msg: unknown): void => window.parent.postMessage(msg, location.origin);
const write = (type: Out, text: string): void => post({ type, text });
/** `process.stdout.write`: writes, and says it did. */
const writes = (type: Out, chunk: unknown): boolean => {
  write(type, String(chunk));
  return true;
};

/** Thrown by process.exit(); caught when the module's evaluation rejects. */
class ProcessExit {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}

/** A small util.inspect: enough for the values the examples print (strings, JSON, errors). */
function inspect(v: unknown, seen = new WeakSet<object>()): string {
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'function') return `[Function: ${v.name || '(anonymous)'}]`;
  if (v === null || typeof v !== 'object') return String(v);
  if (v instanceof Error) return v.stack ?? `${v.name}: ${v.message}`;
  if (seen.has(v)) return '[Circular]';
  seen.add(v);
  if (Array.isArray(v)) return `[ ${v.map((x) => inspect(x, seen)).join(', ')} ]`;
  const entries = Object.entries(v).map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${inspect(x, seen)}`);
  return entries.length ? `{ ${entries.join(', ')} }` : '{}';
}

/** util.format: %s %d %i %f %j %o %O %c %% in a leading string, then the rest joined by spaces. */
function format(args: unknown[]): string {
  let rest = args;
  let head = '';
  if (typeof args[0] === 'string') {
    let i = 1;
    head = args[0].replace(/%([sdifjoOc%])/g, (m, c: string) => {
      if (c === '%') return '%';
      if (i >= args.length) return m;
      const a = args[i++];
      switch (c) {
        case 's':
          return typeof a === 'string' ? a : inspect(a);
        case 'd':
        case 'i':
          return String(c === 'i' ? Number.parseInt(String(a), 10) : Number(a));
        case 'f':
          return String(Number.parseFloat(String(a)));
        case 'j':
          return JSON.stringify(a);
        case 'c':
          return '';
        default:
          return inspect(a);
      }
    });
    rest = args.slice(i);
    return [head, ...rest.map((a) => (typeof a === 'string' ? a : inspect(a)))].join(' ');
  }
  return rest.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
}

function installGlobals(env: Record<string, string>) {
  const streams: [keyof Console, Out][] = [
    ['log', 'stdout'],
    ['info', 'stdout'],
    ['debug', 'stdout'],
    ['error', 'stderr'],
    ['warn', 'stderr'],
    ['trace', 'stderr'],
  ];
  for (const [name, out] of streams)
    (console as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => write(out, `${format(a)}\n`);
  const proc = {
    env: { ...env },
    argv: ['/usr/local/bin/node', '/tab/program.mjs'],
    // The SDK puts these three into its User-Agent and X-Tracking-Id.
    version: 'v24.0.0',
    versions: { node: '24.0.0' },
    arch: 'wasm',
    platform: 'browser',
    exitCode: undefined as number | string | undefined,
    exit(code?: number | string): never {
      if (code !== undefined) proc.exitCode = code;
      throw new ProcessExit(Number(proc.exitCode ?? 0) || 0);
    },
    stdout: { write: (s: unknown) => writes('stdout', s) },
    stderr: { write: (s: unknown) => writes('stderr', s) },
    nextTick: (fn: (...a: unknown[]) => void, ...a: unknown[]) => queueMicrotask(() => fn(...a)),
    cwd: () => '/tab',
    on: () => proc,
  };
  (globalThis as unknown as { process: typeof proc }).process = proc;
  return proc;
}

addEventListener('message', async (event: MessageEvent) => {
  if (event.source !== window.parent || event.origin !== location.origin) return;
  const { source, env } = event.data as { source: string; env: Record<string, string> };
  useRun(event.ports[0]!);
  const proc = installGlobals(env);
  let code: number;
  // An error thrown after the module settled (a stray promise) is reported like Node's crash.
  addEventListener('unhandledrejection', (e) => {
    e.preventDefault();
    if (e.reason instanceof ProcessExit) return post({ type: 'exit', code: e.reason.code });
    write('stderr', `${inspect(e.reason)}\n`);
    post({ type: 'exit', code: 1 });
  });
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    await import(/* @vite-ignore */ url);
    code = Number(proc.exitCode ?? 0) || 0;
  } catch (err) {
    if (err instanceof ProcessExit) code = err.code;
    else {
      write('stderr', `${inspect(err)}\n`);
      code = 1;
    }
  } finally {
    URL.revokeObjectURL(url);
  }
  post({ type: 'exit', code });
});

post({ type: 'ready' });
