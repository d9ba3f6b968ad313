// Shared test plumbing: a guard that fails a test when any request leaves the app's origin or the
// Content-Security-Policy blocks something, browsers with a given camera scene, and the steps most
// tests take through the app.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, chromium, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { launchOptions, type CameraOptions, type Scene } from './camera';
import { OWNER_PASSPHRASE, passOwnerDialog } from './owner';

const here = dirname(fileURLToPath(import.meta.url));

/** Loading the models and compiling every GPU pipeline on SwiftShader (about 45 s on 2 cores). */
export const ENGINE_TIMEOUT = 8 * 60_000;
/**
 * Enough analysed frames for an enrollment (5 samples) or a decision (3 frames) on SwiftShader, where
 * one frame's detection, landmarks and embedding take about 25 s on 2 cores.
 */
export const CAPTURE_TIMEOUT = 8 * 60_000;

/**
 * The calibration the app uses in these tests: Chromium here runs WebGPU on SwiftShader, on the
 * processor, so the app runs its software pipeline and that pipeline's calibration file.
 */
export const CALIBRATION: { modelId: string; source: string; threshold: number; pipeline: string } = JSON.parse(
  readFileSync(join(here, '..', '..', 'src', 'calibration', 'lfw-calibration-software.json'), 'utf8'),
);
/** The pipeline the app runs in these tests (src/app/engine-facade.ts PIPELINES.software). */
export const SOFTWARE_PIPELINE = 'tiny-as-centre-refine-chip-flip';
export const MODEL_ID = CALIBRATION.modelId;

/** A threshold as the app shows it everywhere: 4 decimals at most, trailing zeros dropped, 2 at least. */
export function shownThreshold(threshold: number): string {
  const trimmed = threshold.toFixed(4).replace(/0+$/, '');
  return trimmed.length - trimmed.indexOf('.') - 1 >= 2 ? trimmed : threshold.toFixed(2);
}
export const VECTOR_LENGTH = 128;

/** Records every request that leaves the origin, and every Content-Security-Policy violation. */
export class OriginGuard {
  readonly foreign: string[] = [];
  readonly violations: string[] = [];

  constructor(private readonly origin: string) {}

  watch(context: BrowserContext): void {
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${this.origin}/`) && !/^(data|blob|about):/.test(url)) this.foreign.push(url);
    });
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) this.violations.push(message.text());
    });
  }

  check(): void {
    expect(this.foreign, 'requests that left the app origin').toEqual([]);
    expect(this.violations, 'Content-Security-Policy violations').toEqual([]);
  }
}

export const test = base.extend<{ guard: OriginGuard }>({
  guard: [
    async ({ context, baseURL }, use) => {
      const guard = new OriginGuard(new URL(baseURL!).origin);
      guard.watch(context);
      await use(guard);
      guard.check();
    },
    { auto: true },
  ],
});

export { expect };

/**
 * A browser profile in `userDataDir` whose camera shows `scene`. Profiles persist IndexedDB and the
 * service worker, so a later launch on the same folder with another scene is the same "device"
 * looking at someone else.
 */
export async function launchProfile(
  userDataDir: string,
  scene: Scene,
  testInfo: TestInfo,
  guard: OriginGuard,
  camera: CameraOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...launchOptions(scene, camera),
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 1280, height: 860 },
  });
  guard.watch(context);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

export async function waitForEngine(page: Page): Promise<void> {
  await expect(page.locator('[data-engine="ready"]')).toBeVisible({ timeout: ENGINE_TIMEOUT });
}

/**
 * Enrolls `name` from the camera with liveness already off, at `app` (the address before the hash):
 * waits for the engine, starts the capture, passes the owner dialog and waits for the confirmation.
 */
export async function enrollFromCamera(page: Page, app: string, name: string): Promise<void> {
  await page.goto(`${app}#/enroll`);
  await waitForEngine(page);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Start capture' }).click();
  await passOwnerDialog(page);
  await expect(page.locator('[data-state="enrolled"]')).toBeVisible({ timeout: CAPTURE_TIMEOUT });
}

/** Starts a verification from the view's setup form: 1:1 against `claim`, or 1:N when null. */
export async function startVerification(page: Page, claim: string | null): Promise<void> {
  // Leave and re-enter the view so that it starts from its setup form.
  await page.goto('/#/people');
  await page.goto('/#/verify');
  if (claim) {
    await page.getByLabel('Is this a particular person? Check a claimed identity.').check();
    await page.getByLabel('Person', { exact: true }).selectOption({ label: claim });
  } else {
    await page.getByLabel('Who is this? Compare with everyone enrolled.').check();
  }
  await page.getByRole('button', { name: 'Start verification' }).click();
}

/** Runs one verification and returns the decision card once a decision is shown. */
export async function verify(page: Page, claim: string | null) {
  await startVerification(page, claim);
  // A decision, or an error that ends the session (then the test fails showing the message).
  const card = page.locator('fp-decision-card[outcome$="match"]');
  const failure = page.locator('fp-verify-view fp-alert[tone="error"]');
  await expect(card.or(failure)).toBeVisible({ timeout: CAPTURE_TIMEOUT });
  await expect(failure).toHaveCount(0);
  return card;
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export interface SeedPerson {
  name: string;
  samples: number;
}

/** An export file with made-up vectors (deterministic), for tests that need people but no camera. */
export function exportFile(people: SeedPerson[], overrides: Record<string, unknown> = {}) {
  let seed = 7;
  const random = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32 - 0.5;
  };
  const time = '2026-11-01T10:00:00.000Z';
  return {
    format: 'faceprint-enrollments',
    version: 1,
    exportedAt: time,
    modelId: MODEL_ID,
    vectorLength: VECTOR_LENGTH,
    people: people.map((person) => ({
      id: `person-${slug(person.name)}`,
      name: person.name,
      createdAt: time,
      updatedAt: time,
      samples: Array.from({ length: person.samples }, (_, s) => ({
        id: `sample-${slug(person.name)}-${s + 1}`,
        capturedAt: time,
        vector: Array.from({ length: VECTOR_LENGTH }, () => Math.fround(random() * 0.2)),
      })),
    })),
    ...overrides,
  };
}

/**
 * Imports a plain (version 1) file through People's Import button, as a person would: a file the app
 * refuses shows its error; an accepted one asks to go ahead with an unsealed file, then for the owner
 * (set up with OWNER_PASSPHRASE if there is none).
 */
export async function importFile(
  page: Page,
  contents: string | object,
  name = 'enrollments.json',
  passphrase = OWNER_PASSPHRASE,
): Promise<void> {
  await page.goto('/#/people');
  const buffer = Buffer.from(typeof contents === 'string' ? contents : JSON.stringify(contents));
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer });
  const warning = page.getByRole('dialog', { name: 'This file is not sealed' });
  const refused = page.locator('fp-people-view fp-alert[tone="error"]');
  await expect(warning.or(refused)).toBeVisible();
  if (await refused.isVisible()) return;
  await warning.getByRole('button', { name: 'Import anyway' }).click();
  await passOwnerDialog(page, passphrase);
}

/** The people listed on the People page, as "name: N samples". */
export async function listedPeople(page: Page): Promise<string[]> {
  await page.goto('/#/people');
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  const items = page.locator('li[data-person]');
  const result: string[] = [];
  for (const item of await items.all()) {
    const name = await item.getAttribute('data-person');
    const samples = await item.locator('[data-samples]').getAttribute('data-samples');
    result.push(`${name}: ${samples} samples`);
  }
  return result;
}
