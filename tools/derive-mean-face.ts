// Derives the 3D mean face (src/liveness/mean-face.ts) from LFW landmarks of our own landmark net, and
// writes that file.
//
//   npm run derive:mean-face -- [--lfw DIR] [--min-photos 8] [--max-photos 30] [--cache DIR]
//
// 1. Photos: the calibration half of the people eval-liveness uses (≥ min-photos photos, the first
//    max-photos each; tools/liveness/split.ts), so the held-out half stays unseen. Landmarks as
//    eval-liveness computes them (cached in .cache/liveness/landmarks.jsonl). Photos with an open mouth
//    (mouthOpenness > MOUTH_CLOSED_MAX) are left out: the mean face has a closed mouth.
// 2. Structure from motion under scaled orthography (tools/liveness/shape-from-motion.ts): the 68×2F
//    matrix of centred landmark sets, rank 3, metric constraints. The views the rank-3 shape explains
//    worst (above the TRIM_QUANTILE of residuals: odd expressions, landmark failures) are dropped and
//    the factorisation is run again on the rest.
// 3. Axes: x is the direction in which mirror pairs (MIRROR_LANDMARK) differ most (the normal of the
//    symmetry plane), pointing from the right eye's outer corner (36) to the left one's (45); y from the
//    chin (8) to the brows (19, 24), made orthogonal to x; z = x × y. Orthography cannot tell a face from
//    its mirror image in depth; the one with the nose tip (30) in front of the eye corners is kept.
// 4. Symmetry: each mirror pair is averaged into an exactly symmetric pair, midline points get x = 0.
// 5. Level and units: the shape is turned about x to the pitch at which its front view best matches
//    dlib's 2D mean face (DLIB_MEAN_FACE_X/Y in src/engine/alignment.ts, points 17-67: the average
//    aligned frontal face), centred on its centroid and scaled so that the outer eye corners (36, 45) are
//    BIOCULAR_WIDTH apart: units of about a millimetre on an adult face.
import './node-webgpu';
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DLIB_MEAN_FACE_FIRST_PART, DLIB_MEAN_FACE_X, DLIB_MEAN_FACE_Y } from '../src/engine/alignment';
import { FaceEngine } from '../src/engine/index';
import { nodeFileSource } from '../src/engine/weights/node-source';
import { mouthOpenness } from '../src/liveness/head-pose';
import { symmetricEigen } from '../src/liveness/linear-algebra';
import { MOUTH_CLOSED_MAX } from '../src/liveness/liveness-check';
import { MIRROR_LANDMARK } from '../src/liveness/mean-face';
import { COUNT, numberOption, readOptions, runTool } from './cli';
import { LandmarkSource } from './liveness/landmark-source';
import { factorise } from './liveness/shape-from-motion';
import { splitOf } from './liveness/split';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const POINTS = 68;
/** Views whose rank-3 residual is above this quantile are dropped before the final factorisation. */
const TRIM_QUANTILE = 0.9;
/** Outer eye corner to outer eye corner (ex-ex), the unit of the table: about 90 mm on an adult. */
const BIOCULAR_WIDTH = 90;
const DEG = 180 / Math.PI;

type Vec3 = [number, number, number];

const USAGE = `The 3D mean face from LFW landmarks (see tools/README.md)
  derive-mean-face [--lfw DIR] [--min-photos 8] [--max-photos 30] [--cache DIR]`;

interface Args {
  lfw: string;
  minPhotos: number;
  maxPhotos: number;
  cache: string;
}

function readArgs(argv: string[]): Args {
  const values = readOptions(
    argv,
    {
      lfw: { type: 'string' },
      'min-photos': { type: 'string' },
      'max-photos': { type: 'string' },
      cache: { type: 'string' },
    },
    USAGE,
  );
  return {
    lfw: resolve(values.lfw ?? join(ROOT, '../shared/faces/lfw')),
    minPhotos: numberOption(values['min-photos'], 'min-photos', COUNT, 8),
    maxPhotos: numberOption(values['max-photos'], 'max-photos', COUNT, 30),
    cache: resolve(values.cache ?? join(ROOT, '.cache/liveness')),
  };
}

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const unit = (a: Vec3): Vec3 => {
  const n = Math.sqrt(dot(a, a));
  return [a[0] / n, a[1] / n, a[2] / n];
};
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
}

