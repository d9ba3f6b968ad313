import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { REQUIRED_SAMPLES } from '../src/app/logic/enrollment';
import { OriginGuard } from './helpers/app';
import { answerChallenge, honestAnswers, LIVENESS_PERSON, posePhoto, type Scene } from './helpers/liveness';
import { ScriptedCamera, installScriptedCamera } from './helpers/scripted-camera';

// faceprint/elements on someone else's page: e2e/library-page/build.sh installs the packed tarball in a
// throw-away project and builds that folder's page with vite; the page is served here, from its own
// origin and port (not the app's server), with the models it copied. One person enrolls through
// <fp-enroll> and is verified through <fp-verify>, with liveness on (the elements' default), answering the
// challenge with the committed pose photos; the test reads the events the page heard.
const PERSON = LIVENESS_PERSON;
const NAME = PERSON.replace(/_/g, ' ');
const neutral: Scene = { path: posePhoto(PERSON, 'neutral') };
const honest = honestAnswers(PERSON);

let server: ChildProcess | undefined;
let origin = '';

/** A port no one listens on now, picked by the OS: two runs at once never get the same one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  const project = execFileSync('bash', [fileURLToPath(new URL('library-page/build.sh', import.meta.url))], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // The project's own vite, run directly (not through npx) so that killing this one process stops it.
  server = spawn(
    process.execPath,
    [
      join(project, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      `${port}`,
      '--strictPort',
    ],
    { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await expect
    .poll(
      () =>
        fetch(`${origin}/`).then(
          (response) => response.ok,
          () => false,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
});

test.afterAll(() => {
  server?.kill();
});

test('a page of its own enrolls and verifies through <fp-enroll> and <fp-verify>', async ({ page }, testInfo) => {
  const guard = new OriginGuard(origin);
  guard.watch(page.context());
  await installScriptedCamera(page);
  const camera = new ScriptedCamera(page);
  await page.goto(`${origin}/`);
  await camera.show(neutral.path);

  const enroll = page.locator('fp-enroll');
  await expect(enroll.getByLabel('Name', { exact: true })).toHaveValue(NAME);
  await enroll.getByRole('button', { name: 'Start capture' }).click();
  const enrolled = page.locator('#events [data-event="fp-enrolled"]');
  const failure = page.locator('fp-alert[tone="error"]');
  await answerChallenge(page, camera, honest, enrolled.or(failure), testInfo, 'enroll');
  await expect(failure).toHaveCount(0);
  await expect(enrolled).toHaveAttribute('data-name', NAME);
  await expect(enrolled).toHaveAttribute('data-samples', `${REQUIRED_SAMPLES}`);
  await expect(enroll.locator('[data-state="enrolled"]')).toContainText(`${NAME} is enrolled`);

  // The page set <fp-verify>'s person-id from the event: a 1:1 check against the person just enrolled.
  const verify = page.locator('fp-verify');
  await expect(verify.getByLabel('Person', { exact: true })).toHaveValue(/.+/);
  await camera.show(neutral.path);
  await verify.getByRole('button', { name: 'Start verification' }).click();
  const decided = page.locator('#events [data-event="fp-decision"]');
  await answerChallenge(page, camera, honest, decided.or(failure), testInfo, 'verify');
  await expect(failure).toHaveCount(0);
  await expect(decided).toHaveAttribute('data-outcome', 'match');
  await expect(decided).toHaveAttribute('data-name', NAME);
  await expect(decided).toHaveAttribute('data-mode', '1:1');
  await expect(decided).toHaveAttribute('data-liveness', 'passed');
  await expect(verify.locator('fp-decision-card')).toContainText(`Verified: this is ${NAME}`);

  const path = testInfo.outputPath('library-page.png');
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('library-page.png', { path, contentType: 'image/png' });
  guard.check();
});
