// The storage facade on an in-memory IndexedDB (fake-indexeddb); the e2e tests cover the browser's own.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, upgradeSchema, type FaceprintSchema } from '../../src/storage/db';
import {
  EnrollmentStore,
  ImportError,
  ModelMismatchError,
  StorageFullError,
  StorageOutdatedError,
  type NewSample,
} from '../../src/storage';

const MODEL = { modelId: 'test-model', vectorLength: 4 };
let databases = 0;
const stores: EnrollmentStore[] = [];

function newStore(options: ConstructorParameters<typeof EnrollmentStore>[0] = {}) {
  const store = new EnrollmentStore({ databaseName: `faceprint-test-${++databases}`, ...options });
  stores.push(store);
  return store;
}

const sample = (...values: number[]): NewSample => ({ vector: Float32Array.from(values), modelId: MODEL.modelId });

afterEach(() => {
  vi.restoreAllMocks();
  for (const store of stores.splice(0)) store.close();
});

describe('people and samples', () => {
  it('enrolls a person with samples and their mean', async () => {
    const store = newStore();
    const person = await store.addSamples('  Ada Lovelace ', [sample(1, 0, 0, 0), sample(3, 2, 0, 0)]);
    expect(person.name).toBe('Ada Lovelace');
    expect(person.modelId).toBe(MODEL.modelId);
    expect(person.vectorLength).toBe(4);
    expect(person.samples).toHaveLength(2);
    expect(person.samples[0]!.vector).toBeInstanceOf(Float32Array);
    expect(Array.from(person.mean)).toEqual([2, 1, 0, 0]);
    const [stored] = await store.listPeople();
    expect(stored).toEqual(person);
  });

  it('enrolling the same name again (any case) adds samples and recomputes the mean', async () => {
    const store = newStore();
    const first = await store.addSamples('Ada', [sample(0, 0, 0, 0)]);
    const second = await store.addSamples('ADA', [sample(4, 4, 0, 0)]);
    expect(second.id).toBe(first.id);
    expect(second.samples).toHaveLength(2);
    expect(Array.from(second.mean)).toEqual([2, 2, 0, 0]);
    expect(await store.listPeople()).toHaveLength(1);
  });

  it('lists people by name and deletes one', async () => {
    const store = newStore();
    await store.addSamples('Charles', [sample(1, 1, 1, 1)]);
    const ada = await store.addSamples('Ada', [sample(1, 1, 1, 1)]);
    expect((await store.listPeople()).map((p) => p.name)).toEqual(['Ada', 'Charles']);
    await store.deletePerson(ada.id);
    expect((await store.listPeople()).map((p) => p.name)).toEqual(['Charles']);
  });

  it('refuses to mix models in one person, and changes nothing', async () => {
    const store = newStore();
    await store.addSamples('Ada', [sample(1, 1, 1, 1)]);
    await expect(
      store.addSamples('Ada', [{ vector: Float32Array.from([1, 1, 1, 1]), modelId: 'other-model' }]),
    ).rejects.toBeInstanceOf(ModelMismatchError);
    const [ada] = await store.listPeople();
    expect(ada!.samples).toHaveLength(1);
  });

  it('rejects an empty name, no samples, or samples of mixed lengths', async () => {
    const store = newStore();
    await expect(store.addSamples('  ', [sample(1, 1, 1, 1)])).rejects.toThrow(/name/);
    await expect(store.addSamples('Ada', [])).rejects.toThrow(/No samples/);
    await expect(store.addSamples('Ada', [sample(1, 1, 1, 1), sample(1, 1)])).rejects.toThrow(/same model/);
    expect(await store.listPeople()).toEqual([]);
  });

  it('keeps preferences', async () => {
    const store = newStore();
    expect(await store.loadPreferences()).toEqual({
      threshold: null,
      thresholdModelId: null,
      cameraId: null,
      liveness: true,
    });
    await store.savePreferences({
      threshold: 0.55,
      thresholdModelId: MODEL.modelId,
      cameraId: 'cam-2',
      liveness: false,
    });
    expect(await store.loadPreferences()).toEqual({
      threshold: 0.55,
      thresholdModelId: MODEL.modelId,
      cameraId: 'cam-2',
      liveness: false,
    });
  });
});

