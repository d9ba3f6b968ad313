import { expectNoSeriousA11yViolations } from './helpers/a11y';
import { expect, exportFile, importFile, test } from './helpers/app';
import { startEnrolling } from './helpers/steps';

// axe on every screen that needs no finished capture, at desktop and phone sizes; the screens after a
// capture (the enrollment confirmation, a decision) are checked in first-use.spec.ts, which reaches them.
const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 860 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

for (const size of SIZES) {
  test.describe(`accessibility (${size.name})`, () => {
    test.use({ viewport: size.viewport });

    test('no one enrolled: enroll form, empty verify, empty people, settings', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 2, name: 'Enroll a face' })).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'enroll form');
      await page.goto('/#/verify');
      await expect(page.getByText('No one is enrolled yet')).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'verify, no one enrolled');
      await page.goto('/#/people');
      await expect(page.getByRole('heading', { level: 2, name: 'People' })).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'people, empty');
      await page.goto('/#/settings');
      await expect(page.locator('[data-offline]')).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'settings');
    });

    test('people enrolled: people list, delete confirmation, verify setup (1:N and 1:1)', async ({ page }) => {
      await importFile(page, exportFile([{ name: 'Ada Lovelace', samples: 5 }]));
      await expect(page.getByText('Imported 5 samples')).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'people, after an import');
      await page.getByRole('button', { name: 'Delete Ada Lovelace' }).click();
      await expect(page.getByRole('group', { name: 'Confirm deleting Ada Lovelace' })).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'people, confirming a delete');
      await page.goto('/#/verify');
      await expect(page.getByRole('button', { name: 'Start verification' })).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'verify setup, 1:N');
      await page.getByLabel('Is this a particular person? Check a claimed identity.').check();
      await expectNoSeriousA11yViolations(page, 'verify setup, 1:1');
    });

    test('capturing: the camera, the count, the hint and the checklist', async ({ page }) => {
      await startEnrolling(page, 'Ada');
      await expect(page.getByText('Samples captured:')).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'enroll capture');
    });
  });
}

test('the check itself fails on a serious violation, also inside a shadow root', async ({ page }) => {
  await page.goto('/#/people');
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<button></button>';
    document.body.append(host);
  });
  await expect(expectNoSeriousA11yViolations(page, 'a page with an unnamed button')).rejects.toThrow(
    /button-name \(critical\)/,
  );
});
