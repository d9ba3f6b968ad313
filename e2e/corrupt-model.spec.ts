import { ENGINE_TIMEOUT, expect, test } from './helpers/app';

test('a corrupt model file: the message names the file; enrollments are not affected', async ({ page }) => {
  // One flipped byte in the recognition weights, as a damaged download or disk would give.
  await page.route('**/models/face_recognition_model.bin', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[1000] = body[1000]! ^ 0xff;
    await route.fulfill({ response, body });
  });
  await page.goto('/#/enroll');
  const alert = page.locator('fp-alert[data-problem="model-load"]');
  await expect(alert).toBeVisible({ timeout: ENGINE_TIMEOUT });
  await expect(alert).toContainText('A face model could not be loaded');
  await expect(alert).toContainText('“face_recognition_model.bin” is damaged');
  await expect(alert).toContainText('Your enrollments are not affected.');
  await page.getByLabel('Name', { exact: true }).fill('Ada');
  await expect(page.getByRole('button', { name: 'Start capture' })).toBeDisabled();
});
