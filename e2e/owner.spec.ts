import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, exportFile, listedPeople, test } from './helpers/app';
import {
  addVirtualAuthenticator,
  ownerConfirmDialog,
  ownerSetUpDialog,
  passOwnerDialog,
  type VirtualAuthenticator,
} from './helpers/owner';

// The device owner, held by a passkey on Chromium's virtual platform authenticator (user
// verification on), or by a passphrase where the browser has no WebAuthn.
test.describe.configure({ timeout: 240_000 });

const seed = exportFile([
  { name: 'Ada Lovelace', samples: 2 },
  { name: 'Charles Babbage', samples: 3 },
]);

async function importAsPasskeyOwner(page: import('@playwright/test').Page, authenticator: VirtualAuthenticator) {
  await page.goto('/#/people');
  await page
    .locator('#import-file')
    .setInputFiles({ name: 'seed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(seed)) });
  await page
    .getByRole('dialog', { name: 'This file is not sealed' })
    .getByRole('button', { name: 'Import anyway' })
    .click();
  const setUp = ownerSetUpDialog(page);
  await expect(setUp).toContainText('Create a passkey on this device');
  await page.screenshot({ path: test.info().outputPath('owner-setup-passkey.png') });
  await setUp.getByRole('button', { name: 'Create passkey' }).click();
  await expect(setUp).toHaveCount(0);
  await expect(page.getByText('Imported 5 samples: 2 new people')).toBeVisible();
  expect(await authenticator.credentials()).toHaveLength(1);
}

async function askToDelete(page: import('@playwright/test').Page, name: string) {
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page
    .getByRole('group', { name: `Confirm deleting ${name}` })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(ownerConfirmDialog(page)).toBeVisible();
}

test.describe('owner with a passkey', () => {
  test('set-up at the first import; delete, export and enroll refused without an assertion, done with one', async ({
    page,
  }) => {
    const authenticator = await addVirtualAuthenticator(page);
    await importAsPasskeyOwner(page, authenticator);
    const confirm = ownerConfirmDialog(page);

    // Delete: cancelled, then an assertion without user verification, then a verified one.
    await askToDelete(page, 'Ada Lovelace');
    await page.screenshot({ path: test.info().outputPath('owner-confirm-passkey.png') });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    expect(await listedPeople(page)).toEqual(['Ada Lovelace: 2 samples', 'Charles Babbage: 3 samples']);

    await authenticator.setUserVerified(false);
    await askToDelete(page, 'Ada Lovelace');
    await confirm.getByRole('button', { name: 'Confirm with passkey' }).click();
    await expect(confirm.getByRole('alert')).toContainText('Nothing was changed');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await listedPeople(page)).toEqual(['Ada Lovelace: 2 samples', 'Charles Babbage: 3 samples']);

    await authenticator.setUserVerified(true);
    await askToDelete(page, 'Ada Lovelace');
    await confirm.getByRole('button', { name: 'Confirm with passkey' }).click();
    await expect(page.getByText('Ada Lovelace was deleted, with 2 face samples.')).toBeVisible();
    expect(await listedPeople(page)).toEqual(['Charles Babbage: 3 samples']);

    // Export: no download without the owner; a sealed file with.
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Export all…' }).click();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(downloads).toBe(0);
    await page.getByRole('button', { name: 'Export all…' }).click();
    await confirm.getByRole('button', { name: 'Confirm with passkey' }).click();
    const seal = page.getByRole('dialog', { name: 'Seal the export with a passphrase' });
    await seal.getByLabel('Passphrase', { exact: true }).fill('a sealed export');
    await seal.getByLabel('Repeat the passphrase').fill('a sealed export');
    const downloading = page.waitForEvent('download');
    await seal.getByRole('button', { name: 'Export' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^faceprint-enrollments-\d{4}-\d{2}-\d{2}\.faceprint$/);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 16)
        .toString('latin1'),
    ).toBe('FACEPRINT-SEALED');

    // Enroll: capture does not start without the owner; it does with.
    await page.goto('/#/enroll');
    await page.getByLabel('Name', { exact: true }).fill('Grace Hopper');
    await page.getByRole('button', { name: 'Start capture' }).click();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { name: 'Enrolling Grace Hopper' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Start capture' })).toBeVisible();
    await page.getByRole('button', { name: 'Start capture' }).click();
    await confirm.getByRole('button', { name: 'Confirm with passkey' }).click();
    await expect(page.getByRole('heading', { name: 'Enrolling Grace Hopper' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  test('an assertion by another key under the owner’s credential id is refused', async ({ page }) => {
    const authenticator = await addVirtualAuthenticator(page);
    await importAsPasskeyOwner(page, authenticator);
    // Swap the owner's key for another one, keeping its id: the authenticator answers, the signature fails.
    const [owner] = await authenticator.credentials();
    await authenticator.cdp.send('WebAuthn.removeCredential', {
      authenticatorId: authenticator.id,
      credentialId: owner!.credentialId,
    });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await authenticator.cdp.send('WebAuthn.addCredential', {
      authenticatorId: authenticator.id,
      credential: {
        credentialId: owner!.credentialId,
        isResidentCredential: true,
        rpId: owner!.rpId ?? 'localhost',
        userHandle: owner!.userHandle,
        privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        signCount: 100,
      },
    });
    await askToDelete(page, 'Ada Lovelace');
    const confirm = ownerConfirmDialog(page);
    await confirm.getByRole('button', { name: 'Confirm with passkey' }).click();
    await expect(confirm.getByRole('alert')).toContainText('That passkey is not the owner’s passkey for this device.');
    await page.screenshot({ path: test.info().outputPath('owner-wrong-passkey.png') });
    await confirm.getByRole('button', { name: 'Cancel' }).click();

    // No credential for this site at all: the browser refuses before our check.
    await authenticator.cdp.send('WebAuthn.clearCredentials', { authenticatorId: authenticator.id });
    await askToDelete(page, 'Ada Lovelace');
    await confirm.getByRole('button', { name: 'Confirm with passkey' }).click();
    await expect(confirm.getByRole('alert')).toContainText('Nothing was changed');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await listedPeople(page)).toEqual(['Ada Lovelace: 2 samples', 'Charles Babbage: 3 samples']);
  });
});

test.describe('owner credential in Settings', () => {
  test('the passkey is replaced, then the owner reset deletes everyone after a warning', async ({ page }) => {
    const authenticator = await addVirtualAuthenticator(page);
    await importAsPasskeyOwner(page, authenticator);
    const [first] = await authenticator.credentials();
    await page.goto('/#/settings');
    await expect(page.locator('[data-owner="passkey"]')).toBeVisible();
    await page.getByRole('button', { name: 'Replace the owner passkey' }).click();
    await ownerConfirmDialog(page).getByRole('button', { name: 'Confirm with passkey' }).click();
    await expect(
      page.getByText('A new owner passkey was created; the old one no longer confirms anything.'),
    ).toBeVisible();
    const credentials = await authenticator.credentials();
    expect(credentials).toHaveLength(2);
    const second = credentials.find((c) => c.credentialId !== first!.credentialId)!;

    // Only the new passkey confirms now: with it removed, the old one is not accepted.
    await authenticator.cdp.send('WebAuthn.removeCredential', {
      authenticatorId: authenticator.id,
      credentialId: second.credentialId,
    });
    await page.getByRole('button', { name: 'Reset the owner…' }).click();
    const warning = page.getByRole('dialog', { name: 'Reset the owner?' });
    await expect(warning).toContainText('This deletes every enrolled face on this device');
    await page.screenshot({ path: test.info().outputPath('settings-reset-warning.png') });
    await warning.getByRole('button', { name: 'Delete everything and reset' }).click();
    const confirm = ownerConfirmDialog(page);
    await confirm.getByRole('button', { name: 'Confirm with passkey' }).click();
    await expect(confirm.getByRole('alert')).toContainText('Nothing was changed');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await listedPeople(page)).toEqual(['Ada Lovelace: 2 samples', 'Charles Babbage: 3 samples']);

    await authenticator.cdp.send('WebAuthn.addCredential', { authenticatorId: authenticator.id, credential: second });
    await page.goto('/#/settings');
    await page.getByRole('button', { name: 'Reset the owner…' }).click();
    await warning.getByRole('button', { name: 'Delete everything and reset' }).click();
    await confirm.getByRole('button', { name: 'Confirm with passkey' }).click();
    await expect(page.getByText('The owner was reset and every enrolled face deleted.')).toBeVisible();
    await expect(page.locator('[data-owner="none"]')).toBeVisible();
    expect(await listedPeople(page)).toEqual([]);
  });

  test('persistent storage is asked after the first enrollment, and Settings shows the answer', async ({ page }) => {
    await page.goto('/#/settings');
    await expect(page.locator('[data-persistence-request="not-asked"]')).toBeVisible();
    // What the enroll view reports once it has saved someone (a camera enrollment is in enroll-verify.spec).
    await page.goto('/#/enroll');
    await page.evaluate(() => {
      const view = document.querySelector('fp-app')!.shadowRoot!.querySelector('fp-enroll-view')!;
      view.dispatchEvent(
        new CustomEvent('fp-people-changed', { bubbles: true, composed: true, detail: { reason: 'enrolled' } }),
      );
    });
    await page.goto('/#/settings');
    await expect(
      page.locator('[data-persistence-request="granted"], [data-persistence-request="refused"]'),
    ).toContainText('Asked after the first enrollment');
  });
});

test.describe('owner with a passphrase (no WebAuthn)', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
    });
  });

  test('set-up with a passphrase; a wrong one is refused; the threshold needs it too', async ({ page }) => {
    await page.goto('/#/people');
    await page
      .locator('#import-file')
      .setInputFiles({ name: 'seed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(seed)) });
    await page
      .getByRole('dialog', { name: 'This file is not sealed' })
      .getByRole('button', { name: 'Import anyway' })
      .click();
    const setUp = ownerSetUpDialog(page);
    await expect(setUp).toContainText('The owner is held by a passphrase');
    await setUp.getByLabel('New owner passphrase').fill('short');
    await setUp.getByLabel('Repeat the passphrase').fill('short');
    await setUp.getByRole('button', { name: 'Set passphrase' }).click();
    await expect(setUp.getByRole('alert')).toContainText('at least 8 characters');
    await page.screenshot({ path: test.info().outputPath('owner-setup-passphrase.png') });
    await passOwnerDialog(page);
    await expect(page.getByText('Imported 5 samples: 2 new people')).toBeVisible();

    await askToDelete(page, 'Ada Lovelace');
    const confirm = ownerConfirmDialog(page);
    await confirm.getByLabel('Owner passphrase').fill('not the owner passphrase');
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await expect(confirm.getByRole('alert')).toContainText('That is not the owner passphrase. Nothing was changed.');
    await page.screenshot({ path: test.info().outputPath('owner-wrong-passphrase.png') });
    await confirm.getByLabel('Owner passphrase').fill('');
    await passOwnerDialog(page);
    await expect(page.getByText('Ada Lovelace was deleted')).toBeVisible();

    // With an owner, a threshold change needs the owner; cancelled, the slider returns.
    await page.goto('/#/settings');
    await expect(page.locator('[data-owner="passphrase"]')).toBeVisible();
    const output = page.locator('output');
    const before = await output.textContent();
    await page.getByRole('slider', { name: 'Match threshold' }).focus();
    await page.keyboard.press('ArrowLeft');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(output).toHaveText(before!);
    await page.reload();
    await expect(output).toHaveText(before!);
    await page.getByRole('slider', { name: 'Match threshold' }).focus();
    await page.keyboard.press('ArrowLeft');
    await passOwnerDialog(page);
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
    await expect(output).toHaveText((Number(before) - 0.01).toFixed(2));
    await page.screenshot({ path: test.info().outputPath('settings-owner.png'), fullPage: true });
  });
});
