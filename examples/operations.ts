/**
 * An operation is a folder: `examples/<id>/` holds one program per language and
 * `operation.json`, the declaration that the verifier, the report, the pages and the tests
 * all read. This module is its schema and its loader; it reads files and runs nothing.
 *
 * Adding an operation: a new folder with its `operation.json` and its programs (file names
 * from examples/languages.ts), and its page. Nothing else names it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SECTION_IDS } from './sections.ts';

export const EXAMPLES_DIR = fileURLToPath(new URL('.', import.meta.url));

const json = z.record(z.string(), z.unknown());

/** An environment variable's name, e.g. PAYMENT_ID. */
const variable = z.string().regex(/^[A-Z][A-Z0-9_]*$/);

/** A card token of a test card, by its cardholder name: APRO approves, OTHE declines, CONT leaves the payment in_process. */
const cardTokenOf = { cardholder: z.string() };
/**
 * A card payment of `amount` with that test card: `capture: false` makes a reserve
 * (authorized / pending_capture), `true` a payment as the card's outcome has it (APRO: approved,
 * CONT: in_process).
 */
const paymentOf = { amount: z.number().positive(), capture: z.boolean(), cardholder: z.string().default('APRO') };
/** A refund of the payment an earlier variable names: all that is left of it, or `amount`. */
const refundOf = z.strictObject({ of: variable, amount: z.number().positive().optional() });

/**
 * One thing the sandbox holds before the program runs, made by direct calls on it (no request),
 * its id passed to the program in the variable that names it (examples/given.ts makes it). A new
 * operation that needs something else adds a kind here; the shape of `given` stays.
 */
const held = z.union([
  z.strictObject({ cardToken: z.strictObject(cardTokenOf) }),
  z.strictObject({ payment: z.strictObject(paymentOf) }),
  z.strictObject({ refund: refundOf }),
]);

/**
 * What a Try it case's `given` may hold: the same kinds, and what only a case needs, states no
 * program is run from:
 * - a card token a payment has already used (`"used": true`), which the API refuses;
 * - a payment something was done to once made, as the API would do it (`"afterwards"`):
 *   `capture` (a reserve, captured whole) or `cancel` (a reserve, or an in_process payment);
 * - `{"unknown": "payment"}` (or `"refund"`, `"cardToken"`): an id the sandbox has nothing under;
 * - a refund made `"times"` over, each of `amount` (the last one's id passed): a payment at the
 *   limit of partial refunds.
 * An operation whose own `given` needs one of the first two moves it up into `held` (and has
 * docs/components/VerificationNotes.astro say it in words).
 */
const caseHeld = z.union([
  z.strictObject({ cardToken: z.strictObject({ ...cardTokenOf, used: z.boolean().optional() }) }),
  z.strictObject({ payment: z.strictObject({ ...paymentOf, afterwards: z.enum(['capture', 'cancel']).optional() }) }),
  z.strictObject({ refund: refundOf.extend({ times: z.number().int().min(2).max(20).optional() }) }),
  z.strictObject({ unknown: z.enum(['payment', 'refund', 'cardToken']) }),
]);

export type Held = z.infer<typeof held>;
export type CaseHeld = z.infer<typeof caseHeld>;

/**
 * One case of the page's Try it panel beside the documented call (which the declaration's
 * `given`, `request` and `response` already are): one error the page's "What goes wrong" names,
 * or another outcome, as the panel stages and sends it, and the answer it must get
 * (tests/site/try-it.test.ts sends every case through the sandbox and holds it to `expect`).
 */
const tryCase = z.strictObject({
  /** Unique in the operation; its label's translation is the UI string `tryIt.case.<operation>.<id>`. */
  id: z
    .string()
    .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
    .refine((id) => id !== 'documented', '"documented" is the declaration itself'),
  /** The picker's English words for it, e.g. "A payment already refunded". */
  label: z.string().min(1),
  /**
   * What the sandbox holds for this case, in place of the operation's `given` (all of it: a
   * variable the case leaves out is not made). Without it, the operation's `given`.
   */
  given: z.record(variable, caseHeld).optional(),
  /** Top-level members of the recorded body the case sets (e.g. `{"amount": 0}`), the rest as sent. */
  set: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  /** A header the case leaves out, lower case (e.g. `x-idempotency-key`). */
  omit: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  /**
   * The answer: its status, and the first `cause`'s code for an error; for a success, the
   * answer's own `status` member (a payment's or a refund's: `bodyStatus`), or how many items
   * an array answer holds (`items`).
   */
  expect: z.strictObject({
    status: z.number().int().min(100).max(599),
    cause: z.number().int().optional(),
    bodyStatus: z.string().optional(),
    items: z.number().int().nonnegative().optional(),
  }),
});

