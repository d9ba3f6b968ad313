import { expect, exportFile, importFile, listedPeople, test } from './helpers/app';

// A browser without WebGPU: the app explains, keeps working for what needs no GPU, and downloads no models.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    delete (Navigator.prototype as { gpu?: unknown }).gpu;
  });
});

test('no WebGPU: a clear message instead of the camera; people can still be managed', async ({ page }) => {
  const modelRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/models/')) modelRequests.push(request.url());
  });
  await page.goto('/#/enroll');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This browser does not support WebGPU');
  await expect(alert).toContainText('Chrome or Edge');
  await page.getByLabel('Name', { exact: true }).fill('Ada');
  await expect(page.getByRole('button', { name: 'Start capture' })).toBeDisabled();
  await expect(page.locator('[data-engine="failed"]')).toContainText('Face engine unavailable');

  await importFile(page, exportFile([{ name: 'Ada', samples: 2 }]));
  expect(await listedPeople(page)).toEqual(['Ada: 2 samples']);
  await page.goto('/#/verify');
  await expect(page.getByRole('alert')).toContainText('This browser does not support WebGPU');
  await expect(page.getByRole('button', { name: 'Start verification' })).toBeDisabled();
  // Service-worker precaching may fetch models; the page itself must not.
  expect(modelRequests.filter((url) => !url.includes('sw.js'))).toEqual([]);
});
