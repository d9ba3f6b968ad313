// The factorisation tools/derive-mean-face.ts uses, on views of a known rigid shape.
import { describe, expect, it } from 'vitest';
import { projectShape } from '../../src/liveness/head-pose';
import { symmetricEigen } from '../../src/liveness/linear-algebra';
import { factorise } from '../../tools/liveness/shape-from-motion';
import { seededRandom } from './synthetic';

type Vec3 = [number, number, number];

/** A rigid, asymmetric shape of 68 points (a squashed cloud: depth smaller than width, as a face). */
function knownShape(random: () => number): number[] {
  return Array.from({ length: 204 }, (_, k) => (random() - 0.5) * (k % 3 === 2 ? 60 : 150));
}

/** Views of the shape at random poses (yaw ±30°, pitch ±20°, roll ±15°), scales and shifts, y up, with Gaussian noise. */
function views(shape: number[], count: number, noisePx: number, random: () => number): Float64Array[] {
  return Array.from({ length: count }, () => {
    const points = projectShape(
      { yawDeg: (random() - 0.5) * 60, pitchDeg: (random() - 0.5) * 40, rollDeg: (random() - 0.5) * 30 },
      { scale: 0.8 + random(), x: 300 * random(), y: 300 * random() },
      shape,
    );
    return Float64Array.from(points, (v, k) => (k % 2 ? -v : v) + noisePx * gaussian(random));
  });
}

/** RMS distance between b and the best similarity image of a (rotation or reflection), over b's RMS radius. */
function procrustesMisfit(a: readonly Vec3[], b: readonly Vec3[]): number {
  const centre = (p: readonly Vec3[]) =>
    p.map((v) => v.map((x, k) => x - p.reduce((s, q) => s + q[k]!, 0) / p.length) as Vec3);
  const ca = centre(a);
  const cb = centre(b);
  // Orthogonal R maximising tr(R·Σ aᵢbᵢᵀ): the polar factor of the cross-covariance, from the eigen-decomposition of CᵀC.
  const c = new Array<number>(9).fill(0);
  ca.forEach((p, i) => {
    for (let r = 0; r < 3; r++) for (let s = 0; s < 3; s++) c[3 * r + s]! += cb[i]![r]! * p[s]!;
  });
  const ctc = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r++)
    for (let s = 0; s < 3; s++) for (let k = 0; k < 3; k++) ctc[3 * r + s]! += c[3 * k + r]! * c[3 * k + s]!;
  const { values, vectors } = symmetricEigen(ctc, 3);
  // R = C · (CᵀC)^-½
  const inverseRoot = new Array<number>(9).fill(0);
  vectors.forEach((v, k) => {
    for (let r = 0; r < 3; r++)
      for (let s = 0; s < 3; s++) inverseRoot[3 * r + s]! += (v[r]! * v[s]!) / Math.sqrt(values[k]!);
  });
  const rotation = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r++)
    for (let s = 0; s < 3; s++)
      for (let k = 0; k < 3; k++) rotation[3 * r + s]! += c[3 * r + k]! * inverseRoot[3 * k + s]!;
  const turned = ca.map(
    (p) =>
      [0, 1, 2].map((r) => rotation[3 * r]! * p[0] + rotation[3 * r + 1]! * p[1] + rotation[3 * r + 2]! * p[2]) as Vec3,
  );
  let cross = 0;
  let norm = 0;
  turned.forEach((p, i) => {
    for (let k = 0; k < 3; k++) {
      cross += p[k]! * cb[i]![k]!;
      norm += p[k]! ** 2;
    }
  });
  const s = cross / norm;
  let squared = 0;
  let radius = 0;
  turned.forEach((p, i) => {
    for (let k = 0; k < 3; k++) {
      squared += (s * p[k]! - cb[i]![k]!) ** 2;
      radius += cb[i]![k]! ** 2;
    }
  });
  return Math.sqrt(squared / radius);
}

const asPoints = (flat: readonly number[]): Vec3[] =>
  Array.from({ length: flat.length / 3 }, (_, i) => [flat[3 * i]!, flat[3 * i + 1]!, flat[3 * i + 2]!]);

describe('factorise (structure from motion under scaled orthography)', () => {
  it('recovers a rigid shape from 200 noiseless views up to similarity and mirror image (misfit < 1e-6)', () => {
    const random = seededRandom(3);
    const shape = knownShape(random);
    const result = factorise(views(shape, 200, 0, random), 68);
    expect(procrustesMisfit(result.shape, asPoints(shape))).toBeLessThan(1e-6);
    expect(Math.max(...result.viewResidual)).toBeLessThan(1e-6);
    expect(result.metricEigenvalues.every((v) => v > 0)).toBe(true);
  });

  it('with 1 px landmark noise (~1% of the shape size) over 1000 views, the shape is within 1% (measured 0.13%)', () => {
    const random = seededRandom(5);
    const shape = knownShape(random);
    const result = factorise(views(shape, 1000, 1, random), 68);
    expect(procrustesMisfit(result.shape, asPoints(shape))).toBeLessThan(0.01);
  });

  it('a flat shape has no depth to recover: the metric upgrade fails with a clear error', () => {
    const random = seededRandom(9);
    const flat = knownShape(random).map((v, k) => (k % 3 === 2 ? 0 : v));
    expect(() => factorise(views(flat, 100, 0.5, random), 68)).toThrow(/rigid shape|metric/);
  });

  it('rejects too few views or views of the wrong length', () => {
    expect(() => factorise([new Float64Array(136), new Float64Array(136)], 68)).toThrow(/at least 3 views/);
    expect(() => factorise([new Float64Array(136), new Float64Array(136), new Float64Array(10)], 68)).toThrow(
      /136 numbers/,
    );
  });
});

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
