import { expect, test } from './helpers/app';
import { startEnrolling } from './helpers/steps';

test('camera in use: says the camera is busy (NotReadableError)', async ({ page }) => {
  // When another program holds the camera, Chromium fails getUserMedia with NotReadableError; a fake
  // device cannot be held, so the browser's answer is stood in for.
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Could not start video source', 'NotReadableError'));
  });
  await startEnrolling(page);
  const alert = page.locator('fp-alert[data-problem="camera-in-use"]');
  await expect(alert).toContainText('The camera is busy');
  await expect(alert).toContainText('Close the other program');
});
