import { createHash } from 'node:crypto';
import { access, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { execa } from 'execa';
import { cacheDir, commandVersion, EXAMPLES, type Runner } from '../runner.ts';

/**
 * Java: the official com.mercadopago:sdk-java from Maven Central, resolved through the
 * example's pom.xml. Maven resolves the classpath once (it needs the network, so outside
 * the namespace); then javac compiles the file as it is, and java runs it.
 */
export const java: Runner = {
  id: 'java',
  title: 'Java',
  file: 'CancelReserve.java',
  runtime: {
    name: 'Java',
    install: 'apt-get install -y openjdk-17-jdk-headless maven',
    version: () => commandVersion('java', ['-version'], /version "([^"]+)"/),
  },
  async prepare() {
    const pom = join(EXAMPLES, 'java', 'pom.xml');
    const hash = createHash('sha256').update(await readFile(pom)).digest('hex').slice(0, 12);
    const classpathFile = join(await cacheDir('java'), `classpath-${hash}.txt`);
    if (!(await access(classpathFile).then(() => true, () => false))) {
      const partial = `${classpathFile}.partial`;
      await execa('mvn', ['-q', '-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${partial}`]);
      await writeFile(classpathFile, await readFile(partial));
    }
    const classpath = (await readFile(classpathFile, 'utf8')).trim();
    const version = /sdk-java-([\d.]+)\.jar/.exec(classpath)?.[1] ?? 'unknown';
    return {
      sdk: { kind: 'official', name: 'com.mercadopago:sdk-java (Maven Central)', version },
      async command(file, ca, workDir) {
        const classes = join(workDir, 'classes');
        const compiled = await execa('javac', ['-encoding', 'UTF-8', '-cp', classpath, '-d', classes, file], { reject: false, all: true });
        if (compiled.exitCode !== 0) return { compileError: String(compiled.all) };
        return {
          command: 'java',
          args: [
            `-Djavax.net.ssl.trustStore=${ca.javaTrustStore}`,
            `-Djavax.net.ssl.trustStorePassword=${ca.javaTrustStorePassword}`,
            // Start-up flags only: a short program spends its time starting the JVM.
            '-XX:TieredStopAtLevel=1', '-Xshare:auto',
            '-cp', `${classes}:${classpath}`,
            basename(file, '.java'),
          ],
        };
      },
    };
  },
};
