import { createHash } from 'node:crypto';
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { cacheDir, commandVersion, EXAMPLES, type Runner } from '../runner.ts';

/** Python: the official `mercadopago` from PyPI, in a virtualenv kept per requirements file. */
export const python: Runner = {
  id: 'python',
  title: 'Python',
  file: 'cancel_reserve.py',
  runtime: {
    name: 'Python',
    install: 'apt-get install -y python3 python3-venv',
    version: () => commandVersion('python3', ['--version']),
  },
  async prepare() {
    const requirements = join(EXAMPLES, 'python', 'requirements.txt');
    const hash = createHash('sha256').update(await readFile(requirements)).digest('hex').slice(0, 12);
    const venv = join(await cacheDir('python'), `venv-${hash}`);
    const bin = join(venv, 'bin', 'python');
    // The marker is written last, so an interrupted install is redone, not trusted.
    const marker = join(venv, '.installed');
    if (!(await access(marker).then(() => true, () => false))) {
      await execa('python3', ['-m', 'venv', '--clear', venv]);
      await execa(bin, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements]);
      await writeFile(marker, '');
    }
    const version = await commandVersion(bin, ['-c', 'import importlib.metadata as m; print(m.version("mercadopago"))']);
    return {
      sdk: { kind: 'official', name: 'mercadopago (PyPI)', version: version ?? 'unknown' },
      command: async (file) => ({ command: bin, args: [file] }),
    };
  },
};
