import { expect, test } from './helpers/app';
import { launchOptions } from './helpers/camera';
import { startEnrolling } from './helpers/steps';

// No --use-fake-ui-for-media-stream: Chromium answers the camera permission prompt with "block".
test.use({ launchOptions: launchOptions('person-a-enroll', { grant: false }) });

test('camera permission denied: says the camera was blocked and how to allow it', async ({ page }) => {
  await startEnrolling(page);
  const alert = page.locator('fp-alert[data-problem="camera-denied"]');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Camera access was denied');
  await expect(alert).toContainText('Allow camera access for this site');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('camera-denied.png') });
});
