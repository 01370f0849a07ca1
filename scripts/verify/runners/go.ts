import { access, constants, copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, delimiter, dirname, join } from 'node:path';
import { execa } from 'execa';
import { cacheDir, commandVersion, compiledOnce, EXAMPLES, exists, manifestFor, type Runner } from '../runner.ts';

/** Where Go's own installer puts it; CI's PATH may not name it. scripts/setup.sh looks in the same two places. */
const USUAL_GO = '/usr/local/go/bin/go';

/** `go` on PATH, else Go's usual place (whether or not it is there: a missing one shows as no version). */
export async function goCommand(): Promise<string> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'go');
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return USUAL_GO;
}

/**
 * The go command's settings, the same for every run on every machine: modules and compiled
 * packages in the project's .cache/go (scripts/setup.sh fills it with these same settings),
 * go.mod and go.sum taken as they are, the installed Go whatever a go.mod asks for, no C
 * toolchain (a static binary, and no gcc needed), and no VCS stamping. -modcacherw: Go makes
 * its module cache read-only, which would stop `rm -rf .cache`.
 */
export async function goEnv(): Promise<Record<string, string>> {
  return {
    GOMODCACHE: await cacheDir('go', 'mod'),
    GOCACHE: await cacheDir('go', 'build'),
    GOFLAGS: '-mod=readonly -modcacherw -buildvcs=false',
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: '0',
  };
}

/** The folders of examples/<operation>/go/ that have a go.mod. */
export async function exampleModules(): Promise<string[]> {
  const folders: string[] = [];
  for (const entry of (await readdir(EXAMPLES, { withFileTypes: true })).filter((e) => e.isDirectory())) {
    const folder = join(EXAMPLES, entry.name, 'go');
    if (await exists(join(folder, 'go.mod'))) folders.push(folder);
  }
  return folders.sort();
}

/**
 * Go: the official github.com/mercadopago/sdk-go from the Go module proxy, pinned by each
 * example's go.mod and go.sum. The modules are downloaded once, outside the namespace; each
 * program is then compiled offline (GOPROXY=off) into a static binary, which runs in the
 * namespace trusting the run's CA through SSL_CERT_FILE (crypto/x509 reads it on Linux).
 */
export const go: Runner = {
  id: 'go',
  runtime: {
    name: 'Go',
    install:
      'apt-get install -y golang-go (Debian 12 has Go 1.19, which builds these examples; a newer Go in /usr/local/go/bin is found too)',
    version: async () => commandVersion(await goCommand(), ['version'], /go version go(\d+\.\d+(?:\.\d+)?)/),
  },
  async prepare() {
    const goBin = await goCommand();
    const env = await goEnv();
    // The network is needed here only the first time: once the cache holds a module, go reads it from there.
    for (const folder of await exampleModules()) {
      await execa(goBin, ['mod', 'download'], { cwd: folder, env });
    }
    const first = dirname(await manifestFor('go', 'go.mod'));
    // Compiles the SDK and the standard library it uses (net/http, crypto/tls): about a minute
    // into an empty cache, a fraction of a second after that. Each program then only compiles itself.
    await execa(goBin, ['build', 'github.com/mercadopago/sdk-go/pkg/...'], { cwd: first, env });
    const version = (
      await execa(goBin, ['list', '-m', '-f', '{{.Version}}', 'github.com/mercadopago/sdk-go'], { cwd: first, env })
    ).stdout.trim();
    const goVersion = (await execa(goBin, ['version'])).stdout;
    return {
      sdk: { kind: 'official', name: 'github.com/mercadopago/sdk-go (Go module proxy)', version: version.replace(/^v/, '') },
      async command(file, ca, workDir) {
        // An example builds in its own module. A file elsewhere (a test's broken copy) is copied,
        // unchanged, into a module of its own with the go.mod and go.sum of the first example.
        const manifest = await manifestFor('go', 'go.mod', file);
        let module = dirname(file);
        if (manifest !== join(module, 'go.mod')) {
          module = join(workDir, 'module');
          await mkdir(module, { recursive: true });
          const name = file.endsWith('.go') ? basename(file) : 'main.go';
          await Promise.all([
            copyFile(file, join(module, name)),
            copyFile(manifest, join(module, 'go.mod')),
            copyFile(join(dirname(manifest), 'go.sum'), join(module, 'go.sum')),
          ]);
        }
        const inputs = await Promise.all(['go.mod', 'go.sum'].map((name) => readFile(join(dirname(manifest), name))));
        const built = await compiledOnce('go', [await readFile(file), ...inputs, goVersion], async (out) => {
          // GOPROXY=off: a build never reaches the network; what prepare() did not download is an error.
          const go = await execa(goBin, ['build', '-o', join(out, 'program'), '.'], {
            cwd: module,
            env: { ...env, GOPROXY: 'off' },
            reject: false,
            all: true,
          });
          return go.exitCode === 0 ? undefined : { compileError: String(go.all) };
        });
        if ('compileError' in built) return built;
        const program = join(built.dir, 'program');
        // The binary needs none of the go command's settings; it is told only which CA to trust.
        return { command: program, args: [], env: (ca ? { SSL_CERT_FILE: ca.caFile } : {}) as Record<string, string> };
      },
    };
  },
};
