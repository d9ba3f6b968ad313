// The IndexedDB schema and its migrations. Add a version by raising DB_VERSION and appending an
// `if (oldVersion < n)` block; never edit an earlier block, so every old database walks the same path.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

export const DB_NAME = 'faceprint';
export const DB_VERSION = 2;

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

export const DEFAULT_PREFERENCES: Preferences = {
  threshold: null,
  thresholdModelId: null,
  cameraId: null,
  liveness: true,
};

/**
 * The device owner, who alone may enroll, delete, export, import and change settings. Held either by a
 * WebAuthn passkey on a platform authenticator, or by a passphrase where there is none.
 */
export type OwnerRecord = PasskeyOwner | PassphraseOwner;

export interface PasskeyOwner {
  kind: 'passkey';
  credentialId: Uint8Array;
  /** The credential's public key (SubjectPublicKeyInfo, DER), to check each assertion's signature. */
  publicKey: Uint8Array;
  /** COSE algorithm of the key: -7 (ES256) or -257 (RS256). */
  algorithm: number;
  /** The authenticator's signature counter last seen; 0 when it does not count. */
  signCount: number;
  userId: Uint8Array;
  createdAt: number;
}

export interface PassphraseOwner {
  kind: 'passphrase';
  /** PBKDF2-SHA256 salt and iteration count, and the value derived from the passphrase with them. */
  salt: Uint8Array;
  iterations: number;
  check: Uint8Array;
  createdAt: number;
}

/** Consecutive refused verifications and the lock they led to. */
export interface LockoutRecord {
  /** Refusals since the last accepted verification or the last lock. */
  refusedInRow: number;
  /** Locks since the last accepted verification or the owner's clearing; each doubles the wait. */
  lockouts: number;
  /** Milliseconds since the epoch; null when not locked. */
  lockedUntil: number | null;
}

/** One verification decision. No image and no embedding: only what the owner needs to audit. */
export interface AttemptRecord {
  /** Assigned by the store, increasing. */
  seq?: number;
  /** Milliseconds since the epoch. */
  at: number;
  mode: '1:1' | '1:N';
  outcome: 'accepted' | 'refused';
  /** The person matched (or claimed, for a refused 1:1); null for a refused 1:N. */
  personId: string | null;
  personName: string | null;
  /** Distance to that person's template; null when no one was enrolled to compare with. */
  distance: number | null;
  threshold: number;
  /** The liveness check's outcome, where one ran. */
  liveness: string | null;
}

/** The answer to navigator.storage.persist(), asked once after the first enrollment. */
export interface PersistenceRecord {
  requestedAt: number;
  granted: boolean;
}

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
  owner: {
    key: 'owner';
    value: OwnerRecord;
  };
  lockout: {
    key: 'lockout';
    value: LockoutRecord;
  };
  attempts: {
    key: number;
    value: AttemptRecord;
  };
  persistence: {
    key: 'persistence';
    value: PersistenceRecord;
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
  if (oldVersion < 2) {
    db.createObjectStore('owner');
    db.createObjectStore('lockout');
    db.createObjectStore('attempts', { keyPath: 'seq', autoIncrement: true });
    db.createObjectStore('persistence');
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
