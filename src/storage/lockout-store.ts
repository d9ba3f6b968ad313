// Attempt limits that survive a reload: after REFUSALS_BEFORE_LOCK consecutive refused verifications
// the device locks verification for FIRST_LOCK_MS, and each further lock before an accepted
// verification doubles the wait, up to MAX_LOCK_MS (as Windows Hello and FIDO's biometric
// requirements ask). The state is one record, updated in one transaction per decision, so two tabs
// verifying at once count every refusal.
import type { FaceprintConnection } from './connection';
import type { LockoutRecord } from './db';

export const REFUSALS_BEFORE_LOCK = 5;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

export const UNLOCKED: LockoutRecord = { refusedInRow: 0, lockouts: 0, lockedUntil: null };

export interface LockoutStatus {
  locked: boolean;
  /** Milliseconds since the epoch; null when not locked. */
  lockedUntil: number | null;
  /** Milliseconds of the lock left; 0 when not locked. */
  remainingMs: number;
  /** Refusals allowed before the next lock. */
  refusalsLeft: number;
  /** How long the next lock will last. */
  nextLockMs: number;
}

/** How long the lock after `lockouts` earlier ones lasts. */
export function lockDuration(lockouts: number): number {
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(lockouts, 30));
}

/** The state after one decision at time `now`. */
export function applyOutcome(record: LockoutRecord, outcome: 'accepted' | 'refused', now: number): LockoutRecord {
  if (outcome === 'accepted') return UNLOCKED;
  const refusedInRow = record.refusedInRow + 1;
  if (refusedInRow < REFUSALS_BEFORE_LOCK) return { ...record, refusedInRow };
  const until = now + lockDuration(record.lockouts);
  return { refusedInRow: 0, lockouts: record.lockouts + 1, lockedUntil: Math.max(until, record.lockedUntil ?? 0) };
}

export function lockoutStatus(record: LockoutRecord, now: number): LockoutStatus {
  const remainingMs = record.lockedUntil === null ? 0 : Math.max(0, record.lockedUntil - now);
  return {
    locked: remainingMs > 0,
    lockedUntil: remainingMs > 0 ? record.lockedUntil : null,
    remainingMs,
    refusalsLeft: REFUSALS_BEFORE_LOCK - record.refusedInRow,
    nextLockMs: lockDuration(record.lockouts),
  };
}

export class LockoutStore {
  /** `now` is the clock the lock is measured with (tests pass their own). */
  constructor(
    private readonly connection: FaceprintConnection,
    private readonly now: () => number = Date.now,
  ) {}

  async status(): Promise<LockoutStatus> {
    const record = await this.connection.read((db) => db.get('lockout', 'lockout'));
    return lockoutStatus(record ?? UNLOCKED, this.now());
  }

  /** Counts one verification decision and returns the state it leads to. */
  record(outcome: 'accepted' | 'refused'): Promise<LockoutStatus> {
    return this.connection.transact(['lockout'], async (tx) => {
      const store = tx.objectStore('lockout');
      const now = this.now();
      const next = applyOutcome((await store.get('lockout')) ?? UNLOCKED, outcome, now);
      await store.put(next, 'lockout');
      return lockoutStatus(next, now);
    });
  }

  /** The owner lifts the lock and forgets earlier ones. */
  async clear(): Promise<void> {
    await this.connection.transact(['lockout'], async (tx) => {
      await tx.objectStore('lockout').put(UNLOCKED, 'lockout');
    });
  }
}
