/**
 * The module Worker that runs one Ruby program, then is terminated by the runner: a fresh Worker,
 * so a fresh Ruby VM, each run, with the program's environment as its own. ruby.wasm (the
 * CRuby binary with its standard library, compiled once by the page) runs on a WASI of
 * `@bjorn3/browser_wasi_shim`; the double and the fetch transport are files of a folder of its
 * own, `/run`. The program runs through `callAsync`, so the transport's `JS::Object#await` on
 * fetch can wait without blocking the Worker.
 *
 * In:  { module, files: [path, bytes][], source, filename, env } with the run's port
 * Out: { type: 'out', stream, text } …, then { type: 'exit', exitCode } | { type: 'error', message }
 */
import { ConsoleStdout, Directory, File, type Inode, OpenFile, PreopenDirectory, WASI, wasi } from '@bjorn3/browser_wasi_shim';
import { RubyVM } from '@ruby/wasm-wasi';
import { routeFetchThroughPage } from '../../fetch-through-page.ts';

const useRun = routeFetchThroughPage();

interface RunMessage {
  module: WebAssembly.Module;
  /** The files of `run/ruby/` the program needs (the double's lib/, fetch_transport.rb), by path. */
  files: [string, Uint8Array][];
  source: string;
  filename: string;
  env: Record<string, string>;
}

/**
 * The program's side: the double loaded first, as its seam must be set before any request
 * (the program's own `require 'mercadopago'` then finds it loaded); the program as the main
 * script; SystemExit (`exit`, `abort`) as the exit status; any other exception printed as ruby
 * prints it, without the frames of this harness.
 */
const HARNESS = `
require 'js'
# Each write reaches the page as it is made, as on a terminal.
$stdout.sync = true
$stderr.sync = true
$LOAD_PATH.unshift '/run/lib'
require 'mercadopago'
require '/run/fetch_transport'
Mercadopago::Transport.default = Mercadopago::Transport::Fetch.new

# exit! would leave through WASI's proc_exit from inside the JS call that runs the program, which
# ruby.wasm cannot unwind (it prints a crash report): here it ends the program as exit does.
module Kernel
  private def exit!(status = false) = raise(SystemExit.new(status))
end

->(source, filename) do
  filename = filename.to_s
  $0 = filename
  begin
    TOPLEVEL_BINDING.eval(source.to_s, filename, 1)
    0
  rescue SystemExit => e
    e.status
  rescue Exception => e
    # Up to the program's outermost frame: what is below it is this harness, not the program.
    mine = e.backtrace.to_a.rindex { |line| line.start_with?("#{filename}:") }
    # A syntax error has none: ruby names the script, then the message, which names the line.
    e.set_backtrace(mine ? e.backtrace[0..mine] : [filename])
    $stderr.write(e.full_message(highlight: false))
    1
  end
end
`;

/** `[['lib/mercadopago.rb', bytes], …]` as the folder tree the WASI shim serves. */
function folder(files: [string, Uint8Array][]): Map<string, Inode> {
  const root = new Map<string, Inode>();
  for (const [path, bytes] of files) {
    const parts = path.split('/');
    let contents = root;
    for (const part of parts.slice(0, -1)) {
      const found = contents.get(part);
      const dir = found instanceof Directory ? found : new Directory(new Map());
      contents.set(part, dir);
      contents = dir.contents;
    }
    contents.set(parts.at(-1)!, new File(bytes, { readonly: true }));
  }
  return root;
}

/**
 * Ruby's stdout or stderr, each write posted as it is made. Not a terminal, as for a program whose
 * output is piped: a terminal would have Ruby colour its error messages with escape codes.
 */
class Output extends ConsoleStdout {
  override fd_fdstat_get() {
    return { ret: wasi.ERRNO_SUCCESS, fdstat: new wasi.Fdstat(wasi.FILETYPE_UNKNOWN, 0) };
  }
}

self.onmessage = async (event: MessageEvent<RunMessage>) => {
  const { module, files, source, filename, env } = event.data;
  useRun(event.ports[0]!);
  // Streaming decoders, so a UTF-8 sequence split between two writes survives.
  const stream = (name: 'stdout' | 'stderr') => {
    const decoder = new TextDecoder();
    return new Output((bytes) => {
      const text = decoder.decode(bytes, { stream: true });
      if (text) postMessage({ type: 'out', stream: name, text });
    });
  };
  const fds = [new OpenFile(new File([])), stream('stdout'), stream('stderr'), new PreopenDirectory('/run', folder(files))];
  // The program's environment is the process's own, as ENV reads it.
  const environ = Object.entries(env).map(([name, value]) => `${name}=${value}`);
  const wasip1 = new WASI(['ruby'], environ, fds, { debug: false });
  try {
    const { vm } = await RubyVM.instantiateModule({ module, wasip1 });
    const run = vm.eval(HARNESS);
    const status = await run.callAsync('call', vm.wrap(source), vm.wrap(filename));
    postMessage({ type: 'exit', exitCode: Number(status.toString()) & 0xff });
  } catch (error) {
    postMessage({
      type: 'error',
      message: `the Ruby runtime failed (${String((error as Error)?.message ?? error)}); each run starts a fresh one, so run it again`,
    });
  }
};
