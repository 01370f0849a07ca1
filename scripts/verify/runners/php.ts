import { chooseDoubleOrFail, commandVersion, doubleDir, type Runner } from '../runner.ts';

/**
 * PHP: an SDK double of mercadopago/dx-php (Packagist is out of reach). The example's
 * `require 'vendor/autoload.php'` resolves through include_path to the double, so the
 * file runs unchanged; with the real SDK, `composer install` puts vendor/ beside it.
 */
export const php: Runner = {
  id: 'php',
  runtime: {
    name: 'PHP',
    install: 'apt-get install -y php-cli php-curl',
    version: () => commandVersion('php', ['-r', 'echo PHP_VERSION;']),
  },
  async prepare(choice) {
    const sdk = await chooseDoubleOrFail(choice, { name: 'Packagist', url: 'https://repo.packagist.org/packages.json' }, 'php');
    return {
      sdk,
      command: async (file, ca) => ({
        command: 'php',
        args: ['-d', `include_path=${doubleDir('php')}`, ...(ca ? ['-d', `curl.cainfo=${ca.caFile}`] : []), file],
      }),
    };
  },
};
