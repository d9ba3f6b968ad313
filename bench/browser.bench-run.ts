// Browser benchmark (npm run bench:browser): what a person waits for in Chromium on this machine, through
// the app's own per-frame calls (bench/browser/bench-page.ts), for both of the app's pipelines (the GPU
// one, which software adapters ran before the fast path, and the software one), against face-api's WASM
// SSD pipeline on the same frame in the same run. A fresh browser per phase, so each cold start is a
// first visit: enroll (5 samples of one photo), verify (a returning visitor: load, then frames until the
// consensus decision, against the enrolled template, another photo of the same person), face-api.
// Writes JSON and markdown under bench/results/. A benchmark, not a test: nothing here can fail a build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { createServer } from 'vite';
import { it } from 'vitest';
import { CHROMIUM, WEBGPU_FLAGS } from '../e2e/helpers/camera';
import type { EnrollResult, FaceApiResult, FrameTiming, PipelineName, VerifyResult } from './browser/bench-page';
import { PIPELINES } from '../src/app/engine-facade';
import { calibrationFor } from '../src/calibration/calibration';
import { fmt, markdownTable } from './timing';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT ?? 4346);
/** Frames face-api runs after its first one (its first is the cold start). */
const FACE_API_FRAMES = Number(process.env.BENCH_SAMPLES ?? 7);
const ENROLL_PHOTO = '/e2e/fixtures/Colin_Powell_0002.jpg';
const VERIFY_PHOTO = '/e2e/fixtures/Colin_Powell_0005.jpg';
/** Both of the app's pipelines (src/app/engine-facade.ts PIPELINES), the GPU one first. */
const PIPELINE_NAMES: PipelineName[] = ['gpu', 'software'];

interface Stats {
  medianMs: number;
  minMs: number;
  maxMs: number;
  samples: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    minMs: sorted[0] ?? NaN,
    maxMs: sorted.at(-1) ?? NaN,
    samples: sorted.length,
  };
}

/** Runs `phase` in the bench page of a fresh browser (fresh profile: nothing compiled or cached before). */
async function inFreshBrowser<T>(phase: (page: import('@playwright/test').Page) => Promise<T>): Promise<T> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: WEBGPU_FLAGS });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[page] ${message.text()}`);
    });
    await page.goto(`http://localhost:${PORT}/bench/browser/index.html`);
    await page.waitForFunction(() => 'faceprintBench' in window, undefined, { timeout: 120_000 });
    return await phase(page);
  } finally {
    await browser.close();
  }
}

const frameRows = (frames: FrameTiming[]) => {
  const passed = frames.filter((f) => f.passed);
  return {
    frame: stats(passed.map((f) => f.totalMs)),
    analyze: stats(frames.map((f) => f.analyzeMs)),
    embed: stats(passed.map((f) => f.embedMs)),
    firstFrameMs: frames[0]?.totalMs ?? NaN,
  };
};

interface PipelineRun {
  name: PipelineName;
  threshold: number;
  enroll: EnrollResult;
  verify: VerifyResult;
}

/** One pipeline's enrollment and verification, each in a fresh browser. */
async function runPipeline(name: PipelineName): Promise<PipelineRun> {
  const { threshold } = calibrationFor(PIPELINES[name].id);
  const enroll = (await inFreshBrowser((page) =>
    page.evaluate(([photo, pipeline]) => window.faceprintBench.enroll(photo, pipeline), [ENROLL_PHOTO, name] as const),
  )) as EnrollResult;
  const verify = (await inFreshBrowser((page) =>
    page.evaluate(
      ([photo, template, limit, pipeline]) => window.faceprintBench.verify(photo, template, limit, pipeline),
      [VERIFY_PHOTO, enroll.template, threshold, name] as const,
    ),
  )) as VerifyResult;
  return { name, threshold, enroll, verify };
}

function summary({ name, threshold, enroll, verify }: PipelineRun) {
  const frames = [...enroll.frames, ...verify.frames];
  const passed = frames.filter((f) => f.passed);
  return {
    name,
    pipeline: enroll.pipeline,
    threshold,
    enroll: { ...enroll, ...frameRows(enroll.frames), template: undefined },
    verify: { ...verify, ...frameRows(verify.frames) },
    frame: stats(passed.map((f) => f.totalMs)),
    embed: stats(passed.map((f) => f.embedMs)),
    detectedFrame: stats(frames.filter((f) => f.detected).map((f) => f.analyzeMs)),
    trackedFrame: stats(frames.filter((f) => !f.detected).map((f) => f.analyzeMs)),
  };
}

