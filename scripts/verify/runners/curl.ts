import { commandVersion, type Runner } from '../runner.ts';

/** curl: no SDK, the request as a reader would type it. */
export const curl: Runner = {
  id: 'curl',
  runtime: {
    name: 'curl',
    install: 'apt-get install -y curl',
    version: () => commandVersion('curl', ['--version']),
  },
  async prepare() {
    return {
      sdk: { kind: 'none', name: 'curl', version: (await commandVersion('curl', ['--version'])) ?? 'unknown' },
      command: async (file) => ({ command: 'bash', args: [file] }),
    };
  },
};
