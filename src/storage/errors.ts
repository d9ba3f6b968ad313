// Storage failures a person can act on. Each carries a message written for them; the UI shows it as is.

/** The browser refused to store more (QuotaExceededError). Nothing in the failed write was saved. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(cause?: unknown) {
    super(
      'Storage is full: this device has no room left for Faceprint to save face data. Free some disk ' +
        'space or clear other sites’ data, then try again. Nothing already saved was changed.',
      { cause },
    );
  }
}

/**
 * The database on disk is newer than this page's code (another tab upgraded it), or another tab
 * asked this one to let go of it. Reloading picks up the new version.
 */
export class StorageOutdatedError extends Error {
  override readonly name = 'StorageOutdatedError';
  constructor() {
    super('Faceprint was updated in another tab. Reload this page to continue; your enrollments are safe.');
  }
}

/** IndexedDB is missing or refuses to open (some private-browsing modes). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(cause?: unknown) {
    super(
      'This browser does not let Faceprint save data on this device (private browsing can block it). ' +
        'Enrollments cannot be stored until it does.',
      { cause },
    );
  }
}

/** A person's stored samples come from another face model than the one adding to them. */
export class ModelMismatchError extends Error {
  override readonly name = 'ModelMismatchError';
  constructor(
    readonly personName: string,
    readonly storedModelId: string,
    readonly newModelId: string,
  ) {
    super(
      `${personName} was enrolled with a different face model (${storedModelId}), whose samples cannot be ` +
        `mixed with this one's (${newModelId}). Delete ${personName} and enroll again.`,
    );
  }
}

export type ImportProblem =
  | 'not-json'
  | 'wrong-format'
  | 'unsupported-version'
  | 'wrong-model'
  | 'wrong-vector-length'
  | 'invalid-data'
  | 'wrong-passphrase'
  | 'tampered'
  | 'truncated';

/** An import file was rejected; nothing was written. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly problem: ImportProblem,
    detail: string,
  ) {
    super(`${detail} Nothing was imported and your existing enrollments are unchanged.`);
  }
}

/** Turns what IndexedDB threw into one of the errors above, or returns it unchanged. */
export function mapStorageError(error: unknown): unknown {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return new StorageFullError(error);
  if (name === 'VersionError') return new StorageOutdatedError();
  return error;
}
