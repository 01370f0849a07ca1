import { createHash } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { execa } from 'execa';
import { cacheDir, commandVersion, compiledOnce, exists, manifestFor, type Runner } from '../runner.ts';

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
      return classpaths.get(hash)!;
    };
    const version = /sdk-java-([\d.]+)\.jar/.exec(await classpathFor())?.[1] ?? 'unknown';
    const javacVersion = (await execa('javac', ['-version'], { all: true })).all ?? '';
    return {
      sdk: { kind: 'official', name: 'com.mercadopago:sdk-java (Maven Central)', version },
      async command(file, ca) {
        const classpath = await classpathFor(file);
        const compiled = await compiledOnce('java', [await readFile(file), basename(file), classpath, javacVersion], async (classes) => {
          const javac = await execa('javac', ['-encoding', 'UTF-8', '-cp', classpath, '-d', classes, file], { reject: false, all: true });
          return javac.exitCode === 0 ? undefined : { compileError: String(javac.all) };
        });
        if ('compileError' in compiled) return compiled;
        const classes = compiled.dir;
        return {
          command: 'java',
          args: [
            ...(ca
              ? [`-Djavax.net.ssl.trustStore=${ca.javaTrustStore}`, `-Djavax.net.ssl.trustStorePassword=${ca.javaTrustStorePassword}`]
              : []),
            // Start-up flags only: a short program spends its time starting the JVM.
            '-XX:TieredStopAtLevel=1',
            '-Xshare:auto',
            // No hsperfdata file in the shared /tmp: each run has its own PID namespace, so two
            // JVMs at once can both be PID 10, and the loser prints a warning on stdout.
            '-XX:-UsePerfData',
            '-cp',
            `${classes}:${classpath}`,
            basename(file, '.java'),
          ],
        };
      },
    };
  },
};
