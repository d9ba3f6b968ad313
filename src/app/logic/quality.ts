// Quality gates a frame must pass before its face is enrolled: exactly one face, large enough, facing
// the camera, sharp and well lit. Pure functions over the engine's detections and a few pixel
// statistics, so the thresholds can be unit-tested without a camera or a GPU.
import type { DetectedFace } from '../engine-facade';
import type { RegionStats } from './pixel-stats';

export interface HeadPose {
  /** Left-right turn in degrees; 0 is facing the camera. Positive: nose towards the image's right. */
  yaw: number;
  /** Up-down tilt in degrees; positive: looking down. */
  pitch: number;
  /** In-plane tilt in degrees; positive: the head leans clockwise in the image. */
  roll: number;
}

export interface QualityThresholds {
  /** Smallest face box width as a share of the frame width. */
  minFaceWidthFraction: number;
  maxYawDegrees: number;
  maxPitchDegrees: number;
  maxRollDegrees: number;
  /** Smallest variance of the Laplacian over the face, measured on a 96×96 grey sample. */
  minSharpness: number;
  /** Mean brightness range (0–255) of the face region. */
  minBrightness: number;
  maxBrightness: number;
}

export const ENROLL_THRESHOLDS: QualityThresholds = {
  minFaceWidthFraction: 0.2,
  maxYawDegrees: 20,
  maxPitchDegrees: 20,
  maxRollDegrees: 20,
  minSharpness: 30,
  minBrightness: 60,
  maxBrightness: 210,
};

/**
 * Verification accepts somewhat harder frames than enrollment (a sample becomes the reference for
 * every later check, a probe is only one attempt), but not faces so small or turned that the
 * embedding means little.
 */
export const VERIFY_THRESHOLDS: QualityThresholds = {
  minFaceWidthFraction: 0.15,
  maxYawDegrees: 30,
  maxPitchDegrees: 30,
  maxRollDegrees: 30,
  minSharpness: 15,
  minBrightness: 40,
  maxBrightness: 230,
};

export type QualityCheckId = 'face-count' | 'size' | 'pose' | 'sharpness' | 'lighting';

export interface QualityCheck {
  id: QualityCheckId;
  /** A short name for a checklist, e.g. "Facing the camera". */
  label: string;
  passed: boolean;
  /** What the person should do when the check fails. */
  hint: string | null;
}

export interface QualityReport {
  passed: boolean;
  /** The first failing check's hint, or null when everything passed. */
  hint: string | null;
  checks: QualityCheck[];
  pose: HeadPose | null;
}

export interface QualityInput {
  frameWidth: number;
  frameHeight: number;
  faces: readonly DetectedFace[];
  /** Statistics of the target face's region; null when there is no single face to measure. */
  region: RegionStats | null;
}

export const HINTS = {
  noFace: 'No face found. Move into the frame, face the camera and make sure your face is lit.',
  severalFaces: 'More than one face in view. Only one person should be in the frame.',
  tooSmall: 'Move closer to the camera.',
  turned: 'Turn your head to face the camera.',
  pitched: 'Hold your head level, not tilted up or down.',
  rolled: 'Keep your head upright, not tilted to the side.',
  blurry: 'Hold still: the picture is blurred.',
  tooDark: 'Too dark: add light in front of you.',
  tooBright: 'Too bright: avoid strong light on your face or behind you.',
} as const;

type Point = [number, number];

function point(landmarks: Float32Array, index: number): Point {
  return [landmarks[2 * index], landmarks[2 * index + 1]];
}

function centroid(landmarks: Float32Array, from: number, to: number): Point {
  let x = 0;
  let y = 0;
  for (let i = from; i <= to; i++) {
    x += landmarks[2 * i];
    y += landmarks[2 * i + 1];
  }
  const n = to - from + 1;
  return [x / n, y / n];
}

const degrees = (radians: number) => (radians * 180) / Math.PI;

// A generic 3-D head: the nose tip stands 0.45 interocular distances in front of the eyes; seen level,
// it sits half-way down from the eye line to the mouth corners, and pitching the head moves it by
// 0.42·tan(pitch) of that span.
const NOSE_DEPTH_PER_IOD = 0.45;
const NOSE_LEVEL_RATIO = 0.5;
const NOSE_PITCH_LEVER = 0.42;

