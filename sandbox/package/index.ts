/**
 * What `import … from 'verified-mp-sandbox'` gives a reader's own JavaScript tests: the sandbox's
 * msw handlers, for `setupServer(...handlers)` from `msw/node` (vitest, node:test, jest), so the
 * reader's code, SDK included, reaches this sandbox when it calls https://api.mercadopago.com.
 * No Node API here: the core runs wherever msw does.
 */
import { createSandbox } from '../core/sandbox.ts';

export { API_ORIGIN } from '../core/api-origin.ts';
export { createSandbox, DEFAULTS, type Sandbox, type SandboxOptions, type SandboxSnapshot } from '../core/sandbox.ts';
export { OUTCOMES, RESERVE_BODY, TEST_CARD, TEST_CARD_NUMBERS } from '../core/test-cards.ts';

/**
 * One sandbox for the whole process, ready at import: its state lasts until the process ends.
 * Seed it with `sandbox.createCardToken('APRO')` (a card token; the cardholder name picks the
 * outcome) or `sandbox.createPayment()` (a reserve); for a fresh state per test, serve
 * `createSandbox().handlers` instead (`server.resetHandlers(...createSandbox().handlers)`).
 */
export const sandbox = createSandbox();

/** The default sandbox's msw request handlers: `setupServer(...handlers)`. */
export const handlers = sandbox.handlers;
