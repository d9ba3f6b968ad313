import type { Page } from '@playwright/test';
import { passOwnerDialog } from './owner';

/** Fills in a name on Enroll and starts the camera (setting up or confirming the owner first). */
export async function startEnrolling(page: Page, name = 'Ada'): Promise<void> {
  await page.goto('/#/enroll');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Start capture' }).click();
  await passOwnerDialog(page);
}
