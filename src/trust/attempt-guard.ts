// Attempt limits and the attempt log, fed by verification decisions. A decision is logged and counted
// in storage, so a reload or another tab sees the same lock.
import type { AttemptLog, LockoutStatus, LockoutStore } from '../storage';
import type { TabSync } from './tab-sync';

/** A verification decision, as the verify view reports it. */
export interface AttemptDecision {
  mode: '1:1' | '1:N';
  outcome: 'match' | 'no-match';
  personId: string | null;
  name: string | null;
  distance: number;
  threshold: number;
  /** The liveness check's outcome, where the decision had one. */
  liveness?: string | null;
}

export class AttemptGuard {
  constructor(
    private readonly lockout: LockoutStore,
    private readonly log: AttemptLog,
    private readonly sync: TabSync | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** The lock in force, if any: a locked device starts no verification. */
  check(): Promise<LockoutStatus> {
    return this.lockout.status();
  }

  /** Logs a decision and counts it towards the lock; returns the state it leads to. */
  async record(decision: AttemptDecision): Promise<LockoutStatus> {
    const outcome = decision.outcome === 'match' ? 'accepted' : 'refused';
    await this.log.append({
      at: this.now(),
      mode: decision.mode,
      outcome,
      // A refused 1:N names nobody: the nearest person was not recognised.
      personId: outcome === 'refused' && decision.mode === '1:N' ? null : decision.personId,
      personName: outcome === 'refused' && decision.mode === '1:N' ? null : decision.name,
      distance: decision.distance,
      threshold: decision.threshold,
      liveness: decision.liveness ?? null,
    });
    const status = await this.lockout.record(outcome);
    this.sync?.post({ type: 'lockout-changed' });
    return status;
  }

  /** The owner lifts the lock. */
  async clear(): Promise<void> {
    await this.lockout.clear();
    this.sync?.post({ type: 'lockout-changed' });
  }
}
