import { join } from 'node:path';
import { chooseDoubleOrFail, commandVersion, doubleDir, type Runner } from '../runner.ts';

/** Ruby: an SDK double of the mercadopago-sdk gem (RubyGems is out of reach), found through -I. */
export const ruby: Runner = {
  id: 'ruby',
  runtime: {
    name: 'Ruby',
    install: 'apt-get install -y ruby',
    version: () => commandVersion('ruby', ['-e', 'print RUBY_VERSION']),
  },
  async prepare(choice) {
    const sdk = await chooseDoubleOrFail(
      choice,
      { name: 'RubyGems', url: 'https://rubygems.org/api/v1/versions/mercadopago-sdk.json' },
      'ruby',
    );
    return {
      sdk,
      command: async (file) => ({ command: 'ruby', args: ['-I', join(doubleDir('ruby'), 'lib'), file] }),
    };
  },
};
