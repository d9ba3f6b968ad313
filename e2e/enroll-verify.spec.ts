import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import {
  CALIBRATION,
  expect,
  launchProfile,
  listedPeople,
  shownThreshold,
  startVerification,
  test,
  waitForEngine,
} from './helpers/app';
import {
  answerChallenge,
  honestAnswers,
  LIVENESS_PERSON,
  OTHER_LIVENESS_PERSON,
  posePhoto,
  type Pose,
} from './helpers/liveness';
import { passOwnerDialog } from './helpers/owner';
import { ScriptedCamera, installScriptedCamera } from './helpers/scripted-camera';

// One browser profile (one "device") across these tests: person A enrolls in front of the camera, then
// the camera shows another photo of A, then person B. Each scene is a browser launch of its own; the
// profile keeps IndexedDB and the service worker between them.
//
// These tests are about matching: two different photos of one person match, another person does not,
// 1:N finds the right one, and all of it works offline. The liveness check is on, as it is for everyone:
// the camera is scripted (helpers/scripted-camera) and each person answers the challenge with real photos
// of themselves at the asked poses, so every decision below is made on the face, after the check passed.
const A = LIVENESS_PERSON;
const B = OTHER_LIVENESS_PERSON;
const PERSON_A = A.replace(/_/g, ' ');

test.describe.configure({ mode: 'serial', timeout: 20 * 60_000 });

let profile: string;

test.beforeAll(() => {
  profile = mkdtempSync(join(tmpdir(), 'faceprint-e2e-'));
});

test.afterAll(() => {
  rmSync(profile, { recursive: true, force: true });
});

/** The profile opened on `hash`, with the scripted camera showing `person`'s `frontal` photo. */
async function open(testInfo: TestInfo, guard: Parameters<typeof launchProfile>[3], person: string, frontal: Pose) {
  const { context, page } = await launchProfile(profile, 'no-face', testInfo, guard);
  await installScriptedCamera(context);
  const camera = new ScriptedCamera(page);
  await page.goto('/#/verify');
  await camera.show(posePhoto(person, frontal));
  return { context, page, camera };
}

/**
 * One verification, answered by `person` (frontal photo `frontal`, the asked pose at each step), 1:1
 * against `claim` or 1:N; returns the decision card once a decision is shown.
 */
async function verifyLive(
  page: Page,
  camera: ScriptedCamera,
  claim: string | null,
  person: string,
  frontal: Pose,
  testInfo: TestInfo,
) {
  await waitForEngine(page);
  await startVerification(page, claim);
  const card = page.locator('fp-decision-card[outcome$="match"]');
  const failure = page.locator('fp-verify-view fp-alert[tone="error"]');
  const label = `verify-${person}-${claim ? '1to1' : '1toN'}`;
  await answerChallenge(page, camera, honestAnswers(person, frontal), card.or(failure), testInfo, label);
  await expect(failure).toHaveCount(0);
  // The face decided, not the liveness check: it passed.
  await expect(card.locator('[data-liveness="passed"]')).toBeVisible();
  return card;
}

async function screenshot(page: Page, name: string, testInfo: TestInfo) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('enrolls person A answering the challenge; the enrollment survives a reload', async ({ guard }, testInfo) => {
  const { context, page, camera } = await open(testInfo, guard, A, 'neutral');
  try {
    await page.goto('/#/enroll');
    await waitForEngine(page);
    await page.getByLabel('Name', { exact: true }).fill(PERSON_A);
    await page.getByRole('button', { name: 'Start capture' }).click();
    await passOwnerDialog(page);
    const done = page.locator('[data-state="enrolled"]');
    const failure = page.locator('fp-enroll-view fp-alert[tone="error"]');
    await answerChallenge(page, camera, honestAnswers(A), done.or(failure), testInfo, 'enroll');
    await expect(failure).toHaveCount(0);
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
  const { context, page, camera } = await open(testInfo, guard, A, 'another-frontal');
  try {
    const card = await verifyLive(page, camera, PERSON_A, A, 'another-frontal', testInfo);
    await expect(card).toHaveAttribute('outcome', 'match');
    await expect(card).toContainText(`Verified: this is ${PERSON_A}`);
    await expect(card.locator('[data-threshold]')).toHaveText(shownThreshold(CALIBRATION.threshold));
    const distance = Number(await card.locator('[data-distance]').textContent());
    expect(distance).toBeLessThanOrEqual(CALIBRATION.threshold);
    await screenshot(page, 'verify-accepted.png', testInfo);
  } finally {
    await context.close();
  }
});

test('recognises person A among everyone enrolled (1:N)', async ({ guard }, testInfo) => {
  const { context, page, camera } = await open(testInfo, guard, A, 'another-frontal');
  try {
    const card = await verifyLive(page, camera, null, A, 'another-frontal', testInfo);
    await expect(card).toHaveAttribute('outcome', 'match');
    await expect(card).toContainText(`Recognised: ${PERSON_A}`);
  } finally {
    await context.close();
  }
});

test('works offline: reloads with no network and verifies person A', async ({ guard }, testInfo) => {
  const { context, page, camera } = await open(testInfo, guard, A, 'another-frontal');
  try {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: /Faceprint/ })).toBeVisible();
    await camera.show(posePhoto(A, 'another-frontal'));
    const card = await verifyLive(page, camera, PERSON_A, A, 'another-frontal', testInfo);
    await expect(card).toHaveAttribute('outcome', 'match');
    await screenshot(page, 'verify-offline.png', testInfo);
  } finally {
    await context.close();
  }
});

test('rejects person B (1:1 and 1:N)', async ({ guard }, testInfo) => {
  const { context, page, camera } = await open(testInfo, guard, B, 'neutral');
  try {
    const claim = await verifyLive(page, camera, PERSON_A, B, 'neutral', testInfo);
    await expect(claim).toHaveAttribute('outcome', 'no-match');
    await expect(claim).toContainText(`We couldn’t confirm it’s ${PERSON_A}`);
    await expect(claim).toContainText('good light');
    const distance = Number(await claim.locator('[data-distance]').textContent());
    expect(distance).toBeGreaterThan(CALIBRATION.threshold);
    await screenshot(page, 'verify-rejected.png', testInfo);

    await camera.show(posePhoto(B, 'neutral'));
    const identify = await verifyLive(page, camera, null, B, 'neutral', testInfo);
    await expect(identify).toHaveAttribute('outcome', 'no-match');
    await expect(identify).toContainText('We didn’t recognise this face');
  } finally {
    await context.close();
  }
});
