// The IndexedDB schema and its migrations. Add a version by raising DB_VERSION and appending an
// `if (oldVersion < n)` block; never edit an earlier block, so every old database walks the same path.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

export const DB_NAME = 'faceprint';
export const DB_VERSION = 1;

/** One enrollment capture: an embedding, the model that made it, and when. */
export interface SampleRecord {
  id: string;
  vector: Float32Array;
  modelId: string;
  /** Milliseconds since the epoch. */
  capturedAt: number;
}

export interface PersonRecord {
  id: string;
  name: string;
  /** The name trimmed and lower-cased: one person per name. */
  nameKey: string;
  createdAt: number;
  updatedAt: number;
  /** The model of `mean` and of the samples it averages. */
  modelId: string;
  vectorLength: number;
  samples: SampleRecord[];
  /** Mean of the samples made with `modelId`. */
  mean: Float32Array;
}

export interface Preferences {
  /** A threshold chosen in settings, for `thresholdModelId`; null: use the calibrated one. */
  threshold: number | null;
  thresholdModelId: string | null;
  /** The camera last chosen, by MediaDeviceInfo.deviceId. */
  cameraId: string | null;
  /** Ask for a liveness challenge before enrolling or accepting a face (off only by the person's choice). */
  liveness: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { threshold: null, thresholdModelId: null, cameraId: null, liveness: true };

export interface FaceprintSchema extends DBSchema {
  people: {
    key: string;
    value: PersonRecord;
    indexes: { 'by-name': string };
  };
  settings: {
    key: 'preferences';
    value: Preferences;
  };
}

export type FaceprintDatabase = IDBPDatabase<FaceprintSchema>;

export function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/** Brings a database from `oldVersion` up to the current schema, one version at a time. */
export function upgradeSchema(
  db: IDBPDatabase<FaceprintSchema>,
  oldVersion: number,
  // The upgrade transaction: later migrations use it to rewrite records of earlier stores.
  _transaction: IDBPTransaction<FaceprintSchema, StoreNames<FaceprintSchema>[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const people = db.createObjectStore('people', { keyPath: 'id' });
    people.createIndex('by-name', 'nameKey', { unique: true });
    db.createObjectStore('settings');
  }
}

export interface OpenCallbacks {
  /** This page wants a newer version, but another tab holds the database open at an older one. */
  onBlocked?: () => void;
  /** Another tab wants a newer version; this connection has already been closed. */
  onVersionChange?: () => void;
  /** The browser closed the connection (storage cleared, disk error). */
  onTerminated?: () => void;
}

export function openFaceprintDb(
  callbacks: OpenCallbacks = {},
  name = DB_NAME,
  version = DB_VERSION,
): Promise<FaceprintDatabase> {
  const opening = openDB<FaceprintSchema>(name, version, {
    upgrade: (db, oldVersion, _newVersion, transaction) => upgradeSchema(db, oldVersion, transaction),
    blocked: () => callbacks.onBlocked?.(),
    blocking: () => {
      // Let the other tab upgrade; this tab must reload before it can use the database again.
      void opening.then((db) => db.close());
      callbacks.onVersionChange?.();
    },
    terminated: () => callbacks.onTerminated?.(),
  });
  return opening;
}