export type TryItCase = z.infer<typeof tryCase>;

/** Environment variables a program reads, and what each is, as the page's "How to run" says. */
const input = z.strictObject({
  about: z.string(),
  /** A fixed value the verifier passes; without one, the sandbox's preparation provides it. */
  value: z.string().optional(),
  /** An example value for a reader's shell; defaults to `value`. */
  example: z.string().optional(),
});

export const OperationSchema = z.strictObject({
  $schema: z.string().optional(),
  /** The page's title and the report matrix's row. */
  title: z.string(),
  /** Place in the lifecycle: the sidebar, the report and the matrix follow it. */
  order: z.number().int(),
  /** The sidebar group and landing-page section it belongs to (examples/sections.ts). */
  section: z.enum(SECTION_IDS),
  /**
   * What the sandbox holds before the program runs, by the variable that passes it to the
   * program, made in this order: e.g. `{"PAYMENT_ID": {"payment": {"amount": 100, "capture": false}}}`.
   * A variable that `inputs` does not list is made and passed, but the page does not name it
   * (e.g. the refunds a listing finds).
   */
  given: z.record(variable, held),
  /** Every variable the program reads, MERCADOPAGO_ACCESS_TOKEN included. */
  inputs: z.record(variable, input),
  /**
   * The one request the program must send. `{NAME}` in the path or a string value stands for an
   * input. Every method but GET must carry an X-Idempotency-Key.
   */
  request: z.strictObject({
    method: z.enum(['GET', 'POST', 'PUT']),
    path: z.string().startsWith('/'),
    body: json.optional(),
    /**
     * `exact`: the body is this object. `includes`: it has these members, and may have others.
     * `empty`: no body, an empty one, or `{}` (the SDKs send all three for one call).
     */
    bodyMatch: z.enum(['exact', 'includes', 'empty']),
  }),
  /**
   * The documented answer: its status, and members the printed JSON must have (the page shows
   * them). `about` says what the answer is, and so which id the printed JSON must carry:
   * `payment` (the default), the payment the program made or was given; `refund`, a refund of
   * that payment (its `payment_id`), the one the API answered with; `refunds`, a JSON array
   * holding exactly the payment's refunds, in order, each with `body`'s members.
   */
  response: z.strictObject({
    status: z.number().int(),
    about: z.enum(['payment', 'refund', 'refunds']).default('payment'),
    body: json,
  }),
  /**
   * What the payment must be in the sandbox afterwards: these members, or `"unchanged"` for an
   * operation that only reads (every member as it was given).
   */
  state: z.union([json, z.literal('unchanged')]),
  /**
   * The Try it panel's cases beyond the documented call, in the order of the page's "What goes
   * wrong" (docs/components/TryIt.astro).
   */
  tryIt: z.array(tryCase).default([]),
});

export type OperationDeclaration = z.infer<typeof OperationSchema>;

export interface Operation extends OperationDeclaration {
  /** The folder's name, and the page's slug. */
  id: string;
  /** `examples/<id>`, from the project root. */
  dir: string;
}

/** What is wrong with one `given` (the operation's, or a Try it case's), or undefined. */
function heldProblem(declaration: OperationDeclaration, given: Record<string, CaseHeld>): string | undefined {
  const names = Object.keys(given);
  for (const [index, [name, held]] of Object.entries(given).entries()) {
    if (name in declaration.inputs && declaration.inputs[name]!.value !== undefined)
      return `${name} is both given (the sandbox makes it) and fixed by inputs.${name}.value`;
    if ('refund' in held) {
      const of = held.refund.of;
      const payment = given[of];
      if (!payment || !('payment' in payment) || names.indexOf(of) > index)
        return `the refund in ${name} must be of a payment given before it, and ${of} is not one`;
    }
    if ('payment' in held && held.payment.afterwards !== undefined) {
      const { capture, cardholder, afterwards } = held.payment;
      const reserve = !capture && cardholder === 'APRO';
      if (afterwards === 'capture' && !reserve) return `${name}: only a reserve (capture false, card APRO) is captured afterwards`;
      if (afterwards === 'cancel' && !reserve && cardholder !== 'CONT')
        return `${name}: only a reserve or an in_process payment (card CONT) is cancelled afterwards`;
    }
  }
  return undefined;
}

