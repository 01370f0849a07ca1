import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { cacheDir, exists } from '../runner.ts';

/**
 * A class-data-sharing archive (AppCDS) of the SDK's classes, made once per classpath and JDK:
 * a JVM that maps it starts without parsing and verifying the ~2,800 classes a program of ours
 * loads, which is most of the time a short program spends. It is a start-up setting only, like
 * the flags beside it in java.ts: the program's bytes and behaviour are the same.
 *
 * How: run one program with `-XX:DumpLoadedClassList` in a user and network namespace of its
 * own, with no network at all (so nothing can reach the real API, and the SDK fails fast at
 * its first connection, having loaded its client, Gson and the JDK's HTTP classes), then dump
 * the classes of that list that the SDK's classpath holds. The JVM accepts the archive for any
 * classpath that starts with the one it was dumped for, so programs go after the SDK on theirs.
 *
 * Undefined where it cannot be made (no `unshare`, as on macOS, or a JDK that refuses): the
 * programs then run without it, only slower.
 */
export async function classArchive(options: {
  classpath: string;
  /** Identifies the classpath and the JDK: the archive's name. */
  key: string;
  /** A compiled program to learn the classes from: its folder and main class. */
  program: { classes: string; main: string };
  /** What the program reads from the environment, with any values: it never gets an answer. */
  env: Record<string, string>;
}): Promise<string | undefined> {
  const dir = await cacheDir('java');
  const archive = join(dir, `classes-${options.key}.jsa`);
  if (await exists(archive)) return archive;
  const partial = `${archive}.partial-${process.pid}`;
  const list = `${partial}.classlist`;
  try {
    await execa(
      'unshare',
      [
        '--user',
        '--map-root-user',
        '--net',
        'java',
        `-XX:DumpLoadedClassList=${list}`,
        '-cp',
        `${options.classpath}:${options.program.classes}`,
        options.program.main,
      ],
      {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', ...options.env },
        extendEnv: false,
        reject: false,
        timeout: 30_000,
        stdin: 'ignore',
      },
    );
    if ((await stat(list)).size === 0) return undefined;
    const dump = await execa(
      'java',
      ['-Xshare:dump', `-XX:SharedClassListFile=${list}`, `-XX:SharedArchiveFile=${partial}`, '-cp', options.classpath],
      { reject: false, all: true },
    );
    if (dump.exitCode !== 0) return undefined;
    await rename(partial, archive);
    return archive;
  } catch {
    return undefined;
  } finally {
    await rm(list, { force: true });
    await rm(partial, { force: true });
  }
}