it('browser benchmark: time to first decision, per frame, enrollment, both pipelines; face-api WASM on the same frame', async () => {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    server: { port: PORT, strictPort: true },
    // Every dependency is found and pre-bundled before the page loads (a late discovery reloads the page).
    optimizeDeps: { entries: ['bench/browser/index.html'], include: ['@vladmandic/face-api'] },
  });
  await server.listen();
  try {
    const runs: PipelineRun[] = [];
    for (const name of PIPELINE_NAMES) runs.push(await runPipeline(name));
    const faceApi = (await inFreshBrowser((page) =>
      page.evaluate(
        ([photo, frames]) =>
          window.faceprintBench.faceApi(photo, '/node_modules/@tensorflow/tfjs-backend-wasm/dist/', '/models/', frames),
        [VERIFY_PHOTO, FACE_API_FRAMES] as const,
      ),
    )) as FaceApiResult;

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: WEBGPU_FLAGS });
    const chromiumVersion = browser.version();
    await browser.close();

    const summaries = runs.map(summary);
    const apiFrame = stats(faceApi.fullFrameMs);
    const apiDescriptor = stats(faceApi.descriptorMs);
    const result = {
      date: new Date().toISOString(),
      chromium: chromiumVersion,
      software: runs.every((run) => run.enroll.software && run.verify.software),
      cores: (await import('node:os')).cpus().length,
      ours: summaries,
      faceApi: { ...faceApi, fullFrame: apiFrame, descriptor: apiDescriptor },
    };

    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    const [before, after] = summaries as [ReturnType<typeof summary>, ReturnType<typeof summary>];
    const row = (label: string, pick: (s: ReturnType<typeof summary>) => number, api?: number) => [
      label,
      fmt(pick(before)),
      fmt(pick(after)),
      ratio(pick(after), pick(before)),
      api === undefined ? '' : fmt(api),
    ];
    const appTable = markdownTable(
      [
        'what a person waits for (ms)',
        `${before.name}: ${before.pipeline}`,
        `${after.name}: ${after.pipeline}`,
        `${after.name} / ${before.name}`,
        'face-api WASM SSD',
      ],
      [
        row('engine load, first visit (enroll browser)', (s) => s.enroll.loadMs, faceApi.loadMs),
        row('cold start to first descriptor', (s) => s.enroll.coldToFirstDescriptorMs, faceApi.coldToFirstDescriptorMs),
        row('enrollment: first frame to 5th sample', (s) => s.enroll.enrollMs),
        row('enrollment incl. engine load', (s) => s.enroll.loadMs + s.enroll.enrollMs),
        row('time to first decision (load + frames to a 3-frame consensus)', (s) => s.verify.timeToFirstDecisionMs),
        row('decision from the first frame', (s) => s.verify.decisionMs),
        row('first frame after load (analyse + embed)', (s) => s.verify.firstFrameMs),
        row('full frame with a descriptor, median', (s) => s.frame.medianMs, apiFrame.medianMs),
        row('analyse, detector frames, median', (s) => s.detectedFrame.medianMs),
        row('analyse, tracked frames, median', (s) => s.trackedFrame.medianMs),
        row('descriptor, median', (s) => s.embed.medianMs, apiDescriptor.medianMs),
      ],
    );
    const outcomes = summaries
      .map(
        (s) =>
          `${s.name}: verify decided "${s.verify.outcome}" at distance ${s.verify.distance.toFixed(3)} (threshold ${s.threshold}) after ${s.verify.frames.length} frames; ` +
          `enrollment took ${s.enroll.frames.length} frames (${s.enroll.frames.filter((f) => f.detected).length} with the detector); ` +
          `samples: frame n=${s.frame.samples}, detector n=${s.detectedFrame.samples}, tracked n=${s.trackedFrame.samples}.`,
      )
      .join('\n');
    const markdown = [
      `# Browser benchmark ${result.date}`,
      '',
      `Chromium ${chromiumVersion}, WebGPU ${result.software ? 'in software (SwiftShader)' : 'on a GPU'}, ${result.cores} cores on the machine; face-api backend ${faceApi.backend}.`,
      'One 640×480 frame (an LFW photo scaled to the frame height on grey), fresh browser per phase; both of the',
      "app's pipelines in the same run (the GPU one is what software adapters ran before the fast path).",
      '',
      appTable,
      '',
      outcomes,
      '',
      `face-api: full frame n=${apiFrame.samples}, descriptor n=${apiDescriptor.samples}.`,
      '',
    ].join('\n');
    const stamp = result.date.replace(/[:.]/g, '-');
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, `bench/results/browser-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(root, `bench/results/browser-${stamp}.md`), markdown);
    console.log(markdown);
  } finally {
    await server.close();
  }
});