/**
 * A rough head pose from the eyes, nose tip and mouth corners of the 68 iBUG landmarks, good enough to
 * tell "facing the camera" from "turned away". Roll is the angle of the line between the eye centres.
 * With roll undone: yaw from how far the nose tip (30) sits left or right of the eye midpoint, in
 * interocular distances (tan(yaw) = offset / 0.45); pitch from how far down it sits between the eye
 * line and the mouth corners (48, 54) (tan(pitch) = (ratio − 0.5) / 0.42).
 */
export function estimatePose(landmarks: Float32Array): HeadPose {
  if (landmarks.length < 136) throw new Error(`Expected 68 landmarks, got ${landmarks.length / 2}.`);
  const leftEye = centroid(landmarks, 36, 41);
  const rightEye = centroid(landmarks, 42, 47);
  const rollRadians = Math.atan2(rightEye[1] - leftEye[1], rightEye[0] - leftEye[0]);
  const interocular = Math.hypot(rightEye[0] - leftEye[0], rightEye[1] - leftEye[1]);
  const cos = Math.cos(-rollRadians);
  const sin = Math.sin(-rollRadians);
  const eyeMid: Point = [(leftEye[0] + rightEye[0]) / 2, (leftEye[1] + rightEye[1]) / 2];
  // Coordinates relative to the eye midpoint, rotated so that the eye line is horizontal.
  const level = ([x, y]: Point): Point => {
    const dx = x - eyeMid[0];
    const dy = y - eyeMid[1];
    return [dx * cos - dy * sin, dx * sin + dy * cos];
  };
  const nose = level(point(landmarks, 30));
  const mouthY = (level(point(landmarks, 48))[1] + level(point(landmarks, 54))[1]) / 2;
  const yawRatio = interocular > 0 ? nose[0] / interocular : 0;
  const pitchRatio = mouthY > 0 ? nose[1] / mouthY : NOSE_LEVEL_RATIO;
  return {
    yaw: degrees(Math.atan(yawRatio / NOSE_DEPTH_PER_IOD)),
    pitch: degrees(Math.atan((pitchRatio - NOSE_LEVEL_RATIO) / NOSE_PITCH_LEVER)),
    roll: degrees(rollRadians),
  };
}

/** Runs every gate on one analysed frame; the report lists each check for the on-screen checklist. */
export function evaluateQuality(input: QualityInput, thresholds: QualityThresholds): QualityReport {
  const face = input.faces.length === 1 ? input.faces[0] : null;
  const checks: QualityCheck[] = [];
  let pose: HeadPose | null = null;

  checks.push({
    id: 'face-count',
    label: 'One face in view',
    passed: face !== null,
    hint: input.faces.length === 0 ? HINTS.noFace : input.faces.length > 1 ? HINTS.severalFaces : null,
  });

  if (face) {
    const big = face.box.width >= thresholds.minFaceWidthFraction * input.frameWidth;
    checks.push({ id: 'size', label: 'Close enough', passed: big, hint: big ? null : HINTS.tooSmall });

    pose = estimatePose(face.landmarks);
    const poseHint =
      Math.abs(pose.yaw) > thresholds.maxYawDegrees
        ? HINTS.turned
        : Math.abs(pose.pitch) > thresholds.maxPitchDegrees
          ? HINTS.pitched
          : Math.abs(pose.roll) > thresholds.maxRollDegrees
            ? HINTS.rolled
            : null;
    checks.push({ id: 'pose', label: 'Facing the camera', passed: poseHint === null, hint: poseHint });
  } else {
    checks.push({ id: 'size', label: 'Close enough', passed: false, hint: null });
    checks.push({ id: 'pose', label: 'Facing the camera', passed: false, hint: null });
  }

  const region = face ? input.region : null;
  const sharp = region !== null && region.sharpness >= thresholds.minSharpness;
  checks.push({ id: 'sharpness', label: 'Sharp', passed: sharp, hint: region && !sharp ? HINTS.blurry : null });

  const lightingHint =
    region === null
      ? null
      : region.brightness < thresholds.minBrightness
        ? HINTS.tooDark
        : region.brightness > thresholds.maxBrightness
          ? HINTS.tooBright
          : null;
  checks.push({
    id: 'lighting',
    label: 'Well lit',
    passed: region !== null && lightingHint === null,
    hint: lightingHint,
  });

  const failing = checks.find((check) => !check.passed);
  return { passed: failing === undefined, hint: failing?.hint ?? null, checks, pose };
}
