import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import {
  CALIBRATION,
  CAPTURE_TIMEOUT,
  expect,
  launchProfile,
  listedPeople,
  shownThreshold,
  test,
  verify,
  waitForEngine,
} from './helpers/app';
import { turnLivenessOff } from './helpers/liveness';
import { passOwnerDialog } from './helpers/owner';

// One browser profile (one "device") across these tests: person A enrolls in front of the camera, then
// the camera shows another photo of A, then person B. Each scene needs its own browser launch; the
// profile keeps IndexedDB and the service worker between them.
//
// These tests are about matching: two different photos of one person match, another person does not,
// 1:N finds the right one, and all of it works offline. The fake camera shows one still photo, which is
// exactly what the liveness check refuses, so this profile turns the check off in Settings first (as a
// person who cannot make the movements would); liveness.spec.ts answers the challenge with a scripted
// camera.
const PERSON_A = 'Colin Powell';

test.describe.configure({ mode: 'serial', timeout: 20 * 60_000 });

let profile: string;

test.beforeAll(() => {
  profile = mkdtempSync(join(tmpdir(), 'faceprint-e2e-'));
});

test.afterAll(() => {
  rmSync(profile, { recursive: true, force: true });
});

async function screenshot(page: Page, name: string, testInfo: TestInfo) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('enrolls person A from a photo; the enrollment survives a reload', async ({ guard }, testInfo) => {
  const { context, page } = await launchProfile(profile, 'person-a-enroll', testInfo, guard);
  try {
    await turnLivenessOff(page);
    await page.goto('/#/enroll');
    await waitForEngine(page);
    await page.getByLabel('Name', { exact: true }).fill(PERSON_A);
    await page.getByRole('button', { name: 'Start capture' }).click();
    await passOwnerDialog(page);
    // Mid-capture: the overlay tracks the face and the samples count up.
    await expect(page.locator('[data-count="2"]')).toBeVisible({ timeout: CAPTURE_TIMEOUT });
    await screenshot(page, 'enroll-capturing.png', testInfo);
    const done = page.locator('[data-state="enrolled"]');
    await expect(done).toBeVisible({ timeout: CAPTURE_TIMEOUT });
    await expect(done).toContainText(`${PERSON_A} is enrolled`);
    await expect(done).toContainText('5 new samples saved');
    await screenshot(page, 'enroll-done.png', testInfo);

    await page.reload();
    expect(await listedPeople(page)).toEqual([`${PERSON_A}: 5 samples`]);
    // Let the service worker finish caching the app and the models, for the offline test.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
  } finally {
    await context.close();
  }
});

test('accepts a different photo of person A (1:1)', async ({ guard }, testInfo) => {
  const { context, page } = await launchProfile(profile, 'person-a-verify', testInfo, guard);
  try {
    await page.goto('/#/verify');
    await waitForEngine(page);
    const card = await verify(page, PERSON_A);
    await expect(card).toHaveAttribute('outcome', 'match');
    await expect(card).toContainText(`Verified: this is ${PERSON_A}`);
    await expect(card.locator('[data-liveness="off"]')).toContainText(
      'a photo of an enrolled person could have been accepted',
    );
    await expect(card.locator('[data-threshold]')).toHaveText(shownThreshold(CALIBRATION.threshold));
    const distance = Number(await card.locator('[data-distance]').textContent());
    expect(distance).toBeLessThanOrEqual(CALIBRATION.threshold);
    await screenshot(page, 'verify-accepted.png', testInfo);
  } finally {
    await context.close();
  }
});

test('recognises person A among everyone enrolled (1:N)', async ({ guard }, testInfo) => {
  const { context, page } = await launchProfile(profile, 'person-a-verify', testInfo, guard);
  try {
    await page.goto('/#/verify');
    await waitForEngine(page);
    const card = await verify(page, null);
    await expect(card).toHaveAttribute('outcome', 'match');
    await expect(card).toContainText(`Recognised: ${PERSON_A}`);
  } finally {
    await context.close();
  }
});

test('works offline: reloads with no network and verifies person A', async ({ guard }, testInfo) => {
  const { context, page } = await launchProfile(profile, 'person-a-verify', testInfo, guard);
  try {
    await page.goto('/#/verify');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: /Faceprint/ })).toBeVisible();
    await waitForEngine(page);
    const card = await verify(page, PERSON_A);
    await expect(card).toHaveAttribute('outcome', 'match');
    await screenshot(page, 'verify-offline.png', testInfo);
  } finally {
    await context.close();
  }
});

test('rejects person B (1:1 and 1:N)', async ({ guard }, testInfo) => {
  const { context, page } = await launchProfile(profile, 'person-b', testInfo, guard);
  try {
    await page.goto('/#/verify');
    await waitForEngine(page);
    const claim = await verify(page, PERSON_A);
    await expect(claim).toHaveAttribute('outcome', 'no-match');
    await expect(claim).toContainText(`We couldn’t confirm it’s ${PERSON_A}`);
    await expect(claim).toContainText('good light');
    const distance = Number(await claim.locator('[data-distance]').textContent());
    expect(distance).toBeGreaterThan(CALIBRATION.threshold);
    await screenshot(page, 'verify-rejected.png', testInfo);

    const identify = await verify(page, null);
    await expect(identify).toHaveAttribute('outcome', 'no-match');
    await expect(identify).toContainText('We didn’t recognise this face');
  } finally {
    await context.close();
  }
});
