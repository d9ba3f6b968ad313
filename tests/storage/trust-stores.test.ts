// The owner record, the lockout, the attempt log and the persistence answer, on fake-indexeddb.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, type AttemptRecord, type OwnerRecord } from '../../src/storage/db';
import {
  AttemptLog,
  DeviceStore,
  EnrollmentStore,
  FaceprintConnection,
  FIRST_LOCK_MS,
  LockoutStore,
  MAX_ATTEMPTS,
  MAX_LOCK_MS,
  REFUSALS_BEFORE_LOCK,
} from '../../src/storage';

let databases = 0;
const connections: FaceprintConnection[] = [];

function newConnection(name = `faceprint-trust-test-${++databases}`) {
  const connection = new FaceprintConnection({ databaseName: name });
  connections.push(connection);
  return connection;
}

afterEach(() => {
  for (const connection of connections.splice(0)) connection.close();
});

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2026, 10, 29, 12)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

async function refuse(lockout: LockoutStore, times: number) {
  let status = await lockout.status();
  for (let i = 0; i < times; i++) status = await lockout.record('refused');
  return status;
}

describe('lockout', () => {
  it(`locks for 30 s after ${REFUSALS_BEFORE_LOCK} consecutive refusals, and not before`, async () => {
    const clock = manualClock();
    const lockout = new LockoutStore(newConnection(), clock.now);
    expect(await lockout.status()).toMatchObject({ locked: false, refusalsLeft: 5, nextLockMs: FIRST_LOCK_MS });
    const fourth = await refuse(lockout, REFUSALS_BEFORE_LOCK - 1);
    expect(fourth).toMatchObject({ locked: false, refusalsLeft: 1 });
    const fifth = await lockout.record('refused');
    expect(fifth).toMatchObject({ locked: true, remainingMs: FIRST_LOCK_MS, lockedUntil: clock.now() + FIRST_LOCK_MS });
    clock.advance(FIRST_LOCK_MS - 1);
    expect(await lockout.status()).toMatchObject({ locked: true, remainingMs: 1 });
    clock.advance(1);
    expect(await lockout.status()).toMatchObject({
      locked: false,
      remainingMs: 0,
      refusalsLeft: 5,
      nextLockMs: 2 * FIRST_LOCK_MS,
    });
  });

  it('an accepted verification resets the count of refusals', async () => {
    const lockout = new LockoutStore(newConnection(), manualClock().now);
    await refuse(lockout, 4);
    expect(await lockout.record('accepted')).toMatchObject({ locked: false, refusalsLeft: 5 });
    expect(await refuse(lockout, 4)).toMatchObject({ locked: false, refusalsLeft: 1 });
  });

  it('each further lock doubles the wait, up to 15 minutes', async () => {
    const clock = manualClock();
    const lockout = new LockoutStore(newConnection(), clock.now);
    const waits: number[] = [];
    for (let lock = 0; lock < 8; lock++) {
      const status = await refuse(lockout, REFUSALS_BEFORE_LOCK);
      waits.push(status.remainingMs);
      clock.advance(status.remainingMs);
    }
    expect(waits.map((ms) => ms / 1000)).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
    expect(MAX_LOCK_MS).toBe(900_000);
  });

  it('survives a new connection (a reload), and the owner can clear it', async () => {
    const clock = manualClock();
    const name = `faceprint-trust-test-${++databases}`;
    const first = newConnection(name);
    await refuse(new LockoutStore(first, clock.now), REFUSALS_BEFORE_LOCK);
    first.close();
    const reloaded = new LockoutStore(newConnection(name), clock.now);
    expect(await reloaded.status()).toMatchObject({ locked: true, remainingMs: FIRST_LOCK_MS });
    await reloaded.clear();
    expect(await reloaded.status()).toMatchObject({ locked: false, refusalsLeft: 5, nextLockMs: FIRST_LOCK_MS });
  });

  it('two tabs refusing at once: every refusal counts', async () => {
    const name = `faceprint-trust-test-${++databases}`;
    const clock = manualClock();
    const tabA = new LockoutStore(newConnection(name), clock.now);
    const tabB = new LockoutStore(newConnection(name), clock.now);
    await Promise.all([tabA.record('refused'), tabB.record('refused'), tabA.record('refused'), tabB.record('refused')]);
    expect(await tabA.status()).toMatchObject({ locked: false, refusalsLeft: 1 });
    await tabB.record('refused');
    expect(await tabA.status()).toMatchObject({ locked: true });
  });
});

const attempt = (i: number): Omit<AttemptRecord, 'seq'> => ({
  at: Date.UTC(2026, 10, 29) + i * 1000,
  mode: i % 2 ? '1:1' : '1:N',
  outcome: i % 3 ? 'refused' : 'accepted',
  personId: i % 3 ? null : `person-${i}`,
  personName: i % 3 ? null : `Person ${i}`,
  distance: 0.4 + i / 10_000,
  threshold: 0.55,
  liveness: null,
});

