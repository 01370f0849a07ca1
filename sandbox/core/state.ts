import type { CardTokens } from './card-tokens.ts';
import type { Clock } from './clock.ts';
import type { Faults } from './faults.ts';
import type { Idempotency } from './idempotency.ts';
import type { Journal } from './journal.ts';
import type { Payments } from './payments.ts';

/** One sandbox's state: what the handlers read and change. */
export interface SandboxState {
  clock: Clock;
  cardTokens: CardTokens;
  payments: Payments;
  idempotency: Idempotency;
  journal: Journal;
  faults: Faults;
  corsOrigin: string | undefined;
}
