/**
 * php-wasm's JavaScript, bundled on its own as `run/php/php-wasm.mjs` (./prepare.ts) and
 * imported by URL from our Worker (./worker.ts): php-wasm is GPL-2.0-or-later, and this file,
 * with the two build-time changes of ./php-wasm-patch.ts, is the one the site serves under that
 * licence (NOTICE), apart from our own MIT code.
 * Plain JavaScript: php-wasm's type declarations do not resolve under this project's NodeNext settings.
 */
export { PHP } from '@php-wasm/universal';
export { certificateToPEM, generateCertificate, loadWebRuntime } from '@php-wasm/web';
