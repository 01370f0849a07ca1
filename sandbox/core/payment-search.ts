import { ApiError } from './api-error.ts';
import type { Payment } from './payment.ts';

/**
 * `GET /v1/payments/search`: the caller's payments that match the query, as
 * `{paging: {total, limit, offset}, results}`. The parameters, their values and the error codes
 * are the API reference's ("Search payments"); the defaults and limits are stated where chosen.
 *
 * Limitations: filters compare whole values (no prefixes, no `payer.email` or other nested
 * members); a parameter the sandbox does not know is ignored, as the API ignores one it does
 * not filter on (our reading, not verified); the API's twelve-month window never applies, the
 * sandbox's payments being younger than that.
 */
export interface SearchPage {
  paging: { total: number; limit: number; offset: number };
  results: Payment[];
}

/** Members a search filters on by equality, as `?status=approved&external_reference=order-1`. */
const FILTERS = [
  'id',
  'external_reference',
  'status',
  'status_detail',
  'payment_method_id',
  'payment_type_id',
  'operation_type',
  'currency_id',
  'collector_id',
] as const;

/** The attributes `sort` and `range` may name (the reference's lists). */
const SORTS = ['date_approved', 'date_created', 'date_last_updated', 'id', 'money_release_date'] as const;
const RANGES = ['date_created', 'date_last_updated', 'date_approved', 'money_release_date'] as const;

/** Our choice: the reference gives no default page size; 30 is the SDKs' fixtures' `limit`. */
export const DEFAULT_LIMIT = 30;
/** Our choice: past this, 400 cause 1000 "Number of rows exceeded the limits". */
export const MAX_LIMIT = 1000;

const paramsError = (what: string) => new ApiError(400, `Params Error. ${what}`, { code: 1 });
const rowsExceeded = () => new ApiError(400, 'Number of rows exceeded the limits.', { code: 1000 });
const badDate = () => new ApiError(400, "Date format must be yyyy-MM-dd'T'HH:mm:ss.SSSZ.", { code: 1001 });
const badSort = () => new ApiError(400, 'Invalid sort value.', { code: 1003 });
const badCriteria = () => new ApiError(400, 'Invalid criteria value.', { code: 1004 });

export function searchPayments(payments: Iterable<Payment>, query: URLSearchParams, now: number): SearchPage {
  const limit = count(query.get('limit'), DEFAULT_LIMIT, 'limit');
  const offset = count(query.get('offset'), 0, 'offset');
  if (limit < 1) throw paramsError('limit must be at least 1.');
  if (limit > MAX_LIMIT) throw rowsExceeded();
  const sort = pick(query.get('sort'), SORTS, 'date_created', badSort);
  const criteria = pick(query.get('criteria'), ['asc', 'desc'] as const, 'desc', badCriteria);
  const range = pick(query.get('range'), RANGES, 'date_created', () => paramsError(`range must be one of ${RANGES.join(', ')}.`));
  const begin = instant(query.get('begin_date'), now);
  const end = instant(query.get('end_date'), now);

  const filters = FILTERS.flatMap((name) => {
    const value = query.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  const matching = [...payments].filter((payment) => {
    if (!filters.every(([name, value]) => payment[name] !== null && String(payment[name]) === value)) return false;
    if (begin === undefined && end === undefined) return true;
    const at = dateOf(payment, range);
    return at !== undefined && (begin === undefined || at >= begin) && (end === undefined || at <= end);
  });
  const direction = criteria === 'asc' ? 1 : -1;
  matching.sort((a, b) => {
    const [x, y] = sort === 'id' ? [a.id, b.id] : [dateOf(a, sort), dateOf(b, sort)];
    // A payment without the date (not approved yet) comes last either way.
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    return (x - y) * direction || (a.id - b.id) * direction;
  });
  return { paging: { total: matching.length, limit, offset }, results: matching.slice(offset, offset + limit) };
}

function count(raw: string | null, fallback: number, name: string): number {
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,9}$/.test(raw)) throw paramsError(`${name} must be a whole number.`);
  return Number(raw);
}

function pick<T extends string>(raw: string | null, allowed: readonly T[], fallback: T, error: () => ApiError): T {
  if (raw === null || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw error();
  return raw as T;
}

function dateOf(payment: Payment, attribute: (typeof SORTS)[number]): number | undefined {
  const value = payment[attribute];
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

const UNIT_MS = { MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000, MONTHS: 30 * 86_400_000 } as const;

/**
 * A date as the API takes it: ISO 8601 (`2026-11-01T00:00:00.000-04:00`, or a bare date), or
 * relative to now as in the API's examples: `NOW`, `NOW-30DAYS`, `NOW-1MONTHS`, `NOW-12HOURS`
 * (a month is 30 days here: our simplification).
 */
function instant(raw: string | null, now: number): number | undefined {
  if (raw === null || raw === '') return undefined;
  const relative = /^NOW(?:-(\d{1,4})(MINUTES?|HOURS?|DAYS?|MONTHS?))?$/i.exec(raw.trim());
  if (relative) {
    if (!relative[1]) return now;
    const unit = relative[2]!.toUpperCase().replace(/S?$/, 'S') as keyof typeof UNIT_MS;
    return now - Number(relative[1]) * UNIT_MS[unit];
  }
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw.trim())) throw badDate();
  const ms = Date.parse(raw.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(ms)) throw badDate();
  return ms;
}