/** The face's own axes for a shape in an arbitrary frame (steps 3 of the header). */
function faceAxes(shape: readonly Vec3[]): { axes: [Vec3, Vec3, Vec3]; asymmetry: number } {
  const scatter = new Array<number>(9).fill(0);
  for (let i = 0; i < POINTS; i++) {
    const j = MIRROR_LANDMARK[i]!;
    if (j <= i) continue;
    const d = sub(shape[i]!, shape[j]!);
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) scatter[3 * a + b]! += d[a]! * d[b]!;
  }
  const eigen = symmetricEigen(scatter, 3);
  let x = eigen.vectors[2] as Vec3;
  if (dot(sub(shape[45]!, shape[36]!), x) < 0) x = [-x[0], -x[1], -x[2]];
  const up = sub(
    [(shape[19]![0] + shape[24]![0]) / 2, (shape[19]![1] + shape[24]![1]) / 2, (shape[19]![2] + shape[24]![2]) / 2],
    shape[8]!,
  );
  const along = dot(up, x);
  const y = unit([up[0] - along * x[0], up[1] - along * x[1], up[2] - along * x[2]]);
  // Share of the pair differences not along x: how far the shape is from mirror symmetry.
  const asymmetry = Math.sqrt(
    (eigen.values[0]! + eigen.values[1]!) / (eigen.values[0]! + eigen.values[1]! + eigen.values[2]!),
  );
  return { axes: [x, y, cross(x, y)], asymmetry };
}

/** Each mirror pair averaged into an exactly symmetric pair; midline points on x = 0. */
function symmetrise(shape: readonly Vec3[]): Vec3[] {
  return shape.map((p, i) => {
    const q = shape[MIRROR_LANDMARK[i]!]!;
    return [(p[0] - q[0]) / 2, (p[1] + q[1]) / 2, (p[2] + q[2]) / 2];
  });
}

/** dlib's mean face, points 17-67, y up. */
const DLIB_POINTS = DLIB_MEAN_FACE_X.map((x, k) => [x, -DLIB_MEAN_FACE_Y[k]!] as [number, number]);

/** RMS misfit (over dlib's RMS radius) of the front view of the shape turned by `pitch` about x, after the best scale and shift. */
function dlibMisfit(shape: readonly Vec3[], pitch: number): number {
  const view = DLIB_POINTS.map((_, k) => {
    const p = shape[DLIB_MEAN_FACE_FIRST_PART + k]!;
    return [p[0], Math.cos(pitch) * p[1] - Math.sin(pitch) * p[2]] as [number, number];
  });
  const centre = (pts: [number, number][]) => [
    pts.reduce((a, p) => a + p[0], 0) / pts.length,
    pts.reduce((a, p) => a + p[1], 0) / pts.length,
  ];
  const [vx, vy] = centre(view);
  const [dx, dy] = centre(DLIB_POINTS);
  let cross = 0;
  let norm = 0;
  view.forEach((p, k) => {
    cross += (p[0] - vx!) * (DLIB_POINTS[k]![0] - dx!) + (p[1] - vy!) * (DLIB_POINTS[k]![1] - dy!);
    norm += (p[0] - vx!) ** 2 + (p[1] - vy!) ** 2;
  });
  const s = cross / norm;
  let squared = 0;
  let radius = 0;
  view.forEach((p, k) => {
    squared +=
      (s * (p[0] - vx!) - (DLIB_POINTS[k]![0] - dx!)) ** 2 + (s * (p[1] - vy!) - (DLIB_POINTS[k]![1] - dy!)) ** 2;
    radius += (DLIB_POINTS[k]![0] - dx!) ** 2 + (DLIB_POINTS[k]![1] - dy!) ** 2;
  });
  return Math.sqrt(squared / radius);
}

