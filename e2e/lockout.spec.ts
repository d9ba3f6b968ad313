import { readFileSync } from 'node:fs';
import {
  CAPTURE_TIMEOUT,
  ENGINE_TIMEOUT,
  expect,
  exportFile,
  importFile,
  test,
  verify,
  waitForEngine,
} from './helpers/app';
import { reportDecisions } from './helpers/decisions';
import { passOwnerDialog } from './helpers/owner';

test.describe.configure({ timeout: 240_000 });

const seed = exportFile([{ name: 'Ada Lovelace', samples: 2 }]);

test('5 refusals lock verification for 30 s, across a reload; then 60 s; the owner lifts it; the log shows them', async ({
  page,
}) => {
  await page.clock.install();
  await importFile(page, seed);
  await expect(page.getByText('Imported 2 samples')).toBeVisible();
  await page.goto('/#/verify');
  const start = page.getByRole('button', { name: 'Start verification' });
  const locked = page.getByRole('heading', { name: 'Verification is locked' });
  const timer = page.getByRole('timer');
  const secondsLeft = async () => {
    const [minutes, seconds] = (await timer.textContent())!.split(':').map(Number);
    return minutes! * 60 + seconds!;
  };
  await expect(start).toBeVisible();

  // One accepted decision, then four refusals: still open.
  await reportDecisions(page, 'match', 1);
  await reportDecisions(page, 'no-match', 4);
  await expect(start).toBeVisible();
  await reportDecisions(page, 'no-match', 1);
  await expect(locked).toBeVisible();
  await expect(start).toHaveCount(0);
  // Time also flows by itself (a loaded machine takes seconds per step), so waits are read as ranges.
  expect(await secondsLeft()).toBeGreaterThan(20);
  expect(await secondsLeft()).toBeLessThanOrEqual(30);
  await page.screenshot({ path: test.info().outputPath('verify-locked.png'), fullPage: true });

  await page.reload();
  await expect(locked).toBeVisible();
  await expect(start).toHaveCount(0);
  await page.clock.fastForward(15_000);
  await expect.poll(secondsLeft).toBeLessThanOrEqual(15);
  await page.clock.fastForward(16_000);
  await expect(start).toBeVisible();
  await expect(locked).toHaveCount(0);

  // The next lock doubles.
  await reportDecisions(page, 'no-match', 5);
  await expect(locked).toBeVisible();
  expect(await secondsLeft()).toBeGreaterThan(45);
  expect(await secondsLeft()).toBeLessThanOrEqual(60);

  // Settings shows it; the owner lifts it.
  await page.goto('/#/settings');
  await expect(page.locator('[data-lock="locked"]')).toContainText('Verification is locked for');
  await page.getByRole('button', { name: 'Lift the lock' }).click();
  await passOwnerDialog(page);
  await expect(page.locator('[data-lock="open"]')).toContainText(
    '5 more refused attempts in a row lock it for 30 seconds',
  );

  // The log: 11 decisions, newest first, no person named for a refused 1:N.
  await page.getByRole('button', { name: 'Show the attempt log' }).click();
  await passOwnerDialog(page);
  const table = page.getByRole('table', { name: 'Attempt log' });
  await expect(table).toHaveAttribute('data-attempts', '11');
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toContainText('refused');
  await expect(rows.first()).toContainText('0.820');
  await expect(rows.last()).toContainText('accepted');
  await expect(rows.last()).toContainText('Ada Lovelace');
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('settings-attempt-log.png'), fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the log' }).click();
  const log = JSON.parse(readFileSync((await (await downloading).path())!, 'utf8'));
  expect(log.format).toBe('faceprint-attempt-log');
  expect(log.attempts).toHaveLength(11);
  expect(Object.keys(log.attempts[0]).sort()).toEqual([
    'at',
    'distance',
    'liveness',
    'mode',
    'outcome',
    'personId',
    'personName',
    'threshold',
  ]);

  await page.getByRole('button', { name: 'Clear the log' }).click();
  await passOwnerDialog(page);
  await expect(page.getByText('No verification yet.')).toBeVisible();
});

test('a real verification through the camera is logged and counted', async ({ page }) => {
  test.setTimeout(ENGINE_TIMEOUT + CAPTURE_TIMEOUT);
  // Made-up templates: the camera's face matches none of them, so the decision is a refusal.
  await importFile(page, seed);
  await expect(page.getByText('Imported 2 samples')).toBeVisible();
  await waitForEngine(page);
  const card = await verify(page, null);
  await expect(card).toHaveAttribute('outcome', 'no-match');
  await page.goto('/#/settings');
  await expect(page.locator('[data-lock="open"]')).toContainText('4 more refused attempts in a row');
  await page.getByRole('button', { name: 'Show the attempt log' }).click();
  await passOwnerDialog(page);
  const table = page.getByRole('table', { name: 'Attempt log' });
  await expect(table).toHaveAttribute('data-attempts', '1');
  await expect(table.locator('tbody tr')).toContainText(['1:N']);
  await expect(table.locator('tbody tr td.refused')).toHaveText('refused');
});
