/**
 * The module Worker that runs Python: Pyodide, loaded once from the site's own files, with the
 * SDK's wheels from our lock; then any number of runs. Each run's requests for the API go
 * through the page (../../fetch-through-page.ts). The program runs through JSPI
 * (`callPromising`), so urllib3's Emscripten transport uses fetch (there is no XMLHttpRequest
 * here to take a synchronous way out).
 *
 * In:  {type: 'load'}, then {type: 'run', source, env} with the run's port
 * Out: {type: 'loaded'} | {type: 'out', stream, text} | {type: 'exit', exitCode} | {type: 'error', message}
 */
import { routeFetchThroughPage } from '../../fetch-through-page.ts';

const useRun = routeFetchThroughPage();

interface Pyodide {
  loadPackage(names: string, options: { messageCallback(m: string): void; errorCallback(m: string): void }): Promise<void>;
  setStdout(options: { write(buffer: Uint8Array): number; isatty: boolean }): void;
  setStderr(options: { write(buffer: Uint8Array): number; isatty: boolean }): void;
  runPython(code: string): unknown;
  toPy(value: unknown): { destroy(): void };
  globals: { get(name: string): { callPromising(...args: unknown[]): Promise<number> } };
}

/** The program's side: its environment, `__main__`, SystemExit as an exit status, CPython's tracebacks. */
const HARNESS = `
import linecache, os, sys, traceback
_base_env = dict(os.environ)
# Not a terminal, so output would wait for the end: flush each line, as a terminal shows it.
sys.stdout.reconfigure(line_buffering=True)
sys.stderr.reconfigure(line_buffering=True)

def _run(source, env, filename):
    os.environ.clear()
    os.environ.update(_base_env)
    os.environ.update(env)
    sys.argv = [filename]
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    scope = {"__name__": "__main__", "__file__": filename, "__builtins__": __builtins__}
    try:
        exec(compile(source, filename, "exec"), scope)
        status = 0
    except SystemExit as exit:
        if exit.code is None:
            status = 0
        elif isinstance(exit.code, int):
            status = exit.code & 0xFF
        else:
            print(exit.code, file=sys.stderr)
            status = 1
    except BaseException as error:
        traceback.print_exception(type(error), error, error.__traceback__.tb_next)
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return status
`;

let pyodide: Pyodide | undefined;
const post = (message: unknown) => postMessage(message);

async function load(): Promise<void> {
  const base = new URL('./', self.location.href).href;
  // Pyodide's own module, served beside this script (./prepare.ts copies it from the npm package).
  const { loadPyodide } = (await import(`${base}pyodide/pyodide.mjs`)) as { loadPyodide(options: object): Promise<unknown> };
  const py = (await loadPyodide({
    indexURL: `${base}pyodide/`,
    lockFileURL: `${base}site-lock.json`,
    packageBaseUrl: `${base}wheels/`,
    env: { HOME: '/home/pyodide' },
  })) as Pyodide;
  // loadPackage does not reject when a wheel fails its hash: it tells errorCallback.
  const errors: string[] = [];
  await py.loadPackage('mercadopago', { messageCallback: () => {}, errorCallback: (m) => errors.push(m) });
  if (errors.length > 0) throw new Error(`the SDK could not be installed: ${errors.join('; ')}`);
  // Raw writes: Pyodide's line-batched handler drops a last line without a newline.
  for (const stream of ['stdout', 'stderr'] as const) {
    const decoder = new TextDecoder();
    const write = (buffer: Uint8Array) => {
      const text = decoder.decode(buffer, { stream: true });
      if (text) post({ type: 'out', stream, text });
      return buffer.length;
    };
    (stream === 'stdout' ? py.setStdout : py.setStderr).call(py, { write, isatty: false });
  }
  py.runPython(HARNESS);
  // Imported now, so that the first run does not wait for it.
  py.runPython('import mercadopago, requests');
  pyodide = py;
}

addEventListener('message', async (event: MessageEvent) => {
  const message = event.data as { type: 'load' } | { type: 'run'; source: string; env: Record<string, string>; filename: string };
  try {
    if (message.type === 'load') {
      await load();
      post({ type: 'loaded' });
    } else {
      useRun(event.ports[0]!);
      const env = pyodide!.toPy(message.env);
      try {
        const exitCode = await pyodide!.globals.get('_run').callPromising(message.source, env, message.filename);
        post({ type: 'exit', exitCode });
      } finally {
        env.destroy();
      }
    }
  } catch (error) {
    post({ type: 'error', message: String((error as Error)?.stack ?? error) });
  }
});
