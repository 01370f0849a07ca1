/**
 * Keeps the in-browser sandbox's state for the visit: a reserve made on one page can be
 * captured or cancelled on the next. sessionStorage belongs to one browser tab (a second tab
 * starts empty, a duplicated one gets a copy), so two tabs never write over each other's
 * sandbox; the key also names the site's base path, so two sites served from one origin
 * keep theirs apart. Each write replaces the whole record: there is no partial state to tear.
 */
import type { SandboxSnapshot } from '../core/sandbox.ts';

export interface SnapshotStore {
  load(): SandboxSnapshot | undefined;
  /** False when the browser refused to keep it (storage full or disabled); the sandbox still works for this page. */
  save(snapshot: SandboxSnapshot): boolean;
  clear(): void;
}

/** `verified-docs:sandbox:/repo/`: one record per site (base path) per tab. */
export const storageKey = (base: string, what: string): string => `verified-docs:${what}:${base}`;

export function sessionSnapshotStore(key: string, storage: Storage | undefined = safeSessionStorage()): SnapshotStore {
  return {
    load() {
      const text = read(storage, key);
      if (text === undefined) return undefined;
      try {
        const parsed = JSON.parse(text) as Partial<SandboxSnapshot>;
        if (parsed.version === 1 && parsed.payments && parsed.cardTokens && parsed.idempotency) return parsed as SandboxSnapshot;
      } catch {
        // Unreadable: fall through and start empty.
      }
      console.warn(`The saved in-browser sandbox (sessionStorage "${key}") could not be read; starting with an empty one.`);
      storage?.removeItem(key);
      return undefined;
    },
    save(snapshot) {
      if (!storage) return false;
      try {
        storage.setItem(key, JSON.stringify(snapshot));
        return true;
      } catch {
        return false;
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // Storage gone: nothing kept, nothing to clear.
      }
    },
  };
}

/** `sessionStorage`, or undefined where reading it throws (storage blocked for the site). */
export function safeSessionStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function read(storage: Storage | undefined, key: string): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}
