/**
 * Dates as the Payments API writes them: `2026-11-26T10:15:00.000-04:00`.
 * The real API answers in the collector's zone; the sandbox always uses -04:00,
 * the offset seen in recorded responses (a deliberate simplification).
 */
const OFFSET_MS = -4 * 60 * 60 * 1000;

export function apiDate(epochMs: number): string {
  return new Date(epochMs + OFFSET_MS).toISOString().replace('Z', '-04:00');
}

/** The `data` stamp of an error cause: `26-11-2026T10:15:00UTC;<uuid>`. */
export function causeStamp(epochMs: number, requestId: string): string {
  const iso = new Date(epochMs).toISOString();
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}-${m}-${y}T${iso.slice(11, 19)}UTC;${requestId}`;
}
