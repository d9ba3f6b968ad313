import { CAPTURE_TIMEOUT, expect, test, waitForEngine } from './helpers/app';
import { launchOptions } from './helpers/camera';
import { startEnrolling } from './helpers/steps';

// The camera shows a plain wall.
test.use({ launchOptions: launchOptions('no-face') });

test('no face in view: says so and captures nothing', async ({ page }) => {
  await page.goto('/#/enroll');
  await waitForEngine(page);
  await startEnrolling(page, 'Nobody');
  await expect(page.locator('.hint')).toContainText('No face found', { timeout: CAPTURE_TIMEOUT });
  await expect(page.locator('[data-count]')).toHaveAttribute('data-count', '0');
  await page.screenshot({ path: test.info().outputPath('no-face.png') });
});
