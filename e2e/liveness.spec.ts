import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, TestInfo } from '@playwright/test';
import {
  CAPTURE_TIMEOUT,
  expect,
  exportFile,
  importFile,
  launchProfile,
  listedPeople,
  startVerification,
  test,
  waitForEngine,
} from './helpers/app';
import {
  POSE_OF,
  answerChallenge,
  LIVENESS_PERSON,
  honestAnswers,
  posePhoto,
  type ChallengeStep,
  type Scene,
} from './helpers/liveness';
import { passOwnerDialog } from './helpers/owner';
import { ScriptedCamera, installScriptedCamera, type Tilt } from './helpers/scripted-camera';

// The liveness challenge through the app's own camera path, with a camera the test scripts: real photos
// of one person at the asked poses pass; a still photo, a tilted print and the right poses in the wrong
// order are refused, at enrollment and at verification. One profile (one "device") across the tests:
// the still-photo enrollment is refused first, then the person enrolls by answering the challenge, and
// the verifications run against that enrollment.

const PERSON = LIVENESS_PERSON;
const NAME = PERSON.replace(/_/g, ' ');
const neutral: Scene = { path: posePhoto(PERSON, 'neutral') };

// In order, but a refusal test does not need the live enrollment to have passed: it imports a stand-in
// enrollment when nobody is enrolled (a refusal happens before any comparison).

let profile: string;

test.beforeAll(() => {
  profile = mkdtempSync(join(tmpdir(), 'faceprint-liveness-'));
});

test.afterAll(() => {
  rmSync(profile, { recursive: true, force: true });
});

async function open(testInfo: TestInfo, guard: Parameters<typeof launchProfile>[3], hash: string) {
  const { context, page } = await launchProfile(profile, 'no-face', testInfo, guard);
  await installScriptedCamera(context);
  const camera = new ScriptedCamera(page);
  page.on('console', (message) => {
    if (message.type() === 'error') console.log('[page error]', message.text());
  });
  await page.goto(hash);
  await camera.show(neutral.path);
  await waitForEngine(page);
  return { context, page, camera };
}

/** A person answering each step with the photo of the asked pose, frontal otherwise. */
const honest = honestAnswers(PERSON);

/** The print held up and tilted the way each action turns a head (it cannot open a mouth: tilted too). */
const TILT_FOR: Record<NonNullable<ChallengeStep['action']>, Tilt> = {
  'turn-left': { yawDeg: -35, pitchDeg: 0 },
  'turn-right': { yawDeg: 35, pitchDeg: 0 },
  'look-up': { yawDeg: 0, pitchDeg: 30 },
  'open-mouth': { yawDeg: 15, pitchDeg: 15 },
};
const tiltedPrint = (step: ChallengeStep): Scene =>
  step.action ? { ...neutral, options: { tilt: TILT_FOR[step.action] } } : neutral;

/** Real poses of the person, replayed in an order other than the one asked: the other turn first. */
const OTHER: Record<NonNullable<ChallengeStep['action']>, NonNullable<ChallengeStep['action']>> = {
  'turn-left': 'turn-right',
  'turn-right': 'turn-left',
  'look-up': 'open-mouth',
  'open-mouth': 'look-up',
};
const wrongOrder = (step: ChallengeStep): Scene =>
  step.action ? { path: posePhoto(PERSON, POSE_OF[OTHER[step.action]]) } : neutral;

const startVerifying = (page: Page) => startVerification(page, NAME);

const card = (page: Page) => page.locator('fp-decision-card[outcome$="match"]');

async function closing(context: BrowserContext, body: () => Promise<void>) {
  try {
    await body();
  } finally {
    await context.close();
  }
}

test('an enrollment from a still photo is refused, and nothing is saved', async ({ guard }, testInfo) => {
  const { context, page, camera } = await open(testInfo, guard, '/#/enroll');
  await closing(context, async () => {
    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await page.getByRole('button', { name: 'Start capture' }).click();
    await passOwnerDialog(page);
    const refused = page.locator('fp-alert[data-refusal]');
    const steps = await answerChallenge(page, camera, () => neutral, refused, testInfo, 'enroll-still');
    expect(steps[0]?.status).toBe('neutral');
    await expect(refused).toContainText('Not enrolled');
    await expect(refused).toContainText('Nothing was saved');
    await page.screenshot({ path: testInfo.outputPath('enroll-still-refused.png') });
    expect(await listedPeople(page)).toEqual([]);
  });
});

test('enrolls by answering the challenge with real photos at the asked poses', async ({ guard }, testInfo) => {
  const { context, page, camera } = await open(testInfo, guard, '/#/enroll');
  await closing(context, async () => {
    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await page.getByRole('button', { name: 'Start capture' }).click();
    await passOwnerDialog(page);
    const done = page.locator('[data-state="enrolled"]');
    const refused = page.locator('fp-alert[data-refusal]');
    const steps = await answerChallenge(page, camera, honest, done.or(refused), testInfo, 'enroll-live');
    await expect(refused).toHaveCount(0);
    await expect(done).toContainText(`${NAME} is enrolled`);
    expect(steps.filter((step) => step.status === 'action').length).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: testInfo.outputPath('enroll-live-done.png') });
    expect(await listedPeople(page)).toEqual([`${NAME}: 5 samples`]);
  });
});

test('real photos at the asked poses are accepted', async ({ guard }, testInfo) => {
  const { context, page, camera } = await open(testInfo, guard, '/#/verify');
  await closing(context, async () => {
    await startVerifying(page);
    const steps = await answerChallenge(page, camera, honest, card(page), testInfo, 'verify-live');
    const actions = steps.filter((step) => step.status === 'action').map((step) => step.action);
    expect(new Set(actions)).toContain('turn-left');
    expect(new Set(actions)).toContain('turn-right');
    await expect(card(page)).toHaveAttribute('outcome', 'match', { timeout: CAPTURE_TIMEOUT });
    await expect(card(page)).toContainText(`Verified: this is ${NAME}`);
    await expect(card(page).locator('[data-liveness="passed"]')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('verify-live-accepted.png'), fullPage: true });
  });
});

for (const [label, respond, why] of [
  ['a still photo', () => neutral, /not made in time|photo/],
  ['a tilted print', tiltedPrint, /photo|not made in time|different movement/],
  ['the right poses in the wrong order', wrongOrder, /different movement|not made in time/],
] as const) {
  test(`${label} is refused, saying why`, async ({ guard }, testInfo) => {
    const { context, page, camera } = await open(testInfo, guard, '/#/verify');
    await closing(context, async () => {
      if ((await listedPeople(page)).length === 0) await importFile(page, exportFile([{ name: NAME, samples: 1 }]));
      await startVerifying(page);
      const slug = label.replace(/\W+/g, '-');
      const steps = await answerChallenge(page, camera, respond, card(page), testInfo, `verify-${slug}`);
      testInfo.annotations.push({
        type: 'steps',
        description: steps.map((s) => `${s.status}:${s.action ?? ''}`).join(' '),
      });
      await expect(card(page)).toHaveAttribute('outcome', 'no-match');
      await expect(card(page)).toContainText('Not verified: the liveness check failed');
      const liveness = card(page).locator('[data-liveness="failed"]');
      await expect(liveness).toContainText(why);
      testInfo.annotations.push({ type: 'refusal', description: (await liveness.textContent()) ?? '' });
      await page.screenshot({ path: testInfo.outputPath(`verify-${slug}-refused.png`), fullPage: true });
      // A retry and a way out.
      await expect(page.getByRole('button', { name: 'Verify again' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Change what to check' })).toBeVisible();
    });
  });
}
