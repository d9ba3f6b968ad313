import { expect, exportFile, importFile, test } from './helpers/app';
import { reportDecisions } from './helpers/decisions';
import { dumpDatabase, passOwnerDialog } from './helpers/owner';

// Two tabs of one browser: one changes who is enrolled or hits the attempt limit while the other
// is on Verify; the other follows without a reload, and nothing is lost.
test.describe.configure({ timeout: 240_000 });

test('a delete, an import and a lock in one tab reach the other tab', async ({ context }) => {
  const manager = await context.newPage();
  const verifier = await context.newPage();
  await importFile(
    manager,
    exportFile([
      { name: 'Ada Lovelace', samples: 2 },
      { name: 'Charles Babbage', samples: 3 },
    ]),
  );
  await expect(manager.getByText('Imported 5 samples')).toBeVisible();

  await verifier.goto('/#/verify');
  await verifier.getByLabel('Is this a particular person? Check a claimed identity.').check();
  const claim = verifier.getByLabel('Person', { exact: true });
  await expect(claim.locator('option')).toHaveText(['Ada Lovelace', 'Charles Babbage']);

  await manager.getByRole('button', { name: 'Delete Ada Lovelace' }).click();
  await manager
    .getByRole('group', { name: 'Confirm deleting Ada Lovelace' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await passOwnerDialog(manager);
  await expect(claim.locator('option')).toHaveText(['Charles Babbage']);

  await importFile(manager, exportFile([{ name: 'Grace Hopper', samples: 4 }]));
  await expect(manager.getByText('Imported 4 samples')).toBeVisible();
  await expect(claim.locator('option')).toHaveText(['Charles Babbage', 'Grace Hopper']);

  // Refusals in the manager tab's verify view lock the verifier tab too.
  await manager.goto('/#/verify');
  await reportDecisions(manager, 'no-match', 5);
  await expect(manager.getByRole('heading', { name: 'Verification is locked' })).toBeVisible();
  await expect(verifier.getByRole('heading', { name: 'Verification is locked' })).toBeVisible();
  await expect(verifier.getByRole('button', { name: 'Start verification' })).toHaveCount(0);

  // Both tabs read the same, intact database.
  expect(await dumpDatabase(verifier)).toBe(await dumpDatabase(manager));
});
