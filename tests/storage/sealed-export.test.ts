// Sealed exports: AES-GCM 256 under PBKDF2-SHA256 (600,000 iterations, ~0.5 s a derivation here, so
// only the round trip, the wrong passphrase and the forgeries derive a key; damage, truncation and
// version problems are caught before any key is made).
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { EnrollmentStore, ImportError } from '../../src/storage';
import { buildExportFile, parseExportFile, type ExportFile } from '../../src/storage/export-format';
import {
  MIN_KDF_ITERATIONS,
  SEALED_VERSION,
  openSealedExport,
  readSealedHeader,
  sealExport,
} from '../../src/storage/sealed-export';

const MODEL = { modelId: 'm1', vectorLength: 3 };
const PASSPHRASE = 'correct horse battery staple';
const t = Date.UTC(2026, 10, 1);

function exportOf(modelId = MODEL.modelId): ExportFile {
  const people = ['Ada', 'Bob'].map((name, p) => ({
    id: `id-${name}`,
    name,
    nameKey: name.toLowerCase(),
    createdAt: t,
    updatedAt: t,
    modelId,
    vectorLength: 3,
    samples: [0, 1].map((s) => ({
      id: `${name}-${s}`,
      vector: Float32Array.from([0.1 * p, 0.2 + s, -0.3]),
      modelId,
      capturedAt: t,
    })),
    mean: Float32Array.from([0.1 * p, 0.7, -0.3]),
  }));
  return buildExportFile(people, { ...MODEL, modelId }, new Date(t));
}

async function problemOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return error.problem;
  }
  return 'accepted';
}

async function sha256(bytes: Uint8Array) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** Rewrites the header check and the trailing digest, as a deliberate forger would. */
async function reseal(bytes: Uint8Array): Promise<Uint8Array> {
  const out = bytes.slice();
  out.set((await sha256(out.subarray(0, 22))).subarray(0, 8), 22);
  out.set(await sha256(out.subarray(0, out.length - 32)), out.length - 32);
  return out;
}

function replaceText(bytes: Uint8Array, from: string, to: string): Uint8Array {
  expect(to.length).toBe(from.length);
  const text = new TextDecoder('latin1').decode(bytes);
  const at = text.indexOf(from);
  expect(at).toBeGreaterThan(0);
  const out = bytes.slice();
  out.set(new TextEncoder().encode(to), at);
  return out;
}

const sealed = sealExport(exportOf(), PASSPHRASE);

