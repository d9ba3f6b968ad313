// The passphrase owner, the attempt guard (log + lock + tab message) and the persistence request, on
// fake-indexeddb. PBKDF2 at 600,000 iterations takes ~0.5 s a derivation here.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AttemptLog,
  DeviceStore,
  EnrollmentStore,
  FaceprintConnection,
  LockoutStore,
  REFUSALS_BEFORE_LOCK,
} from '../../src/storage';
import {
  AttemptGuard,
  OwnerAuth,
  OwnerExistsError,
  OwnerRefusedError,
  TabSync,
  requestPersistenceOnce,
  type TabMessage,
} from '../../src/trust';
import { createPassphraseOwner, passphraseMatches } from '../../src/trust/passphrase';

let databases = 0;
const connections: FaceprintConnection[] = [];
const syncs: TabSync[] = [];

function newConnection() {
  const connection = new FaceprintConnection({ databaseName: `faceprint-owner-test-${++databases}` });
  connections.push(connection);
  return connection;
}

afterEach(() => {
  for (const connection of connections.splice(0)) connection.close();
  for (const sync of syncs.splice(0)) sync.close();
});

describe('owner passphrase', () => {
  it('stores a salted PBKDF2-SHA256 value of 600,000 iterations, and matches only the passphrase', async () => {
    const owner = await createPassphraseOwner('open sesame!', 1);
    expect(owner.iterations).toBe(600_000);
    expect(owner.salt).toHaveLength(16);
    expect(owner.check).toHaveLength(32);
    expect(new TextDecoder('latin1').decode(owner.check)).not.toContain('sesame');
    expect(await passphraseMatches(owner, 'open sesame!')).toBe(true);
    expect(await passphraseMatches(owner, 'open sesame?')).toBe(false);
    await expect(createPassphraseOwner('short', 1)).rejects.toThrow(RangeError);
  });

  it('an owner is set up once; confirmations check the passphrase; a reset forgets owner and people', async () => {
    const connection = newConnection();
    const auth = new OwnerAuth(new DeviceStore(connection), () => null);
    expect(await auth.state()).toEqual({ kind: 'none' });
    expect(await auth.passkeysAvailable()).toBe(false);
    await auth.setUpPassphrase('owner passphrase');
    expect(await auth.state()).toMatchObject({ kind: 'passphrase' });
    await expect(auth.setUpPassphrase('someone else!')).rejects.toBeInstanceOf(OwnerExistsError);
    await expect(auth.confirmWithPassphrase('owner passphrase')).resolves.toBeUndefined();
    await expect(auth.confirmWithPassphrase('someone else!')).rejects.toMatchObject({ reason: 'wrong-passphrase' });
    // Without WebAuthn, a passkey confirmation is refused, not attempted.
    await expect(auth.confirmWithPasskey()).rejects.toBeInstanceOf(OwnerRefusedError);
    const people = new EnrollmentStore(connection);
    await people.addSamples('Ada', [{ vector: Float32Array.from([1]), modelId: 'm' }]);
    await auth.reset();
    expect(await auth.state()).toEqual({ kind: 'none' });
    expect(await people.listPeople()).toEqual([]);
  });
});

describe('attempt guard', () => {
  const refused = {
    mode: '1:N' as const,
    outcome: 'no-match' as const,
    personId: 'p1',
    name: 'Ada',
    distance: 0.81,
    threshold: 0.55,
  };

  it('logs each decision, locks after 5 refusals and tells the other tabs', async () => {
    const connection = newConnection();
    const channel = `faceprint-test-${databases}`;
    const [tab, otherTab] = [new TabSync(channel), new TabSync(channel)];
    syncs.push(tab, otherTab);
    const heard: TabMessage[] = [];
    otherTab.subscribe((message) => heard.push(message));
    let now = 1_000_000;
    const guard = new AttemptGuard(new LockoutStore(connection, () => now), new AttemptLog(connection), tab, () => now);
    const accepted = await guard.record({
      ...refused,
      mode: '1:1',
      outcome: 'match',
      distance: 0.3,
      liveness: 'passed',
    });
    expect(accepted.locked).toBe(false);
    let status = accepted;
    for (let i = 0; i < REFUSALS_BEFORE_LOCK; i++) {
      now += 1000;
      status = await guard.record(refused);
    }
    expect(status).toMatchObject({ locked: true, remainingMs: 30_000 });
    expect(await guard.check()).toMatchObject({ locked: true });
    const log = await new AttemptLog(connection).list();
    expect(log).toHaveLength(6);
    expect(log.at(-1)).toMatchObject({
      outcome: 'accepted',
      mode: '1:1',
      personName: 'Ada',
      distance: 0.3,
      threshold: 0.55,
      liveness: 'passed',
    });
    // A refused 1:N names no one: the nearest person was not recognised.
    expect(log[0]).toMatchObject({
      outcome: 'refused',
      mode: '1:N',
      personId: null,
      personName: null,
      distance: 0.81,
      liveness: null,
    });
    await guard.clear();
    expect(await guard.check()).toMatchObject({ locked: false, refusalsLeft: REFUSALS_BEFORE_LOCK });
    await expect.poll(() => heard.length).toBe(7);
    expect(new Set(heard.map((m) => m.type))).toEqual(new Set(['lockout-changed']));
  });
});

describe('persistent storage', () => {
  it('is asked once, and the answer is kept', async () => {
    const device = new DeviceStore(newConnection());
    let asked = 0;
    const storage = { persist: async () => (++asked, false) };
    expect(await requestPersistenceOnce(device, storage, 5)).toEqual({ requestedAt: 5, granted: false });
    expect(await requestPersistenceOnce(device, storage, 6)).toEqual({ requestedAt: 5, granted: false });
    expect(asked).toBe(1);
    expect(await requestPersistenceOnce(new DeviceStore(newConnection()), undefined, 7)).toBeNull();
  });
});
