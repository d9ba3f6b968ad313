// What the app imports from storage. Storage never imports the engine or the UI.
export {
  DB_VERSION,
  DEFAULT_PREFERENCES,
  type AttemptRecord,
  type LockoutRecord,
  type OwnerRecord,
  type PasskeyOwner,
  type PassphraseOwner,
  type PersistenceRecord,
  type PersonRecord,
  type Preferences,
  type SampleRecord,
} from './db';
export { AttemptLog, MAX_ATTEMPTS, type AttemptLogFile } from './attempt-log';
export { FaceprintConnection, type ConnectionOptions } from './connection';
export { DeviceStore } from './device-store';
export { EnrollmentStore, type ExportResult, type ImportSummary, type NewSample } from './enrollment-store';
export {
  ImportError,
  ModelMismatchError,
  StorageFullError,
  StorageOutdatedError,
  StorageUnavailableError,
  type ImportProblem,
} from './errors';
export { EXPORT_FORMAT, MAX_NAME_LENGTH, type ExportFile, type ModelSpec } from './export-format';
export {
  FIRST_LOCK_MS,
  LockoutStore,
  MAX_LOCK_MS,
  REFUSALS_BEFORE_LOCK,
  lockDuration,
  type LockoutStatus,
} from './lockout-store';
export {
  MIN_KDF_ITERATIONS,
  MIN_PASSPHRASE_LENGTH,
  SEALED_FILE_EXTENSION,
  SEALED_VERSION,
  isSealed,
  openSealedExport,
  readSealedHeader,
  sealExport,
  type SealedHeader,
} from './sealed-export';
