// The page npm run bench:browser drives (bench/browser.bench-run.ts). It runs the app's own per-frame
// calls on one 640×480 frame, as the enroll and verify views do with a camera frame: createImageBitmap,
// FrameChecker.check (detection or tracking, landmarks, quality gates), then FaceService.embed for a
// frame that passes, and for verification the app's consensus rule, with the pipeline asked for. The same frame goes through face-api's WASM SSD
// pipeline for the ratio. Each phase runs in a fresh browser, so every cold start is a first visit.
import { FaceService, type PIPELINES } from '../../src/app/engine-facade';
import { FrameChecker } from '../../src/app/frame-check';
import { CONSENSUS_FRAMES, ConsensusTracker, verifyClaim } from '../../src/app/logic/decision';
import { REQUIRED_SAMPLES, SAMPLE_INTERVAL_MS } from '../../src/app/logic/enrollment';
import { ENROLL_THRESHOLDS, VERIFY_THRESHOLDS } from '../../src/app/logic/quality';
// Loaded with the page, so that the dev server's module transforms and face-api's script parsing are
// not timed as start-up: the timings start at model loading, for both.
import '../../src/engine/index';
import * as faceapi from '@vladmandic/face-api';

/** Frames tried before a phase gives up (a frame that never passes the gates would loop forever). */
const MAX_FRAMES = 40;

export type PipelineName = keyof typeof PIPELINES;

export interface FrameTiming {
  /** createImageBitmap + FrameChecker.check (detection or tracking, landmarks, quality). */
  analyzeMs: number;
  /** Whether the detector ran (false: the face was tracked). */
  detected: boolean;
  /** FaceService.embed; 0 when the frame did not pass the gates. */
  embedMs: number;
  totalMs: number;
  passed: boolean;
}

export interface EnrollResult {
  software: boolean;
  pipeline: string;
  loadMs: number;
  /** From the start of loading to the first descriptor. */
  coldToFirstDescriptorMs: number;
  /** From the first frame to the fifth stored sample (the capture part of an enrollment). */
  enrollMs: number;
  frames: FrameTiming[];
  template: number[];
}

export interface VerifyResult {
  software: boolean;
  pipeline: string;
  loadMs: number;
  /** From the start of loading to the decision (a returning visitor pressing Verify). */
  timeToFirstDecisionMs: number;
  /** From the first frame to the decision. */
  decisionMs: number;
  outcome: string;
  distance: number;
  frames: FrameTiming[];
}

export interface FaceApiResult {
  backend: string;
  loadMs: number;
  coldToFirstDescriptorMs: number;
  fullFrameMs: number[];
  descriptorMs: number[];
}

