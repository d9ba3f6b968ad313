import type { Locator, Page, TestInfo } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers/a11y';
import { ENGINE_TIMEOUT, expect, test } from './helpers/app';
import { answerChallenge, LIVENESS_PERSON, honestAnswers, posePhoto, type Scene } from './helpers/liveness';
import { passOwnerDialog } from './helpers/owner';
import { ScriptedCamera, installScriptedCamera } from './helpers/scripted-camera';

// A first-time user, as they meet the app: a fresh browser opens / with no hash route, enrolls in
// front of the camera, sees the confirmation and its next step, verifies, then looks at People and
// Settings. At desktop and two phone sizes, with a screenshot of what is on screen at each step
// (the viewport: what the person sees; Settings as a full page) and axe on each screen reached.
// The liveness check is on, as it is for a new user: the camera is scripted (helpers/scripted-camera)
// and shows real photos of one person, at the pose each step of the challenge asks for.
const PERSON = LIVENESS_PERSON.replace(/_/g, ' ');
const neutral: Scene = { path: posePhoto(LIVENESS_PERSON, 'neutral') };
/** The person in front of the camera: frontal, turning or looking up or opening the mouth when asked. */
const honest = honestAnswers(LIVENESS_PERSON);

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 860 }, phone: false },
  { name: 'phone-390x844', viewport: { width: 390, height: 844 }, phone: true },
  { name: 'phone-360x640', viewport: { width: 360, height: 640 }, phone: true },
] as const;

/**
 * Everything the person does while the camera runs, until `until` shows (a point in the capture,
 * the enrollment confirmation, or a decision): look at the camera and answer the liveness challenge,
 * the asked pose at each step. The capture's steps are answered here, and only here. Fails on an
 * error or a refusal instead of waiting for `until`.
 */
async function completeCapture(
  page: Page,
  camera: ScriptedCamera,
  until: Locator,
  testInfo: TestInfo,
  label: string,
): Promise<void> {
  const failure = page.locator('fp-enroll-view fp-alert[tone="error"], fp-verify-view fp-alert[tone="error"]');
  await answerChallenge(page, camera, honest, until.or(failure), testInfo, label);
  await expect(failure).toHaveCount(0);
  await expect(until).toBeVisible();
}

async function shot(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Whether the element's box lies entirely inside the viewport (nothing to scroll to see it). */
async function inViewport(locator: Locator, page: Page): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  return (
    box !== null &&
    box.y >= 0 &&
    box.y + box.height <= viewport.height &&
    box.x >= 0 &&
    box.x + box.width <= viewport.width
  );
}