describe('export and import', () => {
  async function seeded() {
    const store = newStore();
    await store.addSamples('Ada', [sample(0.1, -0.2, 0.3, 0.123456789), sample(0.5, 0.5, 0.5, 0.5)]);
    await store.addSamples('Charles', [sample(1, 2, 3, 4)]);
    return store;
  }

  it('round-trips everyone exactly into another database', async () => {
    const source = await seeded();
    const { file, skipped } = await source.exportAll(MODEL);
    expect(skipped).toBe(0);
    expect(file).toMatchObject({
      format: 'faceprint-enrollments',
      version: 1,
      modelId: MODEL.modelId,
      vectorLength: 4,
    });
    const target = newStore();
    const summary = await target.importAll(JSON.stringify(file), MODEL);
    expect(summary).toEqual({ peopleAdded: 2, peopleUpdated: 0, samplesAdded: 3 });
    expect(await target.listPeople()).toEqual(await source.listPeople());
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const store = await seeded();
    const text = JSON.stringify((await store.exportAll(MODEL)).file);
    expect(await store.importAll(text, MODEL)).toEqual({ peopleAdded: 0, peopleUpdated: 0, samplesAdded: 0 });
    expect((await store.listPeople()).map((p) => p.samples.length)).toEqual([2, 1]);
  });

  it('merges into a person of the same name and brings back a deleted one', async () => {
    const source = await seeded();
    const text = JSON.stringify((await source.exportAll(MODEL)).file);
    const target = newStore();
    await target.addSamples('ada', [sample(9, 9, 9, 9)]);
    expect(await target.importAll(text, MODEL)).toEqual({ peopleAdded: 1, peopleUpdated: 1, samplesAdded: 3 });
    const [ada, charles] = await target.listPeople();
    expect(ada!.name).toBe('ada');
    expect(ada!.samples).toHaveLength(3);
    expect(charles!.name).toBe('Charles');
  });

  it('exports only people of the requested model', async () => {
    const store = await seeded();
    await store.addSamples('Old', [{ vector: Float32Array.from([1, 1, 1, 1]), modelId: 'older-model' }]);
    const { file, skipped } = await store.exportAll(MODEL);
    expect(file.people.map((p) => p.name)).toEqual(['Ada', 'Charles']);
    expect(skipped).toBe(1);
  });

  it.each([
    ['not JSON', () => '{ nope', 'not-json'],
    ['another format', () => JSON.stringify({ format: 'something-else' }), 'wrong-format'],
    ['another model', (text: string) => text.replace('"test-model"', '"other-model"'), 'wrong-model'],
    [
      'another vector length',
      (text: string) => text.replace('"vectorLength":4', '"vectorLength":128'),
      'wrong-vector-length',
    ],
  ])('rejects a file of %s and leaves everything as it was', async (_, corrupt, problem) => {
    const store = await seeded();
    const before = await store.listPeople();
    const text = JSON.stringify((await store.exportAll(MODEL)).file);
    await store.deletePerson(before[1]!.id);
    const error = await store.importAll(corrupt(text), MODEL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problem).toBe(problem);
    expect((error as ImportError).message).toMatch(/Nothing was imported/);
    expect(await store.listPeople()).toEqual(before.slice(0, 1));
  });

  it('is all or nothing: a person that cannot be merged rolls back the people before it', async () => {
    const source = newStore();
    await source.addSamples('Ada', [sample(1, 1, 1, 1)]);
    await source.addSamples('Zed', [sample(2, 2, 2, 2)]);
    const text = JSON.stringify((await source.exportAll(MODEL)).file);
    const target = newStore();
    await target.addSamples('Zed', [{ vector: Float32Array.from([3, 3, 3, 3]), modelId: 'older-model' }]);
    await expect(target.importAll(text, MODEL)).rejects.toBeInstanceOf(ModelMismatchError);
    expect((await target.listPeople()).map((p) => p.name)).toEqual(['Zed']);
  });

  it('a full disk (QuotaExceededError) becomes StorageFullError and saves nothing', async () => {
    const store = await seeded();
    const before = await store.listPeople();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(store.addSamples('Grace', [sample(1, 1, 1, 1)])).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await store.listPeople()).toEqual(before);
  });
});

describe('schema versions across tabs', () => {
  it('creates the current schema', async () => {
    const store = newStore();
    await store.listPeople();
    const name = `faceprint-test-${databases}`;
    const db = await openDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'attempts',
      'lockout',
      'owner',
      'people',
      'persistence',
      'settings',
    ]);
    expect([...db.transaction('people').store.indexNames]).toEqual(['by-name']);
    db.close();
  });

  it('blocked: waits while another tab holds an older version open, then continues', async () => {
    const name = `faceprint-test-${++databases}`;
    // Another tab on the current version, which does not let go when asked.
    const oldTab = await openDB<FaceprintSchema>(name, DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, transaction) => upgradeSchema(db, oldVersion, transaction),
    });
    const onBlocked = vi.fn();
    const store = new EnrollmentStore({ databaseName: name, databaseVersion: DB_VERSION + 1, onBlocked });
    stores.push(store);
    const listing = store.listPeople();
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalled());
    oldTab.close();
    await expect(listing).resolves.toEqual([]);
  });

  it('blocking: lets a newer tab upgrade, then reports itself outdated', async () => {
    const onVersionChange = vi.fn();
    const store = newStore({ onVersionChange });
    await store.addSamples('Ada', [sample(1, 1, 1, 1)]);
    const name = `faceprint-test-${databases}`;
    const newTab = await openDB(name, DB_VERSION + 1);
    expect(onVersionChange).toHaveBeenCalled();
    await expect(store.listPeople()).rejects.toBeInstanceOf(StorageOutdatedError);
    newTab.close();
  });

  it('a database newer than this code (VersionError) is reported as outdated', async () => {
    const name = `faceprint-test-${++databases}`;
    (await openDB(name, DB_VERSION + 1)).close();
    const store = new EnrollmentStore({ databaseName: name });
    stores.push(store);
    await expect(store.listPeople()).rejects.toBeInstanceOf(StorageOutdatedError);
  });
});
