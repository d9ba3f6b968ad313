// The device owner in tests: the passphrase and passkey dialogs, Chromium's virtual authenticator
// (through the DevTools protocol), and a byte-for-byte dump of the app's IndexedDB.
import type { CDPSession, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const OWNER_PASSPHRASE = 'owner passphrase for tests';

export const ownerSetUpDialog = (page: Page) => page.getByRole('dialog', { name: 'Set up the owner of this device' });
export const ownerConfirmDialog = (page: Page) => page.getByRole('dialog', { name: 'Confirm you are the owner' });

/** Answers the owner dialog with a passphrase: sets the owner up if there is none, confirms otherwise. */
export async function passOwnerDialog(page: Page, passphrase = OWNER_PASSPHRASE): Promise<void> {
  const setUp = ownerSetUpDialog(page);
  const confirm = ownerConfirmDialog(page);
  await expect(setUp.or(confirm)).toBeVisible();
  if (await setUp.isVisible()) {
    await setUp.getByLabel('New owner passphrase').fill(passphrase);
    await setUp.getByLabel('Repeat the passphrase').fill(passphrase);
    await setUp.getByRole('button', { name: 'Set passphrase' }).click();
  } else {
    await confirm.getByLabel('Owner passphrase').fill(passphrase);
    await confirm.getByRole('button', { name: 'Confirm' }).click();
  }
  // PBKDF2 at 600,000 iterations: about a second.
  await expect(setUp.or(confirm)).toHaveCount(0, { timeout: 30_000 });
}

/** A credential as the DevTools protocol's WebAuthn domain describes it (binary fields in base64). */
export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

export interface VirtualAuthenticator {
  cdp: CDPSession;
  id: string;
  /** Whether the authenticator verifies the user (fingerprint, PIN) when asked. */
  setUserVerified(verified: boolean): Promise<void>;
  credentials(): Promise<VirtualCredential[]>;
}

/** A platform authenticator with user verification, as a laptop's fingerprint reader would be. */
export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId: id } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    cdp,
    id,
    async setUserVerified(verified) {
      await cdp.send('WebAuthn.setUserVerified', { authenticatorId: id, isUserVerified: verified });
    },
    async credentials() {
      return (await cdp.send('WebAuthn.getCredentials', { authenticatorId: id })).credentials as VirtualCredential[];
    },
  };
}

/** Every record of every store of the app's database, serialised byte for byte. */
export async function dumpDatabase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('faceprint');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const dump: Record<string, unknown> = {};
    for (const name of [...db.objectStoreNames].sort()) {
      const store = db.transaction(name).objectStore(name);
      dump[name] = { keys: await all(store.getAllKeys()), values: await all(store.getAll()) };
    }
    db.close();
    return JSON.stringify(dump, (_key, value) =>
      ArrayBuffer.isView(value) ? Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) : value,
    );
  });
}