for (const size of SIZES) {
  test.describe(`first-time user (${size.name})`, () => {
    test.use({ viewport: size.viewport, hasTouch: size.phone });

    test('enrolls from /, sees the confirmation, verifies, looks at People and Settings', async ({
      page,
    }, testInfo) => {
      await installScriptedCamera(page);
      const camera = new ScriptedCamera(page);
      await page.goto('/');
      await camera.show(neutral.path);
      await expect(page.getByRole('heading', { level: 2, name: 'Enroll a face' })).toBeVisible();
      // The default view is written into the address, so enrolling cannot switch the page away.
      await expect(page).toHaveURL(/#\/enroll$/);
      const nav = page.getByRole('navigation', { name: 'Main' });
      if (size.phone) {
        // A tab bar on one row: every tab at the same height, each at least 44 px tall.
        const tabs = await nav.getByRole('link').all();
        const boxes = await Promise.all(tabs.map((tab) => tab.boundingBox()));
        expect(new Set(boxes.map((box) => Math.round(box!.y))).size, 'tabs on one row').toBe(1);
        for (const box of boxes) expect(box!.height).toBeGreaterThanOrEqual(44);
      }
      await shot(page, testInfo, '01-start');

      await page.getByLabel('Name', { exact: true }).fill(PERSON);
      await page.getByRole('button', { name: 'Start capture' }).click();
      // The first enrollment sets up the device's owner (a passphrase here: no authenticator).
      await passOwnerDialog(page);
      // Something says what is happening during every wait: the models loading, then finding the face.
      const hint = page.locator('fp-enroll-view .hint');
      await expect(hint).toBeVisible();
      await expect(
        page
          .locator('fp-enroll-view fp-load-progress')
          .or(hint.filter({ hasText: /Finding your face|Hold still|Good|Look straight/ })),
      ).toBeVisible();
      await shot(page, testInfo, '02-capture-started');
      await expect(page.locator('[data-engine="ready"]')).toBeVisible({ timeout: ENGINE_TIMEOUT });
      // The challenge gives the first two samples; the time left shows once the next one is taken.
      const timeLeft = page.locator('fp-enroll-view .time-left');
      await completeCapture(page, camera, timeLeft, testInfo, 'enroll');
      await expect(timeLeft).toContainText(/about \d+ (s|min) left/);
      if (size.phone) {
        // The camera and the instruction on screen together, without scrolling.
        expect(await inViewport(page.locator('fp-enroll-view fp-camera'), page), 'camera in view').toBe(true);
        expect(await inViewport(hint, page), 'instruction in view').toBe(true);
        expect(await inViewport(page.getByText('Samples captured:'), page), 'sample count in view').toBe(true);
      }
      await shot(page, testInfo, '03-capturing');
      await expectNoSeriousA11yViolations(page, 'enroll capture');

      const confirmation = page.locator('[data-state="enrolled"]');
      await completeCapture(page, camera, confirmation, testInfo, 'enroll');
      await expect(confirmation).toContainText(`${PERSON} is enrolled`);
      await expect(page).toHaveURL(/#\/enroll$/);
      const next = page.getByRole('link', { name: `Verify ${PERSON}` });
      await expect(next).toBeVisible();
      await shot(page, testInfo, '04-enrolled');
      await expectNoSeriousA11yViolations(page, 'enrollment confirmation');

      await next.click();
      await expect(page.getByRole('heading', { level: 2, name: 'Verify a face' })).toBeVisible();
      await expect(page.getByLabel('Person', { exact: true })).toHaveValue(/.+/);
      await page.getByRole('button', { name: 'Start verification' }).click();
      const verifyHint = page.locator('fp-verify-view .hint');
      await expect(verifyHint).toHaveText(/Finding your face|Checking|Look straight/);
      if (size.phone) {
        expect(await inViewport(page.locator('fp-verify-view fp-camera'), page), 'camera in view while verifying').toBe(
          true,
        );
        expect(await inViewport(verifyHint, page), 'instruction in view while verifying').toBe(true);
      }
      await shot(page, testInfo, '05-verifying');
      const card = page.locator('fp-decision-card[outcome$="match"]');
      await completeCapture(page, camera, card, testInfo, 'verify');
      await expect(card).toHaveAttribute('outcome', 'match');
      await expect(card).toContainText(`Verified: this is ${PERSON}`);
      await expect(card.locator('[data-liveness="passed"]')).toBeVisible();
      await shot(page, testInfo, '06-verified');
      await expectNoSeriousA11yViolations(page, 'decision');
      await card.getByText('Details').click();
      await expect(card.locator('[data-threshold]')).toBeVisible();
      await shot(page, testInfo, '07-verified-details');

      await nav.getByRole('link', { name: 'People' }).click();
      await expect(page.locator(`li[data-person="${PERSON}"]`)).toBeVisible();
      await shot(page, testInfo, '08-people');
      await expectNoSeriousA11yViolations(page, 'people');

      await nav.getByRole('link', { name: 'Settings' }).click();
      // A production build: the offline cache is filling or full, and the page says which.
      await expect(page.locator('[data-offline="ready"], [data-offline="caching"]')).toBeVisible();
      await shot(page, testInfo, '09-settings', true);
      await expectNoSeriousA11yViolations(page, 'settings, engine ready');
    });
  });
}
