import { expect, test } from './helpers/app';

// The Lab trains the face CNN in the page, on Chromium's WebGPU (SwiftShader here: the view picks 32×32
// inputs on a CPU adapter), twice, for two epochs each; the loss must fall in both runs and both scatter
// plots must be drawn.
test('the Lab trains on the GPU, the loss falls and both scatter plots are drawn', async ({ page }) => {
  test.setTimeout(15 * 60_000);
  await page.goto('/#/lab');
  const lab = page.locator('fp-lab-view');
  await expect(lab.getByRole('heading', { name: /Lab/ })).toBeVisible();
  const epochs = lab.getByLabel('Epochs per run');
  await epochs.fill('2');
  await epochs.dispatchEvent('change');
  await lab.getByRole('button', { name: 'Start training' }).click();
  await expect(lab.getByRole('status')).toHaveText('Done.', { timeout: 14 * 60_000 });
  await expect(lab.getByRole('alert')).toHaveCount(0);
  for (const run of ['softmax', 'softmax+center']) {
    const row = lab.locator(`tr[data-run="${run}"]`);
    const first = Number(await row.locator('.first-loss').textContent());
    const last = Number(await row.locator('.last-loss').textContent());
    expect(first, `${run}: first loss`).toBeGreaterThan(0);
    expect(last, `${run}: latest loss ${last} < first ${first}`).toBeLessThan(first);
    await expect(lab.locator(`[data-scatter="${run}"] svg circle`).first()).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath('lab.png'), fullPage: true });
});
