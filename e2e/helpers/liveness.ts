// The liveness challenge as a person in front of the scripted camera answers it: read what the app
// asks (fp-liveness-prompt's data-status / data-step / data-action), show the photo for it, and wait
// for the app to move on. Every wait is on the app's state, never a fixed sleep.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { CAPTURE_TIMEOUT } from './app';
import type { ScriptedCamera, ShowOptions } from './scripted-camera';

const here = dirname(fileURLToPath(import.meta.url));
export const LIVENESS_FIXTURES = join(here, '..', 'fixtures', 'liveness');

export type Action = 'turn-left' | 'turn-right' | 'look-up' | 'open-mouth';
export type Pose = 'neutral' | 'left' | 'right' | 'up' | 'mouth' | 'another-frontal';

/** The photo of each pose of the person whose photos are in fixtures/liveness/<name>/. */
export const POSE_OF: Record<Action, Pose> = {
  'turn-left': 'left',
  'turn-right': 'right',
  'look-up': 'up',
  'open-mouth': 'mouth',
};

/**
 * The people whose pose photos are committed (fixtures/liveness/<name>/, with poses.json and a README):
 * the one the specs enroll, and another one who answers the challenge too but is someone else.
 */
export const LIVENESS_PERSON = 'George_W_Bush';
export const OTHER_LIVENESS_PERSON = 'Tony_Blair';

export function posePhoto(person: string, pose: Pose): string {
  return join(LIVENESS_FIXTURES, person, `${pose}.jpg`);
}

/** A person answering each step with the photo of the asked pose, and `frontal` otherwise. */
export function honestAnswers(person: string, frontal: Pose = 'neutral'): (step: ChallengeStep) => Scene {
  return (step) => ({ path: posePhoto(person, step.action ? POSE_OF[step.action] : frontal) });
}

/** What the camera shows for a step: a photo file (and how it is placed), or nothing new. */
export interface Scene {
  path: string;
  options?: ShowOptions;
}

export interface ChallengeStep {
  status: 'neutral' | 'action' | 'return';
  step: number;
  action: Action | null;
}

/** The statuses at which the prompt asks the person for something. */
const ASKING = new Set<string | null>(['neutral', 'action', 'return']);

interface PromptState {
  status: string | null;
  step: string | null;
  action: string | null;
  pose: string | null;
  hidden: boolean;
}

/**
 * The prompt's attributes read in one go, or null when there is no prompt. One read, because the app
 * removes the prompt when a capture ends: a locator read of one attribute after another waits for an
 * element that is gone, and sat there until the test timed out (what looked like the app stalling).
 */
async function readPrompt(prompt: Locator): Promise<PromptState | null> {
  const states = await prompt.evaluateAll((elements) =>
    elements.map((element) => ({
      status: element.getAttribute('data-status'),
      step: element.getAttribute('data-step'),
      action: element.getAttribute('data-action'),
      pose: element.getAttribute('data-pose'),
      hidden: element.hasAttribute('hidden'),
    })),
  );
  return states[0] ?? null;
}

/**
 * Answers the challenge until `done` is visible: at each new step shows what `respond` returns for it,
 * and takes a screenshot named after the step. Returns the steps seen, in order.
 */
export async function answerChallenge(
  page: Page,
  camera: ScriptedCamera,
  respond: (step: ChallengeStep) => Scene,
  done: Locator,
  testInfo: TestInfo,
  label: string,
): Promise<ChallengeStep[]> {
  const prompt = page.locator('fp-liveness-prompt');
  // An error that ends the session (not a refusal): fail with its message instead of waiting.
  const error = page.locator('fp-alert[tone="error"]:not([data-refusal])');
  const seen: ChallengeStep[] = [];
  let last = '';
  const deadline = Date.now() + CAPTURE_TIMEOUT;
  while (!(await done.isVisible())) {
    expect(Date.now(), `the challenge or its outcome within ${CAPTURE_TIMEOUT / 1000} s`).toBeLessThan(deadline);
    if (await error.isVisible()) throw new Error(`The app stopped with an error: ${await error.first().textContent()}`);
    const shown = await readPrompt(prompt);
    if (!shown || shown.hidden || !ASKING.has(shown.status)) {
      await page.waitForTimeout(100);
      continue;
    }
    const step: ChallengeStep = {
      status: shown.status as ChallengeStep['status'],
      step: Number(shown.step),
      action: (shown.action as Action | null) ?? null,
    };
    const key = `${step.status}-${step.step}`;
    if (key !== last) {
      last = key;
      seen.push(step);
      const scene = respond(step);
      await camera.show(scene.path, scene.options);
      const name = `${label}-${seen.length}-${step.status}${step.action ? `-${step.action}` : ''}.png`;
      const path = testInfo.outputPath(name);
      await page.screenshot({ path });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    }
    await page.waitForTimeout(100);
  }
  const pose = (await readPrompt(prompt))?.pose ?? null;
  const summary = `${seen.map((s) => `${s.status}:${s.action ?? ''}`).join(' ')}; last pose ${pose}`;
  testInfo.annotations.push({ type: `${label}: steps`, description: summary });
  console.log(`${label}: ${summary}`);
  return seen;
}

/** Turns the liveness check off in Settings and waits until the choice is stored. */
export async function turnLivenessOff(page: Page): Promise<void> {
  await page.goto('/#/settings');
  await page.getByLabel('Ask for head movements (recommended)').uncheck();
  await expect(page.locator('[data-state="liveness-off"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
}
