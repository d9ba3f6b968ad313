// The planar map (homography) that best carries one set of landmarks onto another, and what it leaves
// unexplained. A picture, flat or gently bent, moves its landmarks by (close to) a homography however it
// is tilted; a turning head does not: the nose and the jaw line move against the eyes and the mouth.
import { symmetricEigen } from './linear-algebra';

/** 3×3, row-major; maps (x, y, 1) to (u·w, v·w, w). */
export type Homography = number[];

interface Similarity {
  scale: number;
  cx: number;
  cy: number;
}

/** Hartley's normalisation: centroid to the origin, mean distance from it √2. */
function normalisation(points: ArrayLike<number>, indices: readonly number[]): Similarity {
  let cx = 0;
  let cy = 0;
  for (const i of indices) {
    cx += points[2 * i]!;
    cy += points[2 * i + 1]!;
  }
  cx /= indices.length;
  cy /= indices.length;
  let mean = 0;
  for (const i of indices) mean += Math.hypot(points[2 * i]! - cx, points[2 * i + 1]! - cy);
  mean /= indices.length;
  return { scale: Math.SQRT2 / Math.max(mean, 1e-9), cx, cy };
}

const allIndices = (points: ArrayLike<number>) => Array.from({ length: points.length / 2 }, (_, i) => i);

/** Normalised direct linear transform: the homography H with to ≈ H·from, in the least-squares algebraic sense. */
export function fitHomography(
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  indices: readonly number[] = allIndices(from),
): Homography {
  if (from.length !== to.length) throw new Error('fitHomography: point sets differ in length');
  if (indices.length < 4) throw new Error('fitHomography: needs at least 4 points');
  const a = normalisation(from, indices);
  const b = normalisation(to, indices);
  const ata = new Array<number>(81).fill(0);
  const accumulate = (row: number[]) => {
    for (let r = 0; r < 9; r++) {
      if (row[r] === 0) continue;
      for (let c = 0; c < 9; c++) ata[9 * r + c]! += row[r]! * row[c]!;
    }
  };
  for (const i of indices) {
    const x = (from[2 * i]! - a.cx) * a.scale;
    const y = (from[2 * i + 1]! - a.cy) * a.scale;
    const u = (to[2 * i]! - b.cx) * b.scale;
    const v = (to[2 * i + 1]! - b.cy) * b.scale;
    accumulate([-x, -y, -1, 0, 0, 0, u * x, u * y, u]);
    accumulate([0, 0, 0, -x, -y, -1, v * x, v * y, v]);
  }
  const hn = symmetricEigen(ata, 9).vectors[0]!;
  // H = Tb⁻¹ · Hn · Ta, with T(p) = s·(p − c).
  const ta = [a.scale, 0, -a.scale * a.cx, 0, a.scale, -a.scale * a.cy, 0, 0, 1];
  const tbInverse = [1 / b.scale, 0, b.cx, 0, 1 / b.scale, b.cy, 0, 0, 1];
  const h = multiply(tbInverse, multiply(hn, ta));
  const w = h[8]!;
  return Math.abs(w) > 1e-12 ? h.map((v) => v / w) : h;
}

export function applyHomography(h: Homography, x: number, y: number): [number, number] {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
}

/** Height of the landmarks' bounds (brow to chin), which a turn about the vertical axis leaves unchanged. */
export function faceHeight(points: ArrayLike<number>): number {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 1; i < points.length; i += 2) {
    min = Math.min(min, points[i]!);
    max = Math.max(max, points[i]!);
  }
  return max - min;
}

/**
 * What the best planar map from `from` to `to` cannot explain: the root-mean-square distance between
 * H·from and `to`, over the face height in `to`. ~0 for a picture moved or tilted as a whole.
 */
export function planarResidual(
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  indices: readonly number[] = allIndices(from),
): number {
  const h = fitHomography(from, to, indices);
  let squared = 0;
  for (const i of indices) {
    const [u, v] = applyHomography(h, from[2 * i]!, from[2 * i + 1]!);
    squared += (u - to[2 * i]!) ** 2 + (v - to[2 * i + 1]!) ** 2;
  }
  return Math.sqrt(squared / indices.length) / Math.max(faceHeight(to), 1e-9);
}

function multiply(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) out[3 * r + c]! += a[3 * r + k]! * b[3 * k + c]!;
  return out;
}
