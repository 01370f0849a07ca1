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

export const EXAMPLES_DIR = fileURLToPath(new URL('.', import.meta.url));

const json = z.record(z.string(), z.unknown());

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
  /**
   * What the sandbox holds before the program runs: an unused card token of a test card
   * (`CARD_TOKEN`), or a reserve of `amount` made with the approving card (`PAYMENT_ID`).
   */
  given: z.union([
    z.strictObject({ cardToken: z.strictObject({ cardholder: z.string() }) }),
    z.strictObject({ reserve: z.strictObject({ amount: z.number().positive() }) }),
  ]),
  /** Every variable the program reads, MERCADOPAGO_ACCESS_TOKEN included. */
  inputs: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), input),
  /** The one request the program must send. `{NAME}` in the path or a string value stands for an input. */
  request: z.strictObject({
    method: z.enum(['POST', 'PUT']),
    path: z.string().startsWith('/'),
    body: json,
    /** `exact`: the body is this object. `includes`: it has these members, and may have others. */
    bodyMatch: z.enum(['exact', 'includes']),
  }),
  /** The documented answer: its status, and members the printed JSON must have (the page shows them). */
  response: z.strictObject({ status: z.number().int(), body: json }),
  /** What the payment must be in the sandbox afterwards. */
  state: json,
});

export type OperationDeclaration = z.infer<typeof OperationSchema>;

export interface Operation extends OperationDeclaration {
  /** The folder's name, and the page's slug. */
  id: string;
  /** `examples/<id>`, from the project root. */
  dir: string;
}

/** The environment variable through which `given` reaches the program. */
export function givenInput(operation: Pick<Operation, 'given'>): 'CARD_TOKEN' | 'PAYMENT_ID' {
  return 'cardToken' in operation.given ? 'CARD_TOKEN' : 'PAYMENT_ID';
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
      const missing = [givenInput(parsed.data), 'MERCADOPAGO_ACCESS_TOKEN'].filter((name) => !(name in parsed.data.inputs));
      if (missing.length > 0) throw new Error(`examples/${entry.name}/operation.json: inputs must list ${missing.join(' and ')}`);
      return [{ ...parsed.data, id: entry.name, dir: `examples/${entry.name}` }];
    });
  return operations.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function findOperation(id: string, examplesDir = EXAMPLES_DIR): Operation | undefined {
  return loadOperations(examplesDir).find((operation) => operation.id === id);
}
