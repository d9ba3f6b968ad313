// The FaceTracker on a synthetic camera: an LFW photo pasted into a 480×360 frame and moved, frame by
// frame. Measures landmark frames/s of tracked frames (the landmark net alone) and where the loss test
// (src/engine/face-tracker.ts) fires: after a jump of the face by a fraction of its box, and on an empty frame.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { FaceTracker, type FaceEngine, type RgbaImage } from '../../src/engine/index';
import { boxFromLandmarks } from '../../src/engine/landmark-box';
import { decodeJpeg } from './landmark-source';

const FRAME = { width: 480, height: 360 };
const PHOTO = 'lfw-deepfunneled/George_W_Bush/George_W_Bush_0001.jpg';

function paste(photo: RgbaImage, x: number, y: number): RgbaImage {
  const data = new Uint8ClampedArray(FRAME.width * FRAME.height * 4).fill(96);
  for (let row = 0; row < photo.height; row++) {
    const ty = row + Math.round(y);
    if (ty < 0 || ty >= FRAME.height) continue;
    for (let col = 0; col < photo.width; col++) {
      const tx = col + Math.round(x);
      if (tx < 0 || tx >= FRAME.width) continue;
      const s = 4 * (row * photo.width + col);
      data.set(photo.data.subarray(s, s + 4), 4 * (ty * FRAME.width + tx));
    }
  }
  return { ...FRAME, data };
}

export async function trackerBench(engine: FaceEngine, lfw: string, resultsDir: string): Promise<void> {
  const photo = decodeJpeg(readFileSync(join(lfw, PHOTO)));
  const tracker = new FaceTracker(engine);
  const origin = { x: (FRAME.width - photo.width) / 2, y: (FRAME.height - photo.height) / 2 };
  // 1. Frame rate: the face drifts ±20 px horizontally, ±8 px vertically, like a person before a camera.
  const frames = 40;
  const tracked: number[] = [];
  let detections = 0;
  for (let i = 0; i < frames; i++) {
    const frame = paste(photo, origin.x + 20 * Math.sin(i / 4), origin.y + 8 * Math.sin(i / 7));
    const start = performance.now();
    const result = await tracker.next(frame);
    const ms = performance.now() - start;
    if (!result) throw new Error('tracker bench: no face found in the synthetic frame');
    if (result.detected) detections++;
    else tracked.push(ms);
  }
  const sorted = [...tracked].sort((a, b) => a - b);
  const medianMs = sorted[sorted.length >> 1]!;
  // 2. The loss test after a jump: track on the centred photo, then move it by a fraction of the box width.
  tracker.reset();
  const centred = paste(photo, origin.x, origin.y);
  const first = await tracker.next(centred);
  const reference = first!.face.landmarks;
  const boxWidth = boxFromLandmarks(reference).width;
  const jumps: { fraction: number; held: boolean; meanErrorPx: number | null }[] = [];
  for (const fraction of [0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0]) {
    tracker.follow(first!.face);
    const dx = fraction * boxWidth;
    const result = await tracker.next(paste(photo, origin.x + dx, origin.y));
    let error: number | null = null;
    if (result) {
      error = 0;
      for (let k = 0; k < 68; k++)
        error +=
          Math.hypot(
            result.face.landmarks[2 * k]! - reference[2 * k]! - dx,
            result.face.landmarks[2 * k + 1]! - reference[2 * k + 1]!,
          ) / 68;
    }
    jumps.push({
      fraction,
      held: !!result && !result.detected,
      meanErrorPx: error === null ? null : Math.round(error * 10) / 10,
    });
  }
  // 3. An empty frame: the track must be lost and nothing found.
  tracker.follow(first!.face);
  const empty = await tracker.next({ ...FRAME, data: new Uint8ClampedArray(FRAME.width * FRAME.height * 4).fill(96) });
  const report = {
    date: new Date().toISOString(),
    adapter: engine.describeAdapter(),
    // This machine's CPUs are shared: the 1-minute load average says how busy they were.
    machine: { cpus: cpus().length, loadAverage1m: Math.round(loadavg()[0]! * 10) / 10 },
    frame: FRAME,
    frames,
    detections,
    trackedFrames: tracked.length,
    trackedMedianMs: Math.round(medianMs),
    trackedFramesPerSecond: Math.round((1000 / medianMs) * 10) / 10,
    jumps,
    emptyFrameFound: empty !== null,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'liveness-tracker-node.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));
}
