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

/**
 * One thing the sandbox holds before the program runs, made by direct calls on it (no request),
 * its id passed to the program in the variable that names it. A new operation that needs
 * something else adds a kind here; the shape of `given` stays.
 */
const held = z.union([
  /** An unused card token of a test card, by its cardholder name: APRO approves, OTHE declines, CONT leaves it in_process. */
  z.strictObject({ cardToken: z.strictObject({ cardholder: z.string() }) }),
  /**
   * A card payment of `amount` with that test card: `capture: false` makes a reserve
   * (authorized / pending_capture), `true` a payment as the card's outcome has it (APRO: approved).
   */
  z.strictObject({
    payment: z.strictObject({ amount: z.number().positive(), capture: z.boolean(), cardholder: z.string().default('APRO') }),
  }),
  /** A refund of the payment an earlier variable names: all that is left of it, or `amount`. */
  z.strictObject({ refund: z.strictObject({ of: variable, amount: z.number().positive().optional() }) }),
]);

export type Held = z.infer<typeof held>;

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
});

export type OperationDeclaration = z.infer<typeof OperationSchema>;

export interface Operation extends OperationDeclaration {
  /** The folder's name, and the page's slug. */
  id: string;
  /** `examples/<id>`, from the project root. */
  dir: string;
}

/** What is wrong with a declaration's `given` beyond its schema, or undefined. */
function givenProblem(declaration: OperationDeclaration): string | undefined {
  const names = Object.keys(declaration.given);
  for (const [index, [name, held]] of Object.entries(declaration.given).entries()) {
    if (name in declaration.inputs && declaration.inputs[name]!.value !== undefined)
      return `${name} is both given (the sandbox makes it) and fixed by inputs.${name}.value`;
    if ('refund' in held) {
      const of = held.refund.of;
      const payment = declaration.given[of];
      if (!payment || !('payment' in payment) || names.indexOf(of) > index)
        return `the refund in ${name} must be of a payment given before it, and ${of} is not one`;
    }
  }
  if (declaration.request.method === 'GET' && declaration.request.bodyMatch !== 'empty')
    return 'a GET request sends no body: bodyMatch "empty"';
  if ((declaration.request.body === undefined) !== (declaration.request.bodyMatch === 'empty'))
    return 'request.body is what bodyMatch "exact" or "includes" compares, and has no place with "empty"';
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
