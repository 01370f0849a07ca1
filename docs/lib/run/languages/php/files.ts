/** The names ./prepare.ts writes under `run/php/` and ./worker.ts fetches from beside itself. */
export const WASM_FILE = 'php_8_3.wasm';
/** The SDK double's files as one JSON object, path in the double → text. */
export const DOUBLE_FILE = 'sdk-double.json';
/** php-wasm's JavaScript, bundled alone (./php-wasm.js). */
export const PHP_WASM_FILE = 'php-wasm.mjs';