/** What is wrong with a declaration beyond its schema, or undefined. */
function givenProblem(declaration: OperationDeclaration): string | undefined {
  const problem = heldProblem(declaration, declaration.given);
  if (problem) return problem;
  if (declaration.request.method === 'GET' && declaration.request.bodyMatch !== 'empty')
    return 'a GET request sends no body: bodyMatch "empty"';
  if ((declaration.request.body === undefined) !== (declaration.request.bodyMatch === 'empty'))
    return 'request.body is what bodyMatch "exact" or "includes" compares, and has no place with "empty"';
  const read = Object.keys(declaration.given).filter((name) => name in declaration.inputs);
  const ids = new Set<string>();
  for (const tryCase of declaration.tryIt) {
    const where = `tryIt case "${tryCase.id}"`;
    if (ids.has(tryCase.id)) return `${where} comes twice`;
    ids.add(tryCase.id);
    if (tryCase.given) {
      const caseProblem = heldProblem(declaration, tryCase.given);
      if (caseProblem) return `${where}: ${caseProblem}`;
      const missing = read.filter((name) => !(name in tryCase.given!));
      if (missing.length > 0) return `${where}: its given must make ${missing.join(', ')}, which the request reads`;
    }
    if (tryCase.set && declaration.request.body === undefined) return `${where} sets body members of a request that sends no body`;
    const { status, cause, bodyStatus, items } = tryCase.expect;
    if (status >= 400 ? bodyStatus !== undefined || items !== undefined : cause !== undefined)
      return `${where}: an error is expected with its cause, a success with bodyStatus or items`;
  }
  return undefined;
}

/** The inputs whose value the declaration fixes (e.g. CAPTURE_AMOUNT), by name. */
export function fixedInputs(operation: Pick<Operation, 'inputs'>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(operation.inputs).flatMap(([name, input]) => (input.value === undefined ? [] : [[name, input.value]])),
  );
}

/** `{NAME}` → the input's value, in a path or anywhere in a JSON value's strings. */
export function fillIn<T>(value: T, env: Record<string, string>): T {
  const fill = (text: string) => text.replace(/\{([A-Z][A-Z0-9_]*)\}/g, (match, name: string) => env[name] ?? match);
  const walk = (v: unknown): unknown =>
    typeof v === 'string'
      ? fill(v)
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
          : v;
  return walk(value) as T;
}

/**
 * Every folder of examples/ with an operation.json, in lifecycle order; a bad declaration
 * throws, naming its file. The site passes the folder: in its bundle this module's own URL
 * is not where it was written.
 */
export function loadOperations(examplesDir = EXAMPLES_DIR): Operation[] {
  const operations = readdirSync(examplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const file = join(examplesDir, entry.name, 'operation.json');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return [];
      }
      const parsed = OperationSchema.safeParse(JSON.parse(text));
      if (!parsed.success) {
        throw new Error(`examples/${entry.name}/operation.json is not a valid declaration:\n${z.prettifyError(parsed.error)}`);
      }
      const problem =
        'MERCADOPAGO_ACCESS_TOKEN' in parsed.data.inputs ? givenProblem(parsed.data) : 'inputs must list MERCADOPAGO_ACCESS_TOKEN';
      if (problem) throw new Error(`examples/${entry.name}/operation.json: ${problem}`);
      return [{ ...parsed.data, id: entry.name, dir: `examples/${entry.name}` }];
    });
  return operations.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function findOperation(id: string, examplesDir = EXAMPLES_DIR): Operation | undefined {
  return loadOperations(examplesDir).find((operation) => operation.id === id);
}
