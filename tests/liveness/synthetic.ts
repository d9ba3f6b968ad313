// Seeded randomness and synthetic landmark sequences for the liveness tests.
import { projectShape } from '../../src/liveness/head-pose';

/** Mulberry32: a small seeded generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticPose {
  yawDeg?: number;
  pitchDeg?: number;
  rollDeg?: number;
  mouthOpen?: boolean;
  /** Image position and scale of the face (defaults: centre of a 640×480 frame, 1.6 px per unit). */
  x?: number;
  y?: number;
  scale?: number;
}

/** Landmarks of the 3D mean face at a pose; an open mouth drops the lower lip by 40% of the mouth width. */
export function syntheticFace(pose: SyntheticPose = {}): Float32Array {
  const scale = pose.scale ?? 1.6;
  const points = projectShape(
    { yawDeg: pose.yawDeg ?? 0, pitchDeg: pose.pitchDeg ?? 0, rollDeg: pose.rollDeg ?? 0 },
    { scale, x: pose.x ?? 320, y: pose.y ?? 240 },
  );
  if (pose.mouthOpen) {
    const drop = 0.4 * Math.hypot(points[2 * 54]! - points[2 * 48]!, points[2 * 54 + 1]! - points[2 * 48 + 1]!);
    for (const i of [55, 56, 57, 58, 59, 65, 66, 67]) points[2 * i + 1]! += drop;
  }
  return points;
}

/** A TrackedFrame for the landmarks, its box the landmarks' bounds. */
export function frameOf(timeMs: number, landmarks: Float32Array) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < landmarks.length; i += 2) {
    minX = Math.min(minX, landmarks[i]!);
    maxX = Math.max(maxX, landmarks[i]!);
    minY = Math.min(minY, landmarks[i + 1]!);
    maxY = Math.max(maxY, landmarks[i + 1]!);
  }
  return { timeMs, landmarks, box: { x: minX, y: minY, width: maxX - minX, height: maxY - minY } };
}