describe('sealExport / openSealedExport', () => {
  it('round trip: the document comes back exactly; the header names version, model and KDF', async () => {
    const bytes = await sealed;
    const header = await readSealedHeader(bytes, MODEL);
    expect(header).toMatchObject({ modelId: 'm1', vectorLength: 3, people: 2 });
    expect(header.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(header.cipher.name).toBe('AES-GCM');
    expect(new DataView(bytes.buffer).getUint16(16)).toBe(SEALED_VERSION);
    // Nothing of the document is readable in the file.
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('Ada');
    const text = await openSealedExport(bytes, PASSPHRASE, MODEL);
    expect(parseExportFile(text, MODEL)).toEqual(exportOf());
  });

  it('two seals of the same document differ (random salt and IV)', async () => {
    const [a, b] = await Promise.all([sealExport(exportOf(), PASSPHRASE), sealed]);
    const [ha, hb] = await Promise.all([readSealedHeader(a, MODEL), readSealedHeader(b, MODEL)]);
    expect(ha.kdf.salt).not.toBe(hb.kdf.salt);
    expect(ha.cipher.iv).not.toBe(hb.cipher.iv);
  });

  it(`refuses fewer than ${MIN_KDF_ITERATIONS} iterations and short passphrases`, async () => {
    expect(MIN_KDF_ITERATIONS).toBe(600_000);
    await expect(sealExport(exportOf(), PASSPHRASE, { iterations: 599_999 })).rejects.toThrow(RangeError);
    await expect(sealExport(exportOf(), 'short')).rejects.toThrow(RangeError);
  });

  it('a wrong passphrase is refused as such', async () => {
    expect(await problemOf(async () => openSealedExport(await sealed, 'correct horse battery stapler', MODEL))).toBe(
      'wrong-passphrase',
    );
  });

  it('a changed byte anywhere in the file is refused as tampered, before any key is derived', async () => {
    const bytes = await sealed;
    const problems = new Map<string, number[]>();
    for (let i = 0; i < bytes.length; i++) {
      const changed = bytes.slice();
      changed[i] ^= 0x01 << (i % 8);
      const problem = await problemOf(() => readSealedHeader(changed, MODEL));
      problems.set(problem, [...(problems.get(problem) ?? []), i]);
    }
    // A change inside the magic makes it not a sealed file at all; anywhere else, a checksum fails.
    expect([...problems.keys()].sort()).toEqual(['tampered', 'wrong-format']);
    expect(problems.get('wrong-format')).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(problems.get('tampered')).toHaveLength(bytes.length - 16);
  });

  it('a file cut short anywhere is refused as truncated', async () => {
    const bytes = await sealed;
    for (let length = 1; length < bytes.length; length++) {
      expect(await problemOf(() => readSealedHeader(bytes.subarray(0, length), MODEL)), `cut at ${length}`).toBe(
        'truncated',
      );
    }
  });

  it('a future version is refused as such, even with valid checksums', async () => {
    const future = (await sealed).slice();
    new DataView(future.buffer).setUint16(16, SEALED_VERSION + 1);
    expect(await problemOf(async () => readSealedHeader(await reseal(future), MODEL))).toBe('unsupported-version');
  });

  it('the model id and KDF parameters are authenticated: a forgery with recomputed checksums is refused', async () => {
    // Sealed for model "m2", relabelled "m1" to slip past the model check.
    const otherModel = await sealExport(exportOf('m2'), PASSPHRASE);
    expect(await problemOf(() => readSealedHeader(otherModel, MODEL))).toBe('wrong-model');
    const relabelled = await reseal(replaceText(otherModel, '"modelId":"m2"', '"modelId":"m1"'));
    expect(await problemOf(() => readSealedHeader(relabelled, MODEL))).toBe('accepted');
    expect(await problemOf(() => openSealedExport(relabelled, PASSPHRASE, MODEL))).toBe('wrong-passphrase');
    // One more iteration: another key, and other authenticated data.
    const moreIterations = await reseal(replaceText(await sealed, '"iterations":600000', '"iterations":600001'));
    expect(await problemOf(() => openSealedExport(moreIterations, PASSPHRASE, MODEL))).toBe('wrong-passphrase');
    // Fewer iterations than the floor are refused before deriving anything.
    const weak = await reseal(replaceText(await sealed, '"iterations":600000', '"iterations":000001'));
    expect(await problemOf(() => readSealedHeader(weak, MODEL))).toBe('invalid-data');
  });
});

/** Every record of every store, serialised byte for byte (typed arrays as their bytes). */
async function snapshot(name: string): Promise<string> {
  const db = await openDB(name);
  const dump: Record<string, unknown> = {};
  for (const store of [...db.objectStoreNames].sort()) {
    const tx = db.transaction(store);
    dump[store] = { keys: await tx.store.getAllKeys(), values: await tx.store.getAll() };
  }
  db.close();
  return JSON.stringify(dump, (_key, value) =>
    ArrayBuffer.isView(value)
      ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')
      : value,
  );
}

describe('a refused import changes nothing', () => {
  it('wrong passphrase, changed byte, truncation, future version: the store is the same byte for byte', async () => {
    const name = 'faceprint-sealed-import';
    const store = new EnrollmentStore({ databaseName: name });
    await store.addSamples('Grace', [{ vector: Float32Array.from([1, 2, 3]), modelId: 'm1' }]);
    await store.savePreferences({ threshold: 0.5, thresholdModelId: 'm1', cameraId: 'cam', liveness: true });
    store.close();
    const before = await snapshot(name);
    const bytes = await sealed;
    const future = bytes.slice();
    new DataView(future.buffer).setUint16(16, SEALED_VERSION + 1);
    const changed = bytes.slice();
    changed[bytes.length - 40] ^= 0x80;
    const attempts: [string, Uint8Array, string][] = [
      ['wrong-passphrase', bytes, 'not the passphrase'],
      ['tampered', changed, PASSPHRASE],
      ['truncated', bytes.subarray(0, bytes.length - 1), PASSPHRASE],
      ['unsupported-version', await reseal(future), PASSPHRASE],
    ];
    for (const [expected, file, passphrase] of attempts) {
      const importing = new EnrollmentStore({ databaseName: name });
      const problem = await problemOf(async () =>
        importing.importAll(await openSealedExport(file, passphrase, MODEL), MODEL),
      );
      importing.close();
      expect(problem).toBe(expected);
      expect(await snapshot(name)).toBe(before);
    }
    // And the right passphrase does import.
    const importing = new EnrollmentStore({ databaseName: name });
    expect(await importing.importAll(await openSealedExport(bytes, PASSPHRASE, MODEL), MODEL)).toEqual({
      peopleAdded: 2,
      peopleUpdated: 0,
      samplesAdded: 4,
    });
    importing.close();
    expect(await snapshot(name)).not.toBe(before);
  });
});