/** The photo scaled to the frame's height and centred on grey, as the e2e fake camera frames it. */
async function frameCanvas(photoUrl: string): Promise<HTMLCanvasElement> {
  const image = new Image();
  image.src = photoUrl;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = 'rgb(128 128 128)';
  ctx.fillRect(0, 0, 640, 480);
  const scale = Math.min(640 / image.width, 480 / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  ctx.drawImage(image, (640 - width) / 2, (480 - height) / 2, width, height);
  return canvas;
}

async function timedFrame(service: FaceService, checker: FrameChecker, canvas: HTMLCanvasElement) {
  const start = performance.now();
  const frame = await createImageBitmap(canvas);
  try {
    const { quality, single, detected } = await checker.check(frame);
    const analyzed = performance.now();
    const passed = Boolean(single && quality.passed);
    const embedding = passed ? await service.embed(frame, single!) : null;
    const end = performance.now();
    const timing: FrameTiming = {
      analyzeMs: analyzed - start,
      detected,
      embedMs: passed ? end - analyzed : 0,
      totalMs: end - start,
      passed,
    };
    return { timing, embedding };
  } finally {
    frame.close();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function enroll(photoUrl: string, pipeline: PipelineName): Promise<EnrollResult> {
  const canvas = await frameCanvas(photoUrl);
  const loadStart = performance.now();
  const service = await FaceService.load(undefined, pipeline);
  const loadMs = performance.now() - loadStart;
  const checker = new FrameChecker(service, ENROLL_THRESHOLDS);
  const frames: FrameTiming[] = [];
  const samples: Float32Array[] = [];
  let coldToFirstDescriptorMs = NaN;
  let lastSampleAt = -Infinity;
  const captureStart = performance.now();
  while (samples.length < REQUIRED_SAMPLES && frames.length < MAX_FRAMES) {
    const wait = lastSampleAt + SAMPLE_INTERVAL_MS - performance.now();
    if (wait > 0) await pause(wait);
    const { timing, embedding } = await timedFrame(service, checker, canvas);
    frames.push(timing);
    if (!embedding) continue;
    if (samples.length === 0) coldToFirstDescriptorMs = performance.now() - loadStart;
    samples.push(embedding.vector);
    lastSampleAt = performance.now();
  }
  const enrollMs = performance.now() - captureStart;
  if (samples.length < REQUIRED_SAMPLES)
    throw new Error(`Only ${samples.length} of ${frames.length} frames passed the enrollment gates.`);
  const template = Array.from(
    samples[0]!,
    (_, i) => samples.reduce((sum, sample) => sum + sample[i]!, 0) / samples.length,
  );
  const software = service.runsInSoftware;
  service.dispose();
  return { software, pipeline: service.pipeline.id, loadMs, coldToFirstDescriptorMs, enrollMs, frames, template };
}

async function verify(
  photoUrl: string,
  template: number[],
  threshold: number,
  pipeline: PipelineName,
): Promise<VerifyResult> {
  const canvas = await frameCanvas(photoUrl);
  const loadStart = performance.now();
  const service = await FaceService.load(undefined, pipeline);
  const loadMs = performance.now() - loadStart;
  const checker = new FrameChecker(service, VERIFY_THRESHOLDS);
  const tracker = new ConsensusTracker(CONSENSUS_FRAMES);
  const claimed = { personId: 'bench', name: 'bench', mean: Float32Array.from(template) };
  const frames: FrameTiming[] = [];
  const captureStart = performance.now();
  while (frames.length < MAX_FRAMES) {
    const { timing, embedding } = await timedFrame(service, checker, canvas);
    frames.push(timing);
    if (!embedding) {
      tracker.reset();
      continue;
    }
    const decision = tracker.push(verifyClaim(embedding.vector, claimed, threshold));
    if (!decision) continue;
    const end = performance.now();
    const software = service.runsInSoftware;
    service.dispose();
    return {
      software,
      pipeline: service.pipeline.id,
      loadMs,
      timeToFirstDecisionMs: end - loadStart,
      decisionMs: end - captureStart,
      outcome: decision.outcome,
      distance: decision.distance,
      frames,
    };
  }
  throw new Error(`No decision after ${frames.length} frames.`);
}

interface TfBackends {
  setWasmPaths(prefix: string): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
}

/** face-api's own pipeline (SSD MobileNet v1, 68 landmarks, dlib descriptor) on tfjs WASM. */
async function faceApi(
  photoUrl: string,
  wasmDir: string,
  modelDir: string,
  frameCount: number,
): Promise<FaceApiResult> {
  const canvas = await frameCanvas(photoUrl);
  const loadStart = performance.now();
  // face-api's bundle carries tfjs with its WASM backend; its typings list only part of tfjs.
  const tf = faceapi.tf as unknown as TfBackends;
  tf.setWasmPaths(wasmDir);
  await tf.setBackend('wasm');
  await tf.ready();
  await Promise.all([
    faceapi.nets.ssdMobilenetv1.loadFromUri(modelDir),
    faceapi.nets.faceLandmark68Net.loadFromUri(modelDir),
    faceapi.nets.faceRecognitionNet.loadFromUri(modelDir),
  ]);
  const loadMs = performance.now() - loadStart;
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 });
  const run = () => faceapi.detectSingleFace(canvas, options).withFaceLandmarks().withFaceDescriptor();
  const first = await run();
  if (!first) throw new Error('face-api found no face in the benchmark frame.');
  const coldToFirstDescriptorMs = performance.now() - loadStart;
  const fullFrameMs: number[] = [];
  for (let i = 0; i < frameCount; i++) {
    const start = performance.now();
    await run();
    fullFrameMs.push(performance.now() - start);
  }
  // The descriptor alone, on face-api's own aligned crop of the face.
  const [chip] = await faceapi.extractFaces(canvas, [first.alignedRect]);
  const descriptorMs: number[] = [];
  for (let i = 0; i < frameCount + 1; i++) {
    const start = performance.now();
    await faceapi.computeFaceDescriptor(chip!);
    if (i > 0) descriptorMs.push(performance.now() - start);
  }
  return { backend: tf.getBackend(), loadMs, coldToFirstDescriptorMs, fullFrameMs, descriptorMs };
}

declare global {
  interface Window {
    faceprintBench: { enroll: typeof enroll; verify: typeof verify; faceApi: typeof faceApi };
  }
}

window.faceprintBench = { enroll, verify, faceApi };
