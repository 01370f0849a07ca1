import { matchRequestUrl } from 'msw';
import { ApiError, errors } from './api-error.ts';
import { API_ORIGIN } from './api-origin.ts';
import type { JsonObject } from './json.ts';

/**
 * A fault the sandbox answers with on purpose, so SDK retries can be shown and tested:
 * `POST /__sandbox/faults` with `{"status": 503, "times": 2, "method": "PUT", "path": "/v1/payments/:id"}`.
 */
export interface Fault {
  id: number;
  /** Matches this method only (any when absent). */
  method?: string;
  /** A path like `/v1/payments/:id` (`:name` is one segment); any path when absent. */
  path?: string;
  /** Answer this status in the API's envelope (429 carries `Retry-After`). */
  status?: number;
  /** Seconds in `Retry-After`, for 429 and 503. */
  retryAfter?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
  /**
   * `before` (default): the request is refused and changes nothing, like a gateway error.
   * `after`: the request is carried out, then its answer is lost to the fault, as when a
   * connection drops after the API acted; only an idempotency key makes the retry safe.
   */
  when: 'before' | 'after';
  /** How many matching requests it affects; null until cleared. */
  remaining: number | null;
}

/** What a fault may answer, and with which message: the statuses the official SDKs retry, and the API's lock and timeout. */
const FAULT_MESSAGES: Record<number, string> = {
  408: 'Request timeout',
  409: 'Conflict',
  423: 'Resource locked',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

export const FAULT_STATUSES: readonly number[] = Object.keys(FAULT_MESSAGES).map(Number);

/** The faults armed in one sandbox, consumed by the requests they match, oldest first. */
export class Faults {
  #faults: Fault[] = [];
  #nextId = 1;

  /** Validates a fault sent to the control endpoint; refuses what it cannot do with a 400. */
  add(body: JsonObject): Fault {
    const status = body.status;
    if (status !== undefined && !(typeof status === 'number' && FAULT_STATUSES.includes(status))) {
      throw errors.invalidParameter(`status must be one of ${FAULT_STATUSES.join(', ')}`);
    }
    const drop = body.drop === true;
    const delayMs = optionalNumber(body, 'delayMs', 0, 60_000);
    if (status === undefined && !drop && delayMs === undefined) {
      throw errors.invalidParameter('a fault needs a status, "drop": true or a delayMs');
    }
    // Whole numbers only: a fractional count would never reach 0 and the fault would never end.
    const times = body.times === null ? null : (optionalNumber(body, 'times', 1, 1_000_000, true) ?? 1);
    const when = body.when ?? 'before';
    if (when !== 'before' && when !== 'after') throw errors.invalidParameter('when must be "before" or "after"');
    for (const key of ['method', 'path'] as const) {
      if (body[key] !== undefined && typeof body[key] !== 'string') throw errors.invalidParameter(`${key} must be a string`);
    }
    const fault: Fault = {
      id: this.#nextId++,
      ...(typeof body.method === 'string' && { method: body.method.toUpperCase() }),
      ...(typeof body.path === 'string' && { path: body.path }),
      ...(status !== undefined && { status }),
      // `Retry-After` is a whole number of seconds.
      ...(body.retryAfter !== undefined && { retryAfter: optionalNumber(body, 'retryAfter', 0, 3600, true) }),
      ...(delayMs !== undefined && { delayMs }),
      ...(drop && { drop }),
      when,
      remaining: times,
    };
    this.#faults.push(fault);
    return fault;
  }

  /** The first armed fault matching this request, counted as used. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.#faults.find((f) => (!f.method || f.method === method) && (!f.path || pathMatches(f.path, path)));
    if (!fault) return undefined;
    if (fault.remaining !== null && --fault.remaining === 0) this.#faults = this.#faults.filter((f) => f !== fault);
    return fault;
  }

  list(): Fault[] {
    return this.#faults;
  }

  clear(): void {
    this.#faults = [];
  }
}

/** The envelope a faulted request is answered with. */
export function faultError(fault: Fault & { status: number }): ApiError {
  const headers: Record<string, string> = {};
  if (fault.status === 429 || fault.status === 503) headers['Retry-After'] = String(fault.retryAfter ?? 1);
  return new ApiError(fault.status, FAULT_MESSAGES[fault.status] ?? 'Error', { headers });
}

/** msw's own matching, as the handlers route: `/v1/payments/:id` matches `/v1/payments/12`. */
function pathMatches(pattern: string, path: string): boolean {
  // The path is appended, not resolved: a request for `//x` is a path here, not another host.
  return matchRequestUrl(new URL(API_ORIGIN + path), pattern, API_ORIGIN).matches;
}

function optionalNumber(body: JsonObject, key: string, min: number, max: number, integer = false): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw errors.invalidParameter(`${key} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
  return value;
}