/** The pitch (radians, turning the face's top towards the camera) that best matches dlib's front view: grid, then golden section. */
function levelPitch(shape: readonly Vec3[]): number {
  let best = 0;
  for (let deg = -45; deg <= 45; deg += 1) if (dlibMisfit(shape, deg / DEG) < dlibMisfit(shape, best)) best = deg / DEG;
  let lo = best - 1 / DEG;
  let hi = best + 1 / DEG;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 60; k++) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (dlibMisfit(shape, a) < dlibMisfit(shape, b)) hi = b;
    else lo = a;
  }
  return (lo + hi) / 2;
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  const engine = await FaceEngine.create({ source: nodeFileSource(modelDir) });
  const source = LandmarkSource.open(engine, join(args.cache, 'landmarks.jsonl'));
  const root = join(args.lfw, 'lfw-deepfunneled');
  const views: Float64Array[] = [];
  let people = 0;
  let openMouths = 0;
  for (const name of readdirSync(root).sort()) {
    if (splitOf(name) !== 'calibration') continue;
    const files = readdirSync(join(root, name))
      .filter((f) => f.endsWith('.jpg'))
      .sort();
    if (files.length < args.minPhotos) continue;
    people++;
    for (const file of files.slice(0, args.maxPhotos)) {
      const { landmarks } = await source.photo(join(root, name, file));
      if (mouthOpenness(landmarks) > MOUTH_CLOSED_MAX) {
        openMouths++;
        continue;
      }
      // y up, so that the factorisation's rotations are proper ones.
      views.push(Float64Array.from(landmarks, (v, k) => (k % 2 ? -v : v)));
    }
  }
  engine.dispose();
  console.log(
    `${people} people (calibration half), ${views.length} photos with a closed mouth (${openMouths} open left out); ${source.computed} landmark runs computed`,
  );

  const first = factorise(views, POINTS);
  const cut = quantile(first.viewResidual, TRIM_QUANTILE);
  const kept = views.filter((_, v) => first.viewResidual[v]! <= cut);
  const result = factorise(kept, POINTS);
  const residuals = [...result.viewResidual].sort((a, b) => a - b);
  console.log(
    `kept ${kept.length} views (residual ≤ ${cut.toFixed(4)}); rank-3 residual median ${quantile(residuals, 0.5).toFixed(4)}, 90% ${quantile(residuals, 0.9).toFixed(4)} of the view's RMS radius; metric eigenvalues ${result.metricEigenvalues.map((v) => v.toPrecision(3)).join(', ')}`,
  );

  const { axes, asymmetry } = faceAxes(result.shape);
  let shape = result.shape.map((p) => axes.map((axis) => dot(axis, p)) as Vec3);
  const eyeDepth = (shape[36]![2] + shape[45]![2]) / 2;
  const mirrored = shape[30]![2] < eyeDepth;
  if (mirrored) shape = shape.map((p) => [p[0], p[1], -p[2]] as Vec3);
  // The views' yaw and pitch in the face's axes: the third row of each view's rotation is its viewing direction.
  const yaws: number[] = [];
  const pitches: number[] = [];
  for (const [a, b] of result.motion) {
    const toFace = (m: Vec3): Vec3 => {
      const v = axes.map((axis) => dot(axis, m)) as Vec3;
      return mirrored ? [v[0], v[1], -v[2]] : v;
    };
    const forward = unit(cross(toFace(a!), toFace(b!)));
    yaws.push(Math.atan2(forward[0], forward[2]) * DEG);
    pitches.push(Math.asin(forward[1]) * DEG);
  }
  shape = symmetrise(shape);
  const pitch = levelPitch(shape);
  const misfit = dlibMisfit(shape, pitch);
  shape = shape.map(
    (p) =>
      [p[0], Math.cos(pitch) * p[1] - Math.sin(pitch) * p[2], Math.sin(pitch) * p[1] + Math.cos(pitch) * p[2]] as Vec3,
  );
  const centroid = [0, 1, 2].map((a) => shape.reduce((s, p) => s + p[a]!, 0) / POINTS);
  const scale = BIOCULAR_WIDTH / (shape[45]![0] - shape[36]![0]);
  shape = shape.map((p) => p.map((v, a) => (v - centroid[a]!) * scale) as Vec3);
  // Rounding to 0.1 leaves the centroid off by at most 0.05; midline x stays exactly 0.
  const table = shape.map((p) => p.map((v) => Math.round(v * 10) / 10 + 0) as Vec3);

  const stats = {
    people,
    photos: views.length + openMouths,
    openMouths,
    views: views.length,
    kept: kept.length,
    trimAt: cut,
    residualMedian: quantile(residuals, 0.5),
    asymmetry,
    yaw: [quantile(yaws, 0.05), quantile(yaws, 0.95)],
    pitch: [quantile(pitches, 0.05), quantile(pitches, 0.95)],
    levelPitchDeg: pitch * DEG,
    dlibMisfit: misfit,
  };
  console.log(JSON.stringify(stats, null, 2));
  writeFileSync(resolve(ROOT, 'src/liveness/mean-face.ts'), meanFaceSource(table, stats));
  console.log('wrote src/liveness/mean-face.ts');
}

