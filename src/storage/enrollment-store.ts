// The storage facade the app uses: people, their face samples, and preferences, in IndexedDB.
// Every write is one transaction over data computed beforehand: embeddings are made (on the GPU)
// before a transaction opens, because IndexedDB commits a transaction as soon as it goes idle.
import type { IDBPTransaction, StoreNames } from 'idb';
import { FaceprintConnection, type ConnectionOptions } from './connection';
import {
  DEFAULT_PREFERENCES,
  nameKey,
  type FaceprintDatabase,
  type FaceprintSchema,
  type PersonRecord,
  type Preferences,
  type SampleRecord,
} from './db';
import { ModelMismatchError } from './errors';
import { MAX_NAME_LENGTH, buildExportFile, parseExportFile, type ExportFile, type ModelSpec } from './export-format';

/** A new sample to store: an embedding from the running engine. */
export interface NewSample {
  vector: Float32Array;
  modelId: string;
  /** Milliseconds since the epoch; now when omitted. */
  capturedAt?: number;
}

export interface ImportSummary {
  peopleAdded: number;
  peopleUpdated: number;
  samplesAdded: number;
}

export interface ExportResult {
  file: ExportFile;
  /** People enrolled with another model, left out of the file. */
  skipped: number;
}

export type EnrollmentStoreOptions = ConnectionOptions;

function meanOf(samples: readonly SampleRecord[]): Float32Array {
  const length = samples[0]!.vector.length;
  const sum = new Float64Array(length);
  for (const sample of samples) for (let i = 0; i < length; i++) sum[i] += sample.vector[i];
  return Float32Array.from(sum, (x) => x / samples.length);
}

/** The person's samples made with their current model, and the mean of those. */
function withMean(person: PersonRecord): PersonRecord {
  const current = person.samples.filter((sample) => sample.modelId === person.modelId);
  return { ...person, mean: meanOf(current) };
}

export class EnrollmentStore {
  /** The database connection, for the other stores of this page to share. */
  readonly connection: FaceprintConnection;

  constructor(options: EnrollmentStoreOptions | FaceprintConnection = {}) {
    this.connection = options instanceof FaceprintConnection ? options : new FaceprintConnection(options);
  }

  private read<T>(work: (db: FaceprintDatabase) => Promise<T>): Promise<T> {
    return this.connection.read(work);
  }

  private transact<T, Names extends StoreNames<FaceprintSchema>[]>(
    storeNames: Names,
    work: (tx: IDBPTransaction<FaceprintSchema, Names, 'readwrite'>) => Promise<T>,
  ): Promise<T> {
    return this.connection.transact(storeNames, work);
  }

  /** Everyone enrolled, by name. */
  listPeople(): Promise<PersonRecord[]> {
    return this.read((db) => db.getAllFromIndex('people', 'by-name'));
  }

  /**
   * Adds samples to the person called `name` (created if new) and recomputes their mean. All samples
   * must come from one model. Samples of a model other than the person's stored one are refused.
   */
  async addSamples(name: string, samples: readonly NewSample[]): Promise<PersonRecord> {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > MAX_NAME_LENGTH)
      throw new Error(`A name needs 1 to ${MAX_NAME_LENGTH} characters.`);
    const first = samples[0];
    if (!first) throw new Error('No samples to add.');
    for (const sample of samples) {
      if (sample.modelId !== first.modelId || sample.vector.length !== first.vector.length) {
        throw new Error('All samples added together must come from the same model.');
      }
    }
    const now = Date.now();
    const records: SampleRecord[] = samples.map((sample) => ({
      id: crypto.randomUUID(),
      vector: Float32Array.from(sample.vector),
      modelId: sample.modelId,
      capturedAt: sample.capturedAt ?? now,
    }));
    return this.transact(['people'], async (tx) => {
      const store = tx.objectStore('people');
      const existing = await store.index('by-name').get(nameKey(trimmed));
      let person: PersonRecord;
      if (existing) {
        if (existing.modelId !== first.modelId)
          throw new ModelMismatchError(existing.name, existing.modelId, first.modelId);
        person = withMean({ ...existing, samples: [...existing.samples, ...records], updatedAt: now });
      } else {
        person = withMean({
          id: crypto.randomUUID(),
          name: trimmed,
          nameKey: nameKey(trimmed),
          createdAt: now,
          updatedAt: now,
          modelId: first.modelId,
          vectorLength: first.vector.length,
          samples: records,
          mean: new Float32Array(0),
        });
      }
      await store.put(person);
      return person;
    });
  }

  async deletePerson(id: string): Promise<void> {
    await this.transact(['people'], async (tx) => {
      await tx.objectStore('people').delete(id);
    });
  }

  /** Everyone enrolled with `model`, as an export file. */
  async exportAll(model: ModelSpec): Promise<ExportResult> {
    const people = await this.listPeople();
    const file = buildExportFile(people, model, new Date());
    return { file, skipped: people.length - file.people.length };
  }

  /**
   * Checks `text` completely (see parseExportFile), then merges it in one transaction: a person is
   * matched by id, then by name; samples already present (same id) are skipped. A rejected file or a
   * failed write changes nothing.
   */
  async importAll(text: string, model: ModelSpec): Promise<ImportSummary> {
    const file = parseExportFile(text, model);
    const summary: ImportSummary = { peopleAdded: 0, peopleUpdated: 0, samplesAdded: 0 };
    await this.transact(['people'], async (tx) => {
      const store = tx.objectStore('people');
      const byName = store.index('by-name');
      for (const incoming of file.people) {
        const existing = (await store.get(incoming.id)) ?? (await byName.get(nameKey(incoming.name)));
        const samples: SampleRecord[] = incoming.samples.map((sample) => ({
          id: sample.id,
          vector: Float32Array.from(sample.vector),
          modelId: file.modelId,
          capturedAt: Date.parse(sample.capturedAt),
        }));
        if (!existing) {
          await store.put(
            withMean({
              id: incoming.id,
              name: incoming.name,
              nameKey: nameKey(incoming.name),
              createdAt: Date.parse(incoming.createdAt),
              updatedAt: Date.parse(incoming.updatedAt),
              modelId: file.modelId,
              vectorLength: file.vectorLength,
              samples,
              mean: new Float32Array(0),
            }),
          );
          summary.peopleAdded++;
          summary.samplesAdded += samples.length;
          continue;
        }
        if (existing.modelId !== file.modelId)
          throw new ModelMismatchError(existing.name, existing.modelId, file.modelId);
        const known = new Set(existing.samples.map((sample) => sample.id));
        const fresh = samples.filter((sample) => !known.has(sample.id));
        if (fresh.length === 0) continue;
        await store.put(withMean({ ...existing, samples: [...existing.samples, ...fresh], updatedAt: Date.now() }));
        summary.peopleUpdated++;
        summary.samplesAdded += fresh.length;
      }
    });
    return summary;
  }

  loadPreferences(): Promise<Preferences> {
    return this.read(async (db) => ({ ...DEFAULT_PREFERENCES, ...(await db.get('settings', 'preferences')) }));
  }

  async savePreferences(preferences: Preferences): Promise<void> {
    await this.transact(['settings'], async (tx) => {
      await tx.objectStore('settings').put(preferences, 'preferences');
    });
  }

  /** Closes the connection; the next call reopens it. */
  close(): void {
    this.connection.close();
  }
}
