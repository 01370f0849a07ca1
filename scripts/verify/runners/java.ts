import { createHash } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { execa } from 'execa';
import { loadOperations } from '../../../examples/operations.ts';
import { cacheDir, commandVersion, compiledOnce, exists, manifestFor, type Runner } from '../runner.ts';
import { classArchive } from './java-class-archive.ts';

/** Maven resolves the classpath once per set of dependencies (it needs the network, so outside the namespace). */
async function resolveClasspath(pom: string, hash: string): Promise<string> {
  const classpathFile = join(await cacheDir('java'), `classpath-${hash}.txt`);
  if (!(await exists(classpathFile))) {
    const partial = `${classpathFile}.partial-${process.pid}`;
    await execa('mvn', ['-q', '-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${partial}`]);
    await rename(partial, classpathFile);
  }
  return (await readFile(classpathFile, 'utf8')).trim();
}

/**
 * Java: the official com.mercadopago:sdk-java from Maven Central, resolved through the
 * example's pom.xml. Maven resolves the classpath once (it needs the network, so outside
 * the namespace); then javac compiles the file as it is (once per content: see compiledOnce),
 * and java runs it.
 */
export const java: Runner = {
  id: 'java',
  runtime: {
    name: 'Java',
    install: 'apt-get install -y openjdk-17-jdk-headless maven',
    version: () => commandVersion('java', ['-version'], /version "([^"]+)"/),
  },
  async prepare() {
    // Each operation's pom.xml pins the SDK; poms with the same dependencies share one classpath.
    const classpaths = new Map<string, Promise<string>>();
    const classpathFor = async (file?: string) => {
      const pom = await manifestFor('java', 'pom.xml', file);
      const dependencies = /<dependencies>[\s\S]*<\/dependencies>/.exec(await readFile(pom, 'utf8'))?.[0] ?? '';
      const hash = createHash('sha256').update(dependencies).digest('hex').slice(0, 12);
      if (!classpaths.has(hash)) classpaths.set(hash, resolveClasspath(pom, hash));
      return { classpath: await classpaths.get(hash)!, hash };
    };
    const version = /sdk-java-([\d.]+)\.jar/.exec((await classpathFor()).classpath)?.[1] ?? 'unknown';
    const javacVersion = (await execa('javac', ['-version'], { all: true })).all ?? '';
    const jdk = createHash('sha256')
      .update(String((await execa('java', ['-version'], { all: true })).all))
      .digest('hex')
      .slice(0, 8);
    // One archive per classpath and JDK, learnt from the first program compiled against it.
    const archives = new Map<string, Promise<string | undefined>>();
    const inputs = Object.fromEntries(loadOperations().flatMap((operation) => Object.keys(operation.inputs).map((name) => [name, '1'])));
    return {
      sdk: { kind: 'official', name: 'com.mercadopago:sdk-java (Maven Central)', version },
      async command(file, ca) {
        const { classpath, hash } = await classpathFor(file);
        const compiled = await compiledOnce('java', [await readFile(file), basename(file), classpath, javacVersion], async (classes) => {
          const javac = await execa('javac', ['-encoding', 'UTF-8', '-cp', classpath, '-d', classes, file], { reject: false, all: true });
          return javac.exitCode === 0 ? undefined : { compileError: String(javac.all) };
        });
        if ('compileError' in compiled) return compiled;
        const classes = compiled.dir;
        const main = basename(file, '.java');
        const key = `${hash}-${jdk}`;
        if (!archives.has(key)) archives.set(key, classArchive({ classpath, key, program: { classes, main }, env: inputs }));
        const archive = await archives.get(key);
        return {
          command: 'java',
          args: [
            ...(ca
              ? [`-Djavax.net.ssl.trustStore=${ca.javaTrustStore}`, `-Djavax.net.ssl.trustStorePassword=${ca.javaTrustStorePassword}`]
              : []),
            // Start-up flags only: a short program spends its time starting the JVM.
            '-XX:TieredStopAtLevel=1',
            '-Xshare:auto',
            // One GC thread, not one per core: a short program never needs more.
            '-XX:+UseSerialGC',
            ...(archive ? [`-XX:SharedArchiveFile=${archive}`] : []),
            // No hsperfdata file in the shared /tmp: each run has its own PID namespace, so two
            // JVMs at once can both be PID 10, and the loser prints a warning on stdout.
            '-XX:-UsePerfData',
            // The program after the SDK: the archive holds for a classpath that begins with the one it was made for.
            '-cp',
            `${classpath}:${classes}`,
            main,
          ],
        };
      },
    };
  },
};
