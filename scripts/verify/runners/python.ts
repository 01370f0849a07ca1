import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { cacheDir, commandVersion, exists, manifestFor, type Runner } from '../runner.ts';

/** A virtualenv with the requirements installed, kept under .cache/ per requirements file. */
async function venv(requirements: string, hash: string): Promise<string> {
  const dir = join(await cacheDir('python'), `venv-${hash}`);
  const bin = join(dir, 'bin', 'python');
  // The marker is written last, so an interrupted install is redone, not trusted.
  const marker = join(dir, '.installed');
  if (!(await exists(marker))) {
    await execa('python3', ['-m', 'venv', '--clear', dir]);
    await execa(bin, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements]);
    await writeFile(marker, '');
  }
  return bin;
}

/** Python: the official `mercadopago` from PyPI, in a virtualenv kept per requirements file. */
export const python: Runner = {
  id: 'python',
  runtime: {
    name: 'Python',
    install: 'apt-get install -y python3 python3-venv',
    version: () => commandVersion('python3', ['--version']),
  },
  async prepare() {
    // Every example pins the same SDK, so one virtualenv serves them all; a program whose
    // requirements.txt says otherwise gets its own.
    const venvs = new Map<string, Promise<string>>();
    const pythonFor = async (file?: string) => {
      const requirements = await manifestFor('python', 'requirements.txt', file);
      const text = await readFile(requirements);
      const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
      if (!venvs.has(hash)) venvs.set(hash, venv(requirements, hash));
      return venvs.get(hash)!;
    };
    const bin = await pythonFor();
    const version = await commandVersion(bin, ['-c', 'import importlib.metadata as m; print(m.version("mercadopago"))']);
    return {
      sdk: { kind: 'official', name: 'mercadopago (PyPI)', version: version ?? 'unknown' },
      command: async (file) => ({ command: await pythonFor(file), args: [file] }),
    };
  },
};
