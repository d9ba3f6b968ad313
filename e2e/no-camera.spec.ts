import { expect, test } from './helpers/app';
import { launchOptions } from './helpers/camera';
import { startEnrolling } from './helpers/steps';

// No fake capture device: this machine has no camera at all.
test.use({ launchOptions: launchOptions('person-a-enroll', { device: false }) });

test('no camera: says none was found (NotFoundError)', async ({ page }) => {
  await startEnrolling(page);
  const alert = page.locator('fp-alert[data-problem="camera-missing"]');
  await expect(alert).toContainText('No camera found');
  await expect(alert).toContainText('Connect a camera');
});
