// What the app imports from storage. Storage never imports the engine or the UI.
export { DB_VERSION, DEFAULT_PREFERENCES, type PersonRecord, type Preferences, type SampleRecord } from './db';
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
