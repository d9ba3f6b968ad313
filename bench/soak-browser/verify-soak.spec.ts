// The browser soak (npm run soak:browser; not part of npm test): one page, one engine, SOAK_FRAMES
// (default 1,000) camera frames through the verify view, as "Verify again" is pressed over and over on a
// person enrolled from the same camera (liveness off: Chromium's fake camera is a still photo, and an
// accepted face keeps the attempt limit out of the way). Every SAMPLE_EVERY decisions it records the JS
// heap after a full garbage collection (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage) and the
// engine's GPU objects (the ?test-hooks door, src/app/test-hooks.ts). GPU buffers must stay exactly flat;
// the heap's slope is reported, and heap snapshots at the first settled sample and at the end name what
// grew in between (heap-census.ts). Results: bench/results/soak-browser-<date>.{json,md}.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { CAPTURE_TIMEOUT, enrollFromCamera, expect, test } from '../../e2e/helpers/app';
import { turnLivenessOff } from '../../e2e/helpers/liveness';
import type {} from '../../src/app/test-hooks';
import { slope } from '../timing';
import { censusGrowth, heapCensus, type Census, type Growth } from './heap-census';

const FRAMES = Number(process.env.SOAK_FRAMES ?? 1000);
/** Frames that agree for one decision with liveness off (src/app/logic/decision.ts CONSENSUS_FRAMES). */
const FRAMES_PER_DECISION = 3;
const DECISIONS = Math.ceil(FRAMES / FRAMES_PER_DECISION);
const SAMPLE_EVERY = Math.max(1, Math.floor(DECISIONS / 50));
const PERSON = 'Colin Powell';
const APP = '/?test-hooks';
const results = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

interface Sample {
  decisions: number;
  seconds: number;
  heapBytes: number;
  buffers: number;
  bufferBytes: number;
  textures: number;
  pipelines: number;
}

/** Blink's native kinds spell out their template arguments: the table keeps the start (the JSON has it whole). */
const shortKind = (kind: string) => (kind.length > 80 ? `${kind.slice(0, 79)}…` : kind);

/** Waits for the running check's decision: a match (anything else ends the soak with its message). */
async function decided(page: Page): Promise<void> {
  const card = page.locator('fp-decision-card[outcome="match"]');
  const failure = page.locator('fp-verify-view fp-alert[tone="error"], fp-decision-card[outcome="no-match"]');
  await expect(card.or(failure)).toBeVisible({ timeout: CAPTURE_TIMEOUT });
  await expect(failure).toHaveCount(0);
}

test(`soak: ${FRAMES} frames through the verify view`, async ({ page }) => {
  await turnLivenessOff(page);
  await enrollFromCamera(page, APP, PERSON);
  await page.goto(`${APP}#/verify`);
  await page.getByLabel('Is this a particular person? Check a claimed identity.').check();
  await page.getByLabel('Person', { exact: true }).selectOption({ label: PERSON });
  await page.getByRole('button', { name: 'Start verification' }).click();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const started = performance.now();
  const samples: Sample[] = [];
  const sample = async (decisions: number) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const gpu = await page.evaluate(() => window.__faceprintTest!.gpuResources());
    samples.push({ decisions, seconds: (performance.now() - started) / 1000, heapBytes: usedSize, ...gpu });
  };
  // Heap snapshots at the first settled sample and at the end name what grew in between.
  let settledCensus: Census | undefined;
  let growth: Growth[] = [];
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  mkdirSync(results, { recursive: true });
  // Written at every sample, so a run stopped early still leaves what it measured.
  const report = (finished: boolean) => {
    const done = samples.at(-1)!.decisions;
    const settled = samples.filter((s) => s.decisions >= SAMPLE_EVERY);
    const secondHalf = settled.slice(Math.floor(settled.length / 2));
    const range = (key: keyof Sample) => [
      Math.min(...settled.map((s) => s[key])),
      Math.max(...settled.map((s) => s[key])),
    ];
    // Each decision took at least FRAMES_PER_DECISION frames (more when one failed a quality gate).
    const frames = done * FRAMES_PER_DECISION;
    const summary = {
      frames,
      decisions: done,
      of: DECISIONS,
      finished,
      seconds: samples.at(-1)!.seconds,
      buffers: range('buffers'),
      bufferBytes: range('bufferBytes'),
      textures: range('textures'),
      pipelines: range('pipelines'),
      heapMiB: range('heapBytes').map((b) => b / 2 ** 20),
      heapSlopeBytesPerDecision: slope(
        secondHalf.map((s) => s.decisions),
        secondHalf.map((s) => s.heapBytes),
      ),
    };
    writeFileSync(join(results, `soak-browser-${stamp}.json`), JSON.stringify({ summary, samples, growth }, null, 1));
    writeFileSync(
      join(results, `soak-browser-${stamp}.md`),
      [
        `# Browser soak: at least ${frames} frames (${done} of ${DECISIONS} decisions of ${FRAMES_PER_DECISION} agreeing frames${finished ? '' : ', still running or stopped'}) through the verify view (${summary.seconds.toFixed(0)} s)`,
        '',
        `One page and one engine in Chromium (WebGPU on SwiftShader); "Verify again" after each decision; a full GC before each of the ${samples.length} samples.`,
        '',
        '| after the first decisions | min | max |',
        '|---|---|---|',
        `| GPU buffers | ${summary.buffers.join(' | ')} |`,
        `| GPU buffer bytes | ${summary.bufferBytes.join(' | ')} |`,
        `| textures | ${summary.textures.join(' | ')} |`,
        `| pipelines | ${summary.pipelines.join(' | ')} |`,
        `| JS heap after GC (MiB) | ${summary.heapMiB.map((v) => v.toFixed(1)).join(' | ')} |`,
        '',
        `JS heap slope over the second half of the samples: ${summary.heapSlopeBytesPerDecision.toFixed(1)} bytes per decision.`,
        '',
        ...(growth.length
          ? [
              `What grew from decision ${SAMPLE_EVERY} to the last (heap snapshots):`,
              '',
              '| kind | count | bytes |',
              '|---|---|---|',
              ...growth.map((g) => `| ${shortKind(g.kind)} | ${g.count.join(' → ')} | ${g.bytes.join(' → ')} |`),
              '',
            ]
          : []),
      ].join('\n'),
    );
    return summary;
  };
  for (let decisions = 1; decisions <= DECISIONS; decisions++) {
    await decided(page);
    // The card stays until the next decision replaces it; sampling happens while the camera is idle.
    if (decisions === 1 || decisions % SAMPLE_EVERY === 0 || decisions === DECISIONS) {
      await sample(decisions);
      if (decisions === SAMPLE_EVERY) settledCensus = await heapCensus(cdp);
      if (decisions >= SAMPLE_EVERY && decisions < DECISIONS) report(false);
    }
    if (decisions < DECISIONS) {
      await page.getByRole('button', { name: 'Verify again' }).click();
      await expect(page.locator('fp-decision-card')).toHaveCount(0);
    }
  }
  if (settledCensus) growth = censusGrowth(settledCensus, await heapCensus(cdp));
  const summary = report(true);
  console.log('browser soak summary', JSON.stringify(summary));
  expect(summary.buffers[0], 'GPU buffers flat').toBe(summary.buffers[1]);
  expect(summary.bufferBytes[0], 'GPU bytes flat').toBe(summary.bufferBytes[1]);
  expect(summary.textures[0], 'textures flat').toBe(summary.textures[1]);
  expect(summary.pipelines[0], 'pipelines flat').toBe(summary.pipelines[1]);
});
