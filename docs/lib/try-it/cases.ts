/**
 * The cases a page's Try it panel offers: the documented call, which the declaration's `given`,
 * `request` and `response` are, then the declaration's `tryIt` cases (examples/<op>/operation.json),
 * in the order of the page's "What goes wrong". The server renders them into the panel (labels in
 * the page's language); the browser stages and sends them as data. Nothing here names an operation.
 */
import type { CaseHeld, Operation, TryItCase } from '../../../examples/operations.ts';

/** One case as the panel gets it: everything it needs to stage, change and judge the request. */
export interface TryCase {
  /** `documented`, or the declaration's id. */
  id: string;
  /** What the sandbox holds for it, by variable (examples/given.ts makes it). */
  given: Record<string, CaseHeld>;
  set?: TryItCase['set'];
  omit?: string;
  expect: TryItCase['expect'];
}

/** The documented call first, then the declaration's cases, in its order. */
export function casesFor(operation: Pick<Operation, 'given' | 'response' | 'tryIt'>): TryCase[] {
  const { response } = operation;
  const documented: TryCase = {
    id: 'documented',
    given: operation.given,
    expect:
      response.about === 'refunds'
        ? { status: response.status, items: Object.values(operation.given).filter((held) => 'refund' in held).length }
        : { status: response.status, ...(typeof response.body.status === 'string' ? { bodyStatus: response.body.status } : {}) },
  };
  return [
    documented,
    ...operation.tryIt.map(({ id, given, set, omit, expect }) => ({
      id,
      given: given ?? operation.given,
      ...(set ? { set } : {}),
      ...(omit ? { omit } : {}),
      expect,
    })),
  ];
}

/** The UI string that names a case: the site's own for the documented call, else one named after the declaration's. */
export function caseLabelKey(operation: string, id: string): string {
  return id === 'documented' ? 'tryIt.case.documented' : `tryIt.case.${operation}.${id}`;
}

/** Whether an answer is the one the case expects: its status, its cause, its `status` member, its length. */
export function asExpected(expect: TryCase['expect'], status: number, json: unknown): boolean {
  const body = json as { status?: unknown; cause?: { code?: unknown }[] } | undefined;
  return (
    status === expect.status &&
    (expect.cause === undefined || String(body?.cause?.[0]?.code) === String(expect.cause)) &&
    (expect.bodyStatus === undefined || body?.status === expect.bodyStatus) &&
    (expect.items === undefined || (Array.isArray(json) && json.length === expect.items))
  );
}