describe('attempt log', () => {
  it('keeps entries newest first, with no image or vector in them', async () => {
    const log = new AttemptLog(newConnection());
    await log.append(attempt(1));
    await log.append({ ...attempt(2), distance: Infinity });
    const entries = await log.list();
    expect(entries.map((e) => e.at)).toEqual([attempt(2).at, attempt(1).at]);
    expect(entries[0]!.distance).toBeNull();
    expect(Object.keys(entries[1]!).sort()).toEqual(
      ['at', 'distance', 'liveness', 'mode', 'outcome', 'personId', 'personName', 'seq', 'threshold'].sort(),
    );
  });

  it(`holds at most ${MAX_ATTEMPTS} entries, dropping the oldest`, async () => {
    const log = new AttemptLog(newConnection());
    for (let i = 0; i < MAX_ATTEMPTS + 3; i++) await log.append(attempt(i));
    const entries = await log.list();
    expect(entries).toHaveLength(MAX_ATTEMPTS);
    expect(entries[0]!.at).toBe(attempt(MAX_ATTEMPTS + 2).at);
    expect(entries.at(-1)!.at).toBe(attempt(3).at);
  });

  it('exports oldest first with ISO dates, and clears', async () => {
    const log = new AttemptLog(newConnection());
    await log.append(attempt(0));
    await log.append(attempt(1));
    const file = await log.exportFile(new Date(Date.UTC(2026, 10, 30)));
    expect(file).toMatchObject({ format: 'faceprint-attempt-log', version: 1, exportedAt: '2026-11-30T00:00:00.000Z' });
    expect(file.attempts.map((a) => a.at)).toEqual([
      new Date(attempt(0).at).toISOString(),
      new Date(attempt(1).at).toISOString(),
    ]);
    expect(file.attempts[0]).not.toHaveProperty('seq');
    await log.clear();
    expect(await log.list()).toEqual([]);
  });
});

const passphraseOwner: OwnerRecord = {
  kind: 'passphrase',
  salt: new Uint8Array(16).fill(1),
  iterations: 600_000,
  check: new Uint8Array(32).fill(2),
  createdAt: 1,
};

describe('owner and persistence', () => {
  it('stores, replaces and reads back the owner', async () => {
    const device = new DeviceStore(newConnection());
    expect(await device.loadOwner()).toBeNull();
    await device.saveOwner(passphraseOwner);
    expect(await device.loadOwner()).toEqual(passphraseOwner);
    const passkey: OwnerRecord = {
      kind: 'passkey',
      credentialId: new Uint8Array([1, 2, 3]),
      publicKey: new Uint8Array([4, 5]),
      algorithm: -7,
      signCount: 0,
      userId: new Uint8Array([6]),
      createdAt: 2,
    };
    await device.saveOwner(passkey);
    expect(await device.loadOwner()).toEqual(passkey);
  });

  it('resetting the owner wipes every person, the log and the lock, and keeps preferences', async () => {
    const connection = newConnection();
    const device = new DeviceStore(connection);
    const people = new EnrollmentStore(connection);
    const log = new AttemptLog(connection);
    const lockout = new LockoutStore(connection);
    await device.saveOwner(passphraseOwner);
    await people.addSamples('Ada', [{ vector: Float32Array.from([1, 2]), modelId: 'm' }]);
    await people.savePreferences({ threshold: 0.5, thresholdModelId: 'm', cameraId: null, liveness: false });
    await log.append(attempt(1));
    await refuse(lockout, REFUSALS_BEFORE_LOCK);
    await device.resetOwner();
    expect(await device.loadOwner()).toBeNull();
    expect(await people.listPeople()).toEqual([]);
    expect(await log.list()).toEqual([]);
    expect(await lockout.status()).toMatchObject({ locked: false, refusalsLeft: 5 });
    expect((await people.loadPreferences()).threshold).toBe(0.5);
  });

  it('remembers the answer to persist()', async () => {
    const device = new DeviceStore(newConnection());
    expect(await device.loadPersistence()).toBeNull();
    await device.savePersistence({ requestedAt: 5, granted: false });
    expect(await device.loadPersistence()).toEqual({ requestedAt: 5, granted: false });
  });
});

describe('migration', () => {
  it('a version 1 database keeps its people and gains the owner, lockout, attempts and persistence stores', async () => {
    const name = `faceprint-trust-test-${++databases}`;
    // Version 1 as the first release created it, with one person in it.
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('people', { keyPath: 'id' }).createIndex('by-name', 'nameKey', { unique: true });
        db.createObjectStore('settings');
      },
    });
    const ada = {
      id: 'p1',
      name: 'Ada',
      nameKey: 'ada',
      createdAt: 1,
      updatedAt: 1,
      modelId: 'm',
      vectorLength: 2,
      samples: [{ id: 's1', vector: Float32Array.from([1, 2]), modelId: 'm', capturedAt: 1 }],
      mean: Float32Array.from([1, 2]),
    };
    await v1.put('people', ada);
    v1.close();
    const connection = newConnection(name);
    expect(await new EnrollmentStore(connection).listPeople()).toEqual([ada]);
    expect(await new DeviceStore(connection).loadOwner()).toBeNull();
    expect(await new AttemptLog(connection).list()).toEqual([]);
    connection.close();
    const upgraded = await openDB(name);
    expect(upgraded.version).toBe(DB_VERSION);
    expect([...upgraded.objectStoreNames].sort()).toEqual([
      'attempts',
      'lockout',
      'owner',
      'people',
      'persistence',
      'settings',
    ]);
    upgraded.close();
  });
});
