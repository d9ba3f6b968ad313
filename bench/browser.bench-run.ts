// Browser benchmark (npm run bench:browser): what a person waits for in Chromium on this machine, through
// the app's own per-frame calls (bench/browser/bench-page.ts), against face-api's WASM SSD pipeline on
// the same frame in the same run. Three fresh browsers, one per phase, so each cold start is a first
// visit: enroll (5 samples of one photo), verify (a returning visitor: load, then frames until the
// consensus decision, against the enrolled template, another photo of the same person), face-api.
// Writes JSON and markdown under bench/results/. A benchmark, not a test: nothing here can fail a build.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { createServer } from 'vite';
import { it } from 'vitest';
import { CHROMIUM, WEBGPU_FLAGS } from '../e2e/helpers/camera';
import type { EnrollResult, FaceApiResult, FrameTiming, VerifyResult } from './browser/bench-page';
import { fmt, markdownTable } from './timing';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT ?? 4346);
/** Frames face-api runs after its first one (its first is the cold start). */
const FACE_API_FRAMES = Number(process.env.BENCH_SAMPLES ?? 7);
const ENROLL_PHOTO = '/e2e/fixtures/Colin_Powell_0002.jpg';
const VERIFY_PHOTO = '/e2e/fixtures/Colin_Powell_0005.jpg';
const calibration = JSON.parse(readFileSync(join(root, 'src/calibration/lfw-calibration.json'), 'utf8')) as {
  threshold: number;
};

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

it('browser benchmark: time to first decision, per frame, enrollment; face-api WASM on the same frame', async () => {
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
    const enroll = (await inFreshBrowser((page) =>
      page.evaluate((photo) => window.faceprintBench.enroll(photo), ENROLL_PHOTO),
    )) as EnrollResult;
    const verify = (await inFreshBrowser((page) =>
      page.evaluate(([photo, template, threshold]) => window.faceprintBench.verify(photo, template, threshold), [
        VERIFY_PHOTO,
        enroll.template,
        calibration.threshold,
      ] as const),
    )) as VerifyResult;
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

    const ours = { enroll: frameRows(enroll.frames), verify: frameRows(verify.frames) };
    const oursFrame = stats([...enroll.frames, ...verify.frames].filter((f) => f.passed).map((f) => f.totalMs));
    const oursEmbed = stats([...enroll.frames, ...verify.frames].filter((f) => f.passed).map((f) => f.embedMs));
    const apiFrame = stats(faceApi.fullFrameMs);
    const apiDescriptor = stats(faceApi.descriptorMs);
    const result = {
      date: new Date().toISOString(),
      chromium: chromiumVersion,
      software: enroll.software && verify.software,
      cores: (await import('node:os')).cpus().length,
      threshold: calibration.threshold,
      ours: {
        enroll: {
          loadMs: enroll.loadMs,
          coldToFirstDescriptorMs: enroll.coldToFirstDescriptorMs,
          enrollMs: enroll.enrollMs,
          ...ours.enroll,
          frames: enroll.frames,
        },
        verify: {
          loadMs: verify.loadMs,
          timeToFirstDecisionMs: verify.timeToFirstDecisionMs,
          decisionMs: verify.decisionMs,
          outcome: verify.outcome,
          distance: verify.distance,
          ...ours.verify,
          frames: verify.frames,
        },
        frame: oursFrame,
        embed: oursEmbed,
      },
      faceApi: { ...faceApi, fullFrame: apiFrame, descriptor: apiDescriptor },
    };

    const ratio = (a: number, b: number) => (a / b).toFixed(1);
    const table = markdownTable(
      ['', 'Faceprint', 'face-api WASM SSD', 'ratio'],
      [
        [
          'cold start to first descriptor (ms)',
          fmt(enroll.coldToFirstDescriptorMs),
          fmt(faceApi.coldToFirstDescriptorMs),
          ratio(enroll.coldToFirstDescriptorMs, faceApi.coldToFirstDescriptorMs),
        ],
        [
          `full frame, median (ms; ours n=${oursFrame.samples}, face-api n=${apiFrame.samples})`,
          fmt(oursFrame.medianMs),
          fmt(apiFrame.medianMs),
          ratio(oursFrame.medianMs, apiFrame.medianMs),
        ],
        [
          `descriptor, median (ms; n=${oursEmbed.samples} / ${apiDescriptor.samples})`,
          fmt(oursEmbed.medianMs),
          fmt(apiDescriptor.medianMs),
          ratio(oursEmbed.medianMs, apiDescriptor.medianMs),
        ],
      ],
    );
    const appTable = markdownTable(
      ['what a person waits for', 'ms'],
      [
        ['engine load, first visit (enroll browser / verify browser)', `${fmt(enroll.loadMs)} / ${fmt(verify.loadMs)}`],
        ['enrollment: first frame to 5th sample', fmt(enroll.enrollMs)],
        ['enrollment incl. engine load', fmt(enroll.loadMs + enroll.enrollMs)],
        [
          `time to first decision (load + ${verify.frames.length} frames; ${verify.outcome}, distance ${verify.distance.toFixed(3)})`,
          fmt(verify.timeToFirstDecisionMs),
        ],
        ['decision from the first frame', fmt(verify.decisionMs)],
        ['first frame after load (analyse + embed)', fmt(ours.verify.firstFrameMs)],
        [
          `analyse per frame, median (n=${ours.enroll.analyze.samples + ours.verify.analyze.samples})`,
          fmt(stats([...enroll.frames, ...verify.frames].map((f) => f.analyzeMs)).medianMs),
        ],
      ],
    );
    const markdown = [
      `# Browser benchmark ${result.date}`,
      '',
      `Chromium ${chromiumVersion}, WebGPU ${result.software ? 'in software (SwiftShader)' : 'on a GPU'}, ${result.cores} cores on the machine; face-api backend ${faceApi.backend}.`,
      'One 640×480 frame (an LFW photo scaled to the frame height on grey), fresh browser per phase.',
      '',
      appTable,
      '',
      table,
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
