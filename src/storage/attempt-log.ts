// The attempt log: every verification decision, for the owner to audit. Bounded: the oldest entries
// are dropped beyond MAX_ATTEMPTS, in the same transaction that adds one.
import type { FaceprintConnection } from './connection';
import type { AttemptRecord } from './db';

export const MAX_ATTEMPTS = 1_000;
export const ATTEMPT_LOG_FORMAT = 'faceprint-attempt-log';

export interface AttemptLogFile {
  format: typeof ATTEMPT_LOG_FORMAT;
  version: 1;
  exportedAt: string;
  attempts: (Omit<AttemptRecord, 'seq' | 'at'> & { at: string })[];
}

export class AttemptLog {
  constructor(private readonly connection: FaceprintConnection) {}

  /** Adds an entry and drops the oldest beyond MAX_ATTEMPTS. */
  async append(entry: Omit<AttemptRecord, 'seq'>): Promise<void> {
    const record: AttemptRecord = {
      ...entry,
      distance: entry.distance !== null && Number.isFinite(entry.distance) ? entry.distance : null,
    };
    await this.connection.transact(['attempts'], async (tx) => {
      const store = tx.objectStore('attempts');
      await store.add(record);
      let excess = (await store.count()) - MAX_ATTEMPTS;
      for (let cursor = await store.openCursor(); cursor && excess > 0; cursor = await cursor.continue(), excess--) {
        await cursor.delete();
      }
    });
  }

  /** Every entry, newest first. */
  async list(): Promise<AttemptRecord[]> {
    const all = await this.connection.read((db) => db.getAll('attempts'));
    return all.reverse();
  }

  async clear(): Promise<void> {
    await this.connection.transact(['attempts'], async (tx) => {
      await tx.objectStore('attempts').clear();
    });
  }

  /** The log as a file for the owner to keep, oldest first. */
  async exportFile(now: Date): Promise<AttemptLogFile> {
    const entries = (await this.list()).reverse();
    return {
      format: ATTEMPT_LOG_FORMAT,
      version: 1,
      exportedAt: now.toISOString(),
      attempts: entries.map(({ seq: _seq, at, ...rest }) => ({ at: new Date(at).toISOString(), ...rest })),
    };
  }
}
