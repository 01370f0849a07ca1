/** A response the API gave once and gives again, byte for byte, to a replayed key. */
export interface StoredResponse {
  status: number;
  body: string;
}

/**
 * `X-Idempotency-Key` replay. Keys are scoped by access token and route, so two
 * readers (or a POST and a PUT) never collide on the same key. A replay with a
 * different body gets the first response back: the API's behaviour there is
 * undocumented and this is our guess.
 */
export class Idempotency {
  readonly #responses = new Map<string, StoredResponse>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  static scope(token: string, method: string, path: string, key: string): string {
    return `${token}\n${method} ${path}\n${key}`;
  }

  get(scope: string): StoredResponse | undefined {
    return this.#responses.get(scope);
  }

  snapshot(): [string, StoredResponse][] {
    return [...this.#responses];
  }

  restore(entries: [string, StoredResponse][]): void {
    for (const [scope, response] of entries) this.set(scope, response);
  }

  set(scope: string, response: StoredResponse): void {
    this.#responses.set(scope, response);
    if (this.#responses.size > this.#limit) {
      this.#responses.delete(this.#responses.keys().next().value as string);
    }
  }
}
