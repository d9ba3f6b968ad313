// Head pose from the 68 landmarks: the 3D mean face (mean-face.ts) fitted under scaled orthographic
// projection, which is exact enough at the distance of a face from a webcam (the face's depth, ~10 cm,
// is small against its distance, ~50 cm). A closed-form affine fit gives the start; a few Gauss-Newton
// steps on rotation, scale and shift give the least-squares pose.
//
// Angle conventions (degrees):
// - yawDeg > 0: the person turns towards their own left (in an unmirrored camera frame, their nose moves
//   to the image's right).
// - pitchDeg > 0: the person looks up.
// - rollDeg > 0: the head tilts counter-clockwise as seen in the (unmirrored) image.
// The rotation is R = Ry(yaw) · Rx(−pitch) · Rz(roll), applied to the face's own axes (mean-face.ts).
import { MEAN_FACE_3D } from './mean-face';
import { cross, multiply3, rotationFromAxisAngle, solve, type Vec3 } from './linear-algebra';

export interface HeadPose {
  yawDeg: number;
  pitchDeg: number;
  rollDeg: number;
  /** Eye aspect ratio, both eyes averaged: lid gap / eye width; ~0.25-0.35 open, < 0.15 closed. */
  eyeOpenness: number;
  /** Inner lip gap / mouth width; ~0 closed, > 0.3 clearly open. */
  mouthOpenness: number;
}

const LANDMARK_COUNT = 68;
const DEG = 180 / Math.PI;
const GAUSS_NEWTON_STEPS = 6;

type Rotation = [Vec3, Vec3, Vec3];

/** R = Ry(yaw) · Rx(−pitch) · Rz(roll), angles in degrees. */
export function rotationFromAngles(yawDeg: number, pitchDeg: number, rollDeg: number): Rotation {
  const y = yawDeg / DEG;
  const p = -pitchDeg / DEG;
  const r = rollDeg / DEG;
  const ry: Rotation = [
    [Math.cos(y), 0, Math.sin(y)],
    [0, 1, 0],
    [-Math.sin(y), 0, Math.cos(y)],
  ];
  const rx: Rotation = [
    [1, 0, 0],
    [0, Math.cos(p), -Math.sin(p)],
    [0, Math.sin(p), Math.cos(p)],
  ];
  const rz: Rotation = [
    [Math.cos(r), -Math.sin(r), 0],
    [Math.sin(r), Math.cos(r), 0],
    [0, 0, 1],
  ];
  return multiply3(multiply3(ry, rx), rz);
}

/** Inverse of rotationFromAngles (pitch within ±90°). */
export function anglesFromRotation(rotation: readonly Vec3[]): { yawDeg: number; pitchDeg: number; rollDeg: number } {
  // The face's forward axis (its z) in camera coordinates is R's third column.
  const fx = rotation[0]![2];
  const fy = rotation[1]![2];
  const fz = rotation[2]![2];
  const yawDeg = Math.atan2(fx, fz) * DEG;
  const pitchDeg = Math.asin(Math.max(-1, Math.min(1, fy))) * DEG;
  // What is left after undoing yaw and pitch is a rotation about z: Rz(roll) = (Ry·Rx)ᵀ·R.
  const m = rotationFromAngles(yawDeg, pitchDeg, 0);
  let cosRoll = 0;
  let sinRoll = 0;
  for (let k = 0; k < 3; k++) {
    cosRoll += m[k]![0] * rotation[k]![0];
    sinRoll += m[k]![1] * rotation[k]![0];
  }
  return { yawDeg, pitchDeg, rollDeg: Math.atan2(sinRoll, cosRoll) * DEG };
}

export interface FaceProjection {
  /** Pixels per model unit. */
  scale: number;
  /** Image position (pixels) of the model's origin (the mean face's centroid). */
  x: number;
  y: number;
}

