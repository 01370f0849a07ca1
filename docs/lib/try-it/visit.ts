/**
 * What the panel remembers for the visit, beside the sandbox itself: the reserve the pages
 * work on (made on the reserve page, or by a panel that needed one), and the card token it will
 * create the next reserve with. Kept in sessionStorage like the sandbox (one record per tab
 * and site base), so the capture and cancel pages start from the reserve the last page made.
 */
import { safeSessionStorage, storageKey } from '../../../sandbox/browser/snapshot-store.ts';

export interface Visit {
  /** The reserve the capture and cancel pages act on. */
  reserveId?: number;
  /** An unused card token of the approving test card, for the next reserve. */
  cardToken?: string;
  /** The last card token a payment used, and that payment: the "token already used" case sends it. */
  usedCardToken?: { token: string; paymentId: number };
}

export interface VisitStore {
  load(): Visit;
  save(visit: Visit): boolean;
  clear(): void;
}

export function visitStore(base: string, storage = safeSessionStorage()): VisitStore {
  const key = storageKey(base, 'try-it');
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '{}');
        return parsed && typeof parsed === 'object' ? (parsed as Visit) : {};
      } catch {
        return {};
      }
    },
    save(visit) {
      try {
        storage?.setItem(key, JSON.stringify(visit));
        return storage !== undefined;
      } catch {
        return false;
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing kept.
      }
    },
  };
}
