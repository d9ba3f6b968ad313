import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, exportFile, importFile, listedPeople, test } from './helpers/app';
import { dumpDatabase, passOwnerDialog } from './helpers/owner';

// Sealed exports through the People page: the round trip, and every refusal leaving the database
// byte for byte as it was.
test.describe.configure({ timeout: 240_000 });

const seed = exportFile([
  { name: 'Ada Lovelace', samples: 5 },
  { name: 'Charles Babbage', samples: 7 },
]);
const SEAL = 'sealing passphrase 42';

async function exportSealed(page: Page): Promise<Buffer> {
  await page.goto('/#/people');
  await page.getByRole('button', { name: 'Export all…' }).click();
  await passOwnerDialog(page);
  const seal = page.getByRole('dialog', { name: 'Seal the export with a passphrase' });
  await expect(seal).toContainText('2 people, 12 samples');
  await seal.getByLabel('Passphrase', { exact: true }).fill(SEAL);
  await seal.getByLabel('Repeat the passphrase').fill(SEAL);
  await page.screenshot({ path: test.info().outputPath('export-seal-dialog.png') });
  const downloading = page.waitForEvent('download');
  await seal.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  await expect(page.getByText('Exported 2 people (12 samples), sealed with your passphrase.')).toBeVisible();
  return readFileSync((await download.path())!);
}

async function chooseFile(page: Page, bytes: Buffer) {
  await page.goto('/#/people');
  await page
    .locator('#import-file')
    .setInputFiles({ name: 'enrollments.faceprint', mimeType: 'application/octet-stream', buffer: bytes });
}

/** Rewrites the header check and the trailing digest, as a file from a future version would carry. */
function reseal(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  createHash('sha256').update(out.subarray(0, 22)).digest().copy(out, 22, 0, 8);
  createHash('sha256')
    .update(out.subarray(0, out.length - 32))
    .digest()
    .copy(out, out.length - 32);
  return out;
}

test('export is sealed; import refuses a wrong passphrase, a changed byte, a cut file and a future version, changing nothing', async ({
  page,
}) => {
  await importFile(page, seed);
  await expect(page.getByText('Imported 12 samples')).toBeVisible();
  const sealed = await exportSealed(page);
  expect(sealed.subarray(0, 16).toString('latin1')).toBe('FACEPRINT-SEALED');
  expect(sealed.toString('latin1')).not.toContain('Ada Lovelace');
  const before = await dumpDatabase(page);
  const alert = page.locator('fp-people-view fp-alert[tone="error"]');

  // Wrong passphrase: after the owner and the passphrase prompt.
  await chooseFile(page, sealed);
  await passOwnerDialog(page);
  const open = page.getByRole('dialog', { name: 'Passphrase for this export' });
  await expect(open).toContainText('2 people, exported');
  await open.getByLabel('Passphrase', { exact: true }).fill('not the sealing passphrase');
  await open.getByRole('button', { name: 'Import' }).click();
  await expect(alert).toContainText('The passphrase is not the one this file was sealed with.');
  await expect(alert).toContainText('Nothing was imported and your existing enrollments are unchanged.');
  await page.screenshot({ path: test.info().outputPath('import-wrong-passphrase.png') });
  expect(await dumpDatabase(page)).toBe(before);

  const changed = Buffer.from(sealed);
  changed[Math.floor(sealed.length / 2)]! ^= 0x10;
  const future = Buffer.from(sealed);
  future.writeUInt16BE(3, 16);
  for (const [file, message] of [
    [changed, 'has been changed or damaged since it was made'],
    [sealed.subarray(0, sealed.length - 100), 'This export file is incomplete'],
    [reseal(future), 'This export has format version 3'],
  ] as const) {
    await chooseFile(page, file);
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('Nothing was imported');
    // Refused before any prompt.
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await dumpDatabase(page)).toBe(before);
  }

  // Round trip: delete everyone, import the sealed file, and the people come back exactly.
  for (const name of ['Ada Lovelace', 'Charles Babbage']) {
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await page
      .getByRole('group', { name: `Confirm deleting ${name}` })
      .getByRole('button', { name: 'Delete' })
      .click();
    await passOwnerDialog(page);
    await expect(page.locator(`li[data-person="${name}"]`)).toHaveCount(0);
  }
  await chooseFile(page, sealed);
  await passOwnerDialog(page);
  await open.getByLabel('Passphrase', { exact: true }).fill(SEAL);
  await open.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported 12 samples: 2 new people, 0 updated.')).toBeVisible();
  expect(await listedPeople(page)).toEqual(['Ada Lovelace: 5 samples', 'Charles Babbage: 7 samples']);
  const people = (dump: string) => JSON.stringify(JSON.parse(dump).people);
  expect(people(await dumpDatabase(page))).toBe(people(before));
});

test('a plain version 1 file still imports, after a warning; cancelling imports nothing', async ({ page }) => {
  await page.goto('/#/people');
  await page
    .locator('#import-file')
    .setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(seed)) });
  const warning = page.getByRole('dialog', { name: 'This file is not sealed' });
  await expect(warning).toContainText('plain export from an older Faceprint');
  await page.screenshot({ path: test.info().outputPath('import-unsealed-warning.png') });
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No one is enrolled on this device.')).toBeVisible();
  await importFile(page, seed);
  await expect(page.getByText('Imported 12 samples: 2 new people')).toBeVisible();
});
