import { CALIBRATION, ENGINE_TIMEOUT, SOFTWARE_PIPELINE, expect, shownThreshold, test } from './helpers/app';

// The slider moves in steps of 0.01 from 0.30, so its thumb sits at the calibrated threshold rounded
// to two decimals; the value shown is the calibrated threshold itself, written as everywhere else.
const calibrated = Math.round(CALIBRATION.threshold * 100) / 100;
const shownCalibrated = shownThreshold(CALIBRATION.threshold);

test('the match threshold can be changed from the keyboard, is kept across reloads, and can be reset', async ({
  page,
}) => {
  await page.goto('/#/settings');
  // The calibration is the pipeline's, which is known once the engine is ready: the software one here.
  await expect(page.locator('[data-pipeline]')).toHaveAttribute('data-pipeline', SOFTWARE_PIPELINE, {
    timeout: ENGINE_TIMEOUT,
  });
  await expect(page.getByText(`pipeline ${SOFTWARE_PIPELINE}`)).toBeVisible();
  const slider = page.getByRole('slider', { name: 'Match threshold' });
  const output = page.locator('output');
  // A reload right after a change would race the database write, as closing the tab would for a
  // person; the view says when the change is stored.
  const saved = page.getByRole('status').filter({ hasText: 'Saved on this device' });
  await expect(output).toHaveText(shownCalibrated);
  await expect(page.locator('#threshold-meaning')).toContainText(`At ${shownCalibrated}`);
  await expect(page.locator('[data-calibrated]')).toContainText('This is the calibrated threshold');
  if (CALIBRATION.source === 'dlib-default') {
    await expect(page.getByText('dlib’s published default threshold, not yet measured for this app')).toBeVisible();
  } else {
    await expect(page.locator('#threshold-meaning')).toContainText('of pairs of different people fall within it');
  }

  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  const stricter = (calibrated - 0.05).toFixed(2);
  await expect(output).toHaveText(stricter);
  await expect(page.locator('#threshold-meaning')).toContainText(`At ${stricter}`);
  await expect(saved).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('settings.png'), fullPage: true });

  await page.reload();
  await expect(saved).toHaveCount(0);
  await expect(page.locator('output')).toHaveText(stricter);
  await page.getByRole('button', { name: `Go back to the calibrated threshold (${shownCalibrated})` }).click();
  await expect(page.locator('output')).toHaveText(shownCalibrated);
  await expect(saved).toBeVisible();
  await page.reload();
  await expect(page.locator('output')).toHaveText(shownCalibrated);
});