/** The 68 image points (x,y pairs, y down) of a 3D shape seen at a pose under scaled orthographic projection. */
export function projectShape(
  angles: { yawDeg: number; pitchDeg: number; rollDeg: number },
  projection: FaceProjection,
  shape: readonly number[] = MEAN_FACE_3D,
): Float32Array {
  const r = rotationFromAngles(angles.yawDeg, angles.pitchDeg, angles.rollDeg);
  const out = new Float32Array(2 * LANDMARK_COUNT);
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const p: Vec3 = [shape[3 * i]!, shape[3 * i + 1]!, shape[3 * i + 2]!];
    out[2 * i] = projection.x + projection.scale * (r[0][0] * p[0] + r[0][1] * p[1] + r[0][2] * p[2]);
    out[2 * i + 1] = projection.y - projection.scale * (r[1][0] * p[0] + r[1][1] * p[1] + r[1][2] * p[2]);
  }
  return out;
}

export interface PoseFit {
  rotation: Rotation;
  scale: number;
  /** Image position of the model origin (pixels, y down). */
  x: number;
  y: number;
  /** Root-mean-square distance between the landmarks and the fitted projection, over scale (model units). */
  rmsResidual: number;
}

const modelPoint = (i: number): Vec3 => [MEAN_FACE_3D[3 * i]!, MEAN_FACE_3D[3 * i + 1]!, MEAN_FACE_3D[3 * i + 2]!];
const MODEL_POINTS: readonly Vec3[] = Array.from({ length: LANDMARK_COUNT }, (_, i) => modelPoint(i));

/** Least-squares scaled-orthographic pose of the mean face that best explains the landmarks. */
export function fitHeadPose(landmarks: ArrayLike<number>): PoseFit {
  if (landmarks.length !== 2 * LANDMARK_COUNT) {
    throw new Error(`fitHeadPose: expected ${2 * LANDMARK_COUNT} numbers (68 x,y pairs), got ${landmarks.length}`);
  }
  // Camera coordinates with y up, so that the rotation is a proper one.
  const q: [number, number][] = Array.from({ length: LANDMARK_COUNT }, (_, i) => [
    landmarks[2 * i]!,
    -landmarks[2 * i + 1]!,
  ]);
  let qx = 0;
  let qy = 0;
  for (const [x, y] of q) {
    qx += x / LANDMARK_COUNT;
    qy += y / LANDMARK_COUNT;
  }
  // Affine start: [qx qy] ≈ M · X (both centred; the model is centred by construction).
  const xtx = new Array<number>(9).fill(0);
  const xtq0 = [0, 0, 0];
  const xtq1 = [0, 0, 0];
  MODEL_POINTS.forEach((p, i) => {
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) xtx[3 * a + b]! += p[a]! * p[b]!;
      xtq0[a]! += p[a]! * (q[i]![0] - qx);
      xtq1[a]! += p[a]! * (q[i]![1] - qy);
    }
  });
  const m0 = solve(xtx, xtq0, 3) as Vec3;
  const m1 = solve(xtx, xtq1, 3) as Vec3;
  let rotation = closestRotation(m0, m1);
  let scale = (Math.hypot(...m0) + Math.hypot(...m1)) / 2;
  let tx = qx;
  let ty = qy;
  for (let step = 0; step < GAUSS_NEWTON_STEPS; step++) {
    // Parameters: rotation increment w (R ← R·exp([w]×)), scale, shift.
    const jtj = new Array<number>(36).fill(0);
    const jtr = new Array<number>(6).fill(0);
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      const p = MODEL_POINTS[i]!;
      const rp = rotate(rotation, p);
      const residual = [scale * rp[0] + tx - q[i]![0], scale * rp[1] + ty - q[i]![1]];
      const rows: number[][] = [[], []];
      for (let k = 0; k < 3; k++) {
        const axis: Vec3 = [k === 0 ? 1 : 0, k === 1 ? 1 : 0, k === 2 ? 1 : 0];
        const d = rotate(rotation, cross(axis, p));
        rows[0]!.push(scale * d[0]);
        rows[1]!.push(scale * d[1]);
      }
      rows[0]!.push(rp[0], 1, 0);
      rows[1]!.push(rp[1], 0, 1);
      for (let c = 0; c < 2; c++) {
        const row = rows[c]!;
        for (let a = 0; a < 6; a++) {
          jtr[a]! += row[a]! * residual[c]!;
          for (let b = 0; b < 6; b++) jtj[6 * a + b]! += row[a]! * row[b]!;
        }
      }
    }
    const delta = solve(
      jtj,
      jtr.map((v) => -v),
      6,
    );
    if (!delta) break;
    rotation = multiply3(rotation, rotationFromAxisAngle([delta[0]!, delta[1]!, delta[2]!]));
    scale += delta[3]!;
    tx += delta[4]!;
    ty += delta[5]!;
    if (Math.hypot(...delta.slice(0, 3)) < 1e-9) break;
  }
  let squared = 0;
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const rp = rotate(rotation, MODEL_POINTS[i]!);
    squared += (scale * rp[0] + tx - q[i]![0]) ** 2 + (scale * rp[1] + ty - q[i]![1]) ** 2;
  }
  return { rotation, scale, x: tx, y: -ty, rmsResidual: Math.sqrt(squared / LANDMARK_COUNT) / scale };
}