const fmt = (v: number) => v.toFixed(1).padStart(7);

function meanFaceSource(
  table: readonly Vec3[],
  s: {
    people: number;
    photos: number;
    openMouths: number;
    kept: number;
    trimAt: number;
    residualMedian: number;
    asymmetry: number;
    yaw: number[];
    pitch: number[];
    levelPitchDeg: number;
    dlibMisfit: number;
  },
): string {
  const rows = table.map((p, i) => `  ${fmt(p[0])}, ${fmt(p[1])}, ${fmt(p[2])}, // ${i}`).join('\n');
  const mirror = Array.from(
    { length: Math.ceil(POINTS / 24) },
    (_, k) => `  ${MIRROR_LANDMARK.slice(24 * k, 24 * k + 24).join(', ')},`,
  ).join('\n');
  return `// A 3D mean face for the 68 iBUG 300-W landmarks, in units of about a millimetre on an adult face (the
// outer eye corners, 36 and 45, are ${BIOCULAR_WIDTH} apart).
//
// Generated by tools/derive-mean-face.ts (\`npm run derive:mean-face\`; do not edit by hand) from our own
// landmark net's points on LFW photos: ${s.photos} photos of the ${s.people} calibration-half people with ≥ 8 photos,
// less ${s.openMouths} with an open mouth. Structure from motion under scaled orthography (Tomasi-Kanade rank-3
// factorisation with metric constraints) over those landmark sets; the worst-explained 10% dropped and the
// factorisation repeated on ${s.kept} views (rank-3 residual: median ${(100 * s.residualMedian).toFixed(1)}% of a view's RMS radius).
// The views it recovered span yaw ${s.yaw[0]!.toFixed(0)}° to ${s.yaw[1]!.toFixed(0)}° and pitch ${s.pitch[0]!.toFixed(0)}° to ${s.pitch[1]!.toFixed(0)}° (5-95%), which is what fixes the depth.
// Axes from the shape's mirror symmetry (asymmetry before averaging the pairs: ${(100 * s.asymmetry).toFixed(1)}% of the pair
// differences off the symmetry axis), the mirror image in depth with the nose in front; pitched by
// ${s.levelPitchDeg.toFixed(1)}° so that its front view best matches dlib's 2D mean face (src/engine/alignment.ts, points
// 17-67; misfit ${(100 * s.dlibMisfit).toFixed(1)}% of its RMS radius); centred on the centroid; rounded to 0.1.
//
// Axes (right-handed, the face's own): x towards the person's left (the image's right in an unmirrored
// camera frame when they face it), y up, z out of the face towards the camera. Jaw 0-16, brows 17-26,
// nose 27-35, eyes 36-47, mouth 48-67. The jaw points are where a landmark net puts the face's outline,
// which slides over the cheek as the head turns: their depth is the compromise the photos support.

/** x, y, z of the 68 points, row after row. */
export const MEAN_FACE_3D: readonly number[] = [
${rows}
];

/** Index of each landmark's mirror image (0 ↔ 16, 36 ↔ 45, ...). */
export const MIRROR_LANDMARK: readonly number[] = [
${mirror}
];
`;
}

runTool(main);
