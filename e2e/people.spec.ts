import { expect, exportFile, importFile, listedPeople, test } from './helpers/app';
import { passOwnerDialog } from './helpers/owner';

// The people manager needs no camera and no engine: people are seeded through the app's own import.
const seed = exportFile([
  { name: 'Ada Lovelace', samples: 5 },
  { name: 'Charles Babbage', samples: 7 },
]);

test.describe('people manager', () => {
  test('lists imported people; a deleted person is gone after a reload', async ({ page }) => {
    await importFile(page, seed);
    await expect(page.getByRole('status').filter({ hasText: 'Imported 12 samples: 2 new people' })).toBeVisible();
    expect(await listedPeople(page)).toEqual(['Ada Lovelace: 5 samples', 'Charles Babbage: 7 samples']);

    await page.getByRole('button', { name: 'Delete Ada Lovelace' }).click();
    const confirm = page.getByRole('group', { name: 'Confirm deleting Ada Lovelace' });
    await expect(confirm).toContainText('Delete Ada Lovelace and 5 samples?');
    await page.screenshot({ path: test.info().outputPath('people-confirm-delete.png') });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await passOwnerDialog(page);
    await expect(page.getByText('Ada Lovelace was deleted, with 5 face samples.')).toBeVisible();

    await page.reload();
    expect(await listedPeople(page)).toEqual(['Charles Babbage: 7 samples']);
    // Enrolled people make Verify the start page.
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 2, name: 'Verify a face' })).toBeVisible();
  });

  for (const [what, contents, message] of [
    ['bad JSON', '{"format": "faceprint-enrollments", ', 'This file is not valid JSON'],
    [
      'a wrong model id',
      { ...seed, modelId: 'some-other-model/v2' },
      'This export was made with face model "some-other-model/v2"',
    ],
    ['a wrong vector length', { ...seed, vectorLength: 512 }, 'This export holds vectors of length 512'],
  ] as const) {
    test(`an import with ${what} is refused with a clear message and overwrites nothing`, async ({ page }) => {
      await importFile(page, seed);
      await expect(page.getByText('Imported 12 samples')).toBeVisible();
      await importFile(page, contents);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('This file was not imported');
      await expect(alert).toContainText(message);
      await expect(alert).toContainText('Nothing was imported and your existing enrollments are unchanged.');
      expect(await listedPeople(page)).toEqual(['Ada Lovelace: 5 samples', 'Charles Babbage: 7 samples']);
    });
  }

  test('storage full (QuotaExceededError) is explained and nothing is lost', async ({ page }) => {
    await importFile(page, seed);
    await expect(page.getByText('Imported 12 samples')).toBeVisible();
    // From now on every write fails as on a full disk.
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.locator('#import-file').setInputFiles({
      name: 'more.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exportFile([{ name: 'Grace Hopper', samples: 3 }]))),
    });
    await page
      .getByRole('dialog', { name: 'This file is not sealed' })
      .getByRole('button', { name: 'Import anyway' })
      .click();
    await passOwnerDialog(page);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Storage is full');
    await expect(alert).toContainText('Nothing already saved was changed.');
    await page.reload();
    expect(await listedPeople(page)).toEqual(['Ada Lovelace: 5 samples', 'Charles Babbage: 7 samples']);
  });

  test('another tab upgrading the database: this tab steps aside and asks for a reload', async ({ page, context }) => {
    await importFile(page, seed);
    await expect(page.getByText('Imported 12 samples')).toBeVisible();
    // A newer version of Faceprint in another tab opens the database at a higher version.
    const other = await context.newPage();
    await other.goto('/icon.svg');
    const upgraded = await other.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('faceprint', 1000);
          request.onsuccess = () => {
            request.result.close();
            resolve(request.result.version);
          };
          request.onerror = () => reject(request.error);
          request.onblocked = () => reject(new Error('blocked: the app did not let go of the database'));
        }),
    );
    expect(upgraded).toBe(1000);
    await expect(page.getByRole('alert')).toContainText('Faceprint was updated in another tab');
    await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  });
});