/** Pose angles plus eye and mouth openness of one face's 68 landmarks (frame pixels). */
export function estimateHeadPose(landmarks: ArrayLike<number>): HeadPose {
  const fit = fitHeadPose(landmarks);
  return {
    ...anglesFromRotation(fit.rotation),
    eyeOpenness: eyeOpenness(landmarks),
    mouthOpenness: mouthOpenness(landmarks),
  };
}

const dist = (l: ArrayLike<number>, a: number, b: number): number =>
  Math.hypot(l[2 * a]! - l[2 * b]!, l[2 * a + 1]! - l[2 * b + 1]!);

/** Eye aspect ratio (Soukupová & Čech 2016), both eyes averaged. */
export function eyeOpenness(l: ArrayLike<number>): number {
  const eye = (c: number) => (dist(l, c + 1, c + 5) + dist(l, c + 2, c + 4)) / (2 * Math.max(1e-6, dist(l, c, c + 3)));
  return (eye(36) + eye(42)) / 2;
}

/** Mean inner-lip gap (61-67, 62-66, 63-65) over the mouth's corner-to-corner width (48-54). */
export function mouthOpenness(l: ArrayLike<number>): number {
  const gap = (dist(l, 61, 67) + dist(l, 62, 66) + dist(l, 63, 65)) / 3;
  return gap / Math.max(1e-6, dist(l, 48, 54));
}

function rotate(r: Rotation, p: Vec3): Vec3 {
  return [
    r[0][0] * p[0] + r[0][1] * p[1] + r[0][2] * p[2],
    r[1][0] * p[0] + r[1][1] * p[1] + r[1][2] * p[2],
    r[2][0] * p[0] + r[2][1] * p[1] + r[2][2] * p[2],
  ];
}

/** The rotation whose first two rows are closest to the directions of a and b (symmetric orthogonalisation). */
function closestRotation(a: Vec3, b: Vec3): Rotation {
  const ua = unit(a);
  const ub = unit(b);
  const sum = unit([ua[0] + ub[0], ua[1] + ub[1], ua[2] + ub[2]]);
  const diff = unit([ua[0] - ub[0], ua[1] - ub[1], ua[2] - ub[2]]);
  const r0: Vec3 = [(sum[0] + diff[0]) / Math.SQRT2, (sum[1] + diff[1]) / Math.SQRT2, (sum[2] + diff[2]) / Math.SQRT2];
  const r1: Vec3 = [(sum[0] - diff[0]) / Math.SQRT2, (sum[1] - diff[1]) / Math.SQRT2, (sum[2] - diff[2]) / Math.SQRT2];
  return [r0, r1, cross(r0, r1)];
}

function unit(v: Vec3): Vec3 {
  const n = Math.hypot(...v) || 1;
  return [v[0] / n, v[1] / n, v[2] / n];
}
