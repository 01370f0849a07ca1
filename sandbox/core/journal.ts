/** One request as the sandbox received it, and what it answered. */
export interface JournalEntry {
  requestId: string;
  at: number;
  method: string;
  path: string;
  /** Header names lower-cased, as HTTP/2 and fetch present them. */
  headers: Record<string, string>;
  body: string;
  /** Present when `body` was cut to {@link MAX_JOURNALED_BODY} characters. */
  bodyTruncated?: true;
  status: number;
  response: string;
}

/**
 * Request bodies up to 1 MiB are accepted; kept whole, a full journal of them would hold
 * a gigabyte. Past this many characters only the beginning is kept.
 */
export const MAX_JOURNALED_BODY = 64 * 1024;

/** What one sandbox received, newest last, bounded so a long-lived sandbox stays small. */
export class Journal {
  readonly #entries: JournalEntry[] = [];
  readonly #limit: number;
  readonly #onRecord: ((entry: JournalEntry) => void) | undefined;

  /** `onRecord` sees each entry as it is recorded (the sandbox's `onResponse` option). */
  constructor(limit: number, onRecord?: (entry: JournalEntry) => void) {
    this.#limit = limit;
    this.#onRecord = onRecord;
  }

  record(entry: JournalEntry): void {
    if (entry.body.length > MAX_JOURNALED_BODY) {
      entry = { ...entry, body: entry.body.slice(0, MAX_JOURNALED_BODY), bodyTruncated: true };
    }
    this.#entries.push(entry);
    if (this.#entries.length > this.#limit) this.#entries.shift();
    this.#onRecord?.(entry);
  }

  entries(): readonly JournalEntry[] {
    return this.#entries;
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
