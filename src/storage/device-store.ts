// What this device knows about its owner, and whether the browser promised to keep its data.
import type { FaceprintConnection } from './connection';
import type { OwnerRecord, PersistenceRecord } from './db';

export class DeviceStore {
  constructor(private readonly connection: FaceprintConnection) {}

  async loadOwner(): Promise<OwnerRecord | null> {
    return (await this.connection.read((db) => db.get('owner', 'owner'))) ?? null;
  }

  /** Sets the first owner; false (and nothing written) when one exists already, e.g. set up in another tab. */
  createOwner(owner: OwnerRecord): Promise<boolean> {
    return this.connection.transact(['owner'], async (tx) => {
      const store = tx.objectStore('owner');
      if (await store.get('owner')) return false;
      await store.put(owner, 'owner');
      return true;
    });
  }

  /** Sets or replaces the owner (a rotated passkey, a new passphrase, a new signature counter). */
  async saveOwner(owner: OwnerRecord): Promise<void> {
    await this.connection.transact(['owner'], async (tx) => {
      await tx.objectStore('owner').put(owner, 'owner');
    });
  }

  /**
   * Forgets the owner and, with them, everything they protected: every person and sample, the attempt
   * log and the lock. One transaction: all of it goes, or nothing does.
   */
  async resetOwner(): Promise<void> {
    await this.connection.transact(['owner', 'people', 'attempts', 'lockout'], async (tx) => {
      await Promise.all([
        tx.objectStore('owner').clear(),
        tx.objectStore('people').clear(),
        tx.objectStore('attempts').clear(),
        tx.objectStore('lockout').clear(),
      ]);
    });
  }

  async loadPersistence(): Promise<PersistenceRecord | null> {
    return (await this.connection.read((db) => db.get('persistence', 'persistence'))) ?? null;
  }

  async savePersistence(record: PersistenceRecord): Promise<void> {
    await this.connection.transact(['persistence'], async (tx) => {
      await tx.objectStore('persistence').put(record, 'persistence');
    });
  }
}
