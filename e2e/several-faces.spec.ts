import { CAPTURE_TIMEOUT, expect, test, waitForEngine } from './helpers/app';
import { launchOptions } from './helpers/camera';
import { startEnrolling } from './helpers/steps';

// The camera shows person A and person B side by side.
test.use({ launchOptions: launchOptions('two-faces') });

test('several faces in view: asks for one person only and captures nothing', async ({ page }) => {
  await page.goto('/#/enroll');
  await waitForEngine(page);
  await startEnrolling(page, 'Two People');
  await expect(page.locator('.hint')).toContainText('More than one face in view', { timeout: CAPTURE_TIMEOUT });
  await expect(page.locator('[data-count]')).toHaveAttribute('data-count', '0');
  await page.screenshot({ path: test.info().outputPath('several-faces.png') });
});
