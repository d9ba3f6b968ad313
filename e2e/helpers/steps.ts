import type { Page } from '@playwright/test';

/** Fills in a name on Enroll and starts the camera. */
export async function startEnrolling(page: Page, name = 'Ada'): Promise<void> {
  await page.goto('/#/enroll');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Start capture' }).click();
}
