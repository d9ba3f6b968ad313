// In Chromium: the FaceTracker on a synthetic camera (an LFW photo drawn moving on a 480×360 canvas,
// handed over as an ImageBitmap like a camera frame). Publishes its measurement on window.trackerBench.
import { FaceEngine, FaceTracker } from '../../src/engine/index';
import photoUrl from '../../tests/fixtures/lfw/lfw-deepfunneled/Abel_Pacheco/Abel_Pacheco_0001.jpg?url';

const FRAMES = 30;

async function run() {
  const engine = await FaceEngine.create({ modelBaseUrl: '/models/' });
  const photo = await createImageBitmap(await (await fetch(photoUrl)).blob());
  const canvas = new OffscreenCanvas(480, 360);
  const context = canvas.getContext('2d')!;
  const tracker = new FaceTracker(engine);
  const tracked: number[] = [];
  let detections = 0;
  for (let i = 0; i < FRAMES; i++) {
    context.fillStyle = '#606060';
    context.fillRect(0, 0, 480, 360);
    context.drawImage(photo, 115 + 20 * Math.sin(i / 4), 55 + 8 * Math.sin(i / 7));
    const frame = await createImageBitmap(canvas);
    const start = performance.now();
    const result = await tracker.next(frame);
    const ms = performance.now() - start;
    frame.close();
    if (!result) throw new Error('no face in the synthetic frame');
    if (result.detected) detections++;
    else tracked.push(ms);
  }
  const sorted = [...tracked].sort((a, b) => a - b);
  const medianMs = sorted[sorted.length >> 1]!;
  return {
    adapter: engine.describeAdapter(),
    frames: FRAMES,
    detections,
    trackedFrames: tracked.length,
    trackedMedianMs: Math.round(medianMs),
    trackedP90Ms: Math.round(sorted[Math.floor(0.9 * (sorted.length - 1))]!),
    trackedFramesPerSecond: Math.round((1000 / medianMs) * 10) / 10,
  };
}

declare global {
  interface Window {
    trackerBench?: { result?: unknown; error?: string };
  }
}

window.trackerBench = {};
run().then(
  (result) => {
    window.trackerBench = { result };
    document.getElementById('status')!.textContent = 'done';
  },
  (error: unknown) => {
    window.trackerBench = { error: String(error instanceof Error ? error.stack : error) };
    document.getElementById('status')!.textContent = 'failed';
  },
);
