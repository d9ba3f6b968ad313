// One connection to the Faceprint database, shared by every store on a page. Each store reads
// through `read` and writes through `transact`, so that errors reach the app as the storage errors
// it explains (errors.ts), and a write either commits whole or changes nothing.
import type { IDBPTransaction, StoreNames } from 'idb';
import {
  DB_NAME,
  DB_VERSION,
  openFaceprintDb,
  type FaceprintDatabase,
  type FaceprintSchema,
  type OpenCallbacks,
} from './db';
import { StorageOutdatedError, StorageUnavailableError, mapStorageError } from './errors';

export interface ConnectionOptions extends OpenCallbacks {
  /** For tests: another database name or version. */
  databaseName?: string;
  databaseVersion?: number;
}

export class FaceprintConnection {
  private connection: Promise<FaceprintDatabase> | null = null;
  private outdated = false;

  constructor(private readonly options: ConnectionOptions = {}) {}

  private open(): Promise<FaceprintDatabase> {
    if (this.outdated) return Promise.reject(new StorageOutdatedError());
    if (typeof indexedDB === 'undefined') return Promise.reject(new StorageUnavailableError());
    this.connection ??= openFaceprintDb(
      {
        onBlocked: this.options.onBlocked,
        onVersionChange: () => {
          this.outdated = true;
          this.connection = null;
          this.options.onVersionChange?.();
        },
        onTerminated: () => {
          this.connection = null;
          this.options.onTerminated?.();
        },
      },
      this.options.databaseName ?? DB_NAME,
      this.options.databaseVersion ?? DB_VERSION,
    ).catch((error: unknown) => {
      this.connection = null;
      const mapped = mapStorageError(error);
      // Anything but a version or quota problem means IndexedDB itself refused to open.
      throw mapped === error ? new StorageUnavailableError(error) : mapped;
    });
    return this.connection;
  }

  /** Reads outside any write transaction. */
  async read<T>(work: (db: FaceprintDatabase) => Promise<T>): Promise<T> {
    const db = await this.open();
    try {
      return await work(db);
    } catch (error) {
      throw mapStorageError(error);
    }
  }

  /** Runs `work` in one transaction and waits for it to commit; a failure anywhere rolls it all back. */
  async transact<T, Names extends StoreNames<FaceprintSchema>[]>(
    storeNames: Names,
    work: (tx: IDBPTransaction<FaceprintSchema, Names, 'readwrite'>) => Promise<T>,
  ): Promise<T> {
    const db = await this.open();
    const tx = db.transaction(storeNames, 'readwrite');
    try {
      const result = await work(tx);
      await tx.done;
      return result;
    } catch (error) {
      // The transaction's own error (e.g. QuotaExceededError at commit) explains an AbortError better.
      let cause: unknown = error;
      try {
        cause = tx.error ?? error;
      } catch {
        // Older engines throw while the transaction is still active: there is no transaction error yet.
      }
      try {
        tx.abort();
      } catch {
        // Already committed or aborted.
      }
      tx.done.catch(() => undefined);
      throw mapStorageError(cause);
    }
  }

  /** Closes the connection; the next call reopens it. */
  close(): void {
    const connection = this.connection;
    this.connection = null;
    void connection?.then((db) => db.close()).catch(() => undefined);
  }
}
