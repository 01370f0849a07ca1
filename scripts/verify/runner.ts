import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { LanguageId } from '../../examples/languages.ts';
import type { LocalCa } from '../../sandbox/node/local-ca.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLES = join(ROOT, 'examples');
/** Installed SDKs, virtualenvs and compiled doubles live here between runs. */
export const CACHE = join(ROOT, '.cache');
/**
 * V8's on-disk code cache for the Node processes the verifier starts (NODE_COMPILE_CACHE): a
 * speed setting, like the JVM's class-data archive; it changes nothing a program does.
 */
export const NODE_COMPILE_CACHE = join(CACHE, 'node-compile');

export type SdkChoice = 'real' | 'double' | 'auto';

export type { SdkInfo } from './report-schema.ts';

import type { SdkInfo } from './report-schema.ts';

/** The program to start inside the namespace, after any compile step. */
export interface Command {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** A compile step that refused the file: the verifier reports its output as the reason. */
export interface CompileFailure {
  compileError: string;
}

export interface Prepared {
  sdk: SdkInfo;
  /**
   * Readies `file` (an example or a fixture) and says how to run it with the run's CA trusted; with
   * no CA (`--via proxy`), with no trust setting of the runner's: the language's proxy facts set it.
   */
  command(file: string, ca: LocalCa | undefined, workDir: string): Promise<Command | CompileFailure>;
}

/**
 * How the verifier runs one language's programs. What the language is called, where its
 * programs live and what a reader types are facts of examples/languages.ts, not of the runner.
 */
export interface Runner {
  id: LanguageId;
  runtime: {
    name: string;
    /** What a fresh Debian machine runs to get it; the set-up command runs it too. */
    install: string;
    /** The installed version, or undefined when the runtime is missing. */
    version(): Promise<string | undefined>;
  };
  /** Picks the SDK and installs or compiles it, outside the namespace (registries reachable). */
  prepare(choice: SdkChoice): Promise<Prepared>;
}

/** The first version-looking token a command prints, or undefined when it cannot run. */
export async function commandVersion(command: string, args: string[], pattern = /(\d+\.\d+(?:\.\d+)?)/): Promise<string | undefined> {
  const result = await execa(command, args, { reject: false, all: true });
  if (result.failed && result.exitCode === undefined) return undefined;
  return pattern.exec(String(result.all))?.[1];
}

export async function cacheDir(...parts: string[]): Promise<string> {
  const dir = join(CACHE, ...parts);
  await mkdir(dir, { recursive: true });
  return dir;
}

export const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * The manifest that pins a program's SDK: the one beside it, or, for a program outside
 * examples/ (a test's broken copy) or none, the first operation's of that language.
 */
export async function manifestFor(language: LanguageId, name: string, file?: string): Promise<string> {
  const beside = file && join(dirname(file), name);
  if (beside && (await exists(beside))) return beside;
  for (const entry of (await readdir(EXAMPLES, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const candidate = join(EXAMPLES, entry.name, language, name);
    if (await exists(candidate)) return candidate;
  }
  throw new Error(`no ${name} for ${language}${file ? ` beside ${file}` : ''} or in examples/*/${language}/`);
}

/**
 * A compiled program, kept under .cache/compiled/ by the hash of everything that goes into the
 * build (the file's bytes, the SDK's classpath or library, the compiler's version): the same
 * inputs give the same program, so a warm verification runs it without compiling again. Only a
 * successful build is kept, written aside and moved in whole, so an interrupted one is redone.
 */
export async function compiledOnce(
  language: LanguageId,
  inputs: (string | Uint8Array)[],
  build: (outDir: string) => Promise<CompileFailure | undefined>,
): Promise<{ dir: string } | CompileFailure> {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(input).update('\0');
  const dir = join(await cacheDir('compiled', language), hash.digest('hex').slice(0, 16));
  if (await exists(dir)) return { dir };
  const partial = `${dir}.partial-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await mkdir(partial, { recursive: true });
  const failure = await build(partial);
  if (failure) {
    await rm(partial, { recursive: true, force: true });
    return failure;
  }
  await rename(partial, dir).catch(async () => {
    // Another job built the same program at the same moment: theirs is as good.
    await rm(partial, { recursive: true, force: true });
  });
  return { dir };
}

export async function fileHash(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

/** An SDK double's own label: which official SDK and version it stands in for. */
export async function doubleInfo(language: string): Promise<SdkInfo> {
  const info = JSON.parse(await readFile(join(ROOT, 'sandbox', 'sdk-doubles', language, 'DOUBLE.json'), 'utf8'));
  return { kind: 'double', name: info.double_of, version: info.version };
}

export function doubleDir(language: string): string {
  return join(ROOT, 'sandbox', 'sdk-doubles', language);
}

/**
 * The official PHP, Ruby and .NET SDKs come from Packagist, RubyGems and NuGet, which
 * this project's machines cannot reach. `auto` asks the registry; `real` insists.
 */
export async function chooseDoubleOrFail(choice: SdkChoice, registry: { name: string; url: string }, language: string): Promise<SdkInfo> {
  if (choice === 'double') return doubleInfo(language);
  const reachable = await answers(registry.url);
  if (reachable) {
    throw new Error(`${registry.name} answers, but this verifier cannot install the official ${language} SDK yet; run with --sdk double`);
  }
  if (choice === 'real') {
    throw new Error(
      `the official ${language} SDK comes from ${registry.name} (${registry.url}), which this machine cannot reach; run with --sdk double or --sdk auto`,
    );
  }
  return doubleInfo(language);
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(3_000) });
    return true;
  } catch {
    return false;
  }
}
