// The planar fit against synthetic data: exact homographies are recovered, a turning 3D face is not
// explained by a plane, a turned flat face is.
import { describe, expect, it } from 'vitest';
import { applyHomography, faceHeight, fitHomography, planarResidual } from '../../src/liveness/homography';
import { PARALLAX_POINTS } from '../../src/liveness/liveness-check';
import { MEAN_FACE_3D } from '../../src/liveness/mean-face';
import { projectShape } from '../../src/liveness/head-pose';
import { seededRandom, syntheticFace } from './synthetic';

const mapPoints = (h: number[], points: Float32Array) => {
  const out = new Float64Array(points.length);
  for (let i = 0; i < points.length; i += 2) [out[i], out[i + 1]] = applyHomography(h, points[i]!, points[i + 1]!);
  return out;
};

/** A flat face (the mean face with its depth removed) turned in 3D and seen in perspective. */
function flatFaceInPerspective(aboutVerticalDeg: number, aboutHorizontalDeg: number, distance: number): Float64Array {
  const out = new Float64Array(136);
  const a = (aboutVerticalDeg * Math.PI) / 180;
  const b = (aboutHorizontalDeg * Math.PI) / 180;
  for (let i = 0; i < 68; i++) {
    let x = MEAN_FACE_3D[3 * i]!;
    let y = -MEAN_FACE_3D[3 * i + 1]!;
    let z = 0;
    [x, z] = [x * Math.cos(a) + z * Math.sin(a), -x * Math.sin(a) + z * Math.cos(a)];
    [y, z] = [y * Math.cos(b) - z * Math.sin(b), y * Math.sin(b) + z * Math.cos(b)];
    out[2 * i] = 320 + (distance * x) / (distance + z);
    out[2 * i + 1] = 240 + (distance * y) / (distance + z);
  }
  return out;
}

describe('fitHomography (normalised DLT)', () => {
  it('recovers random homographies from 68 exact correspondences (entries within 1e-6 relative)', () => {
    const random = seededRandom(3);
    const from = syntheticFace();
    for (let t = 0; t < 20; t++) {
      const h = [
        1 + 0.3 * (random() - 0.5),
        0.3 * (random() - 0.5),
        40 * (random() - 0.5),
        0.3 * (random() - 0.5),
        1 + 0.3 * (random() - 0.5),
        40 * (random() - 0.5),
        1e-3 * (random() - 0.5),
        1e-3 * (random() - 0.5),
        1,
      ];
      const fitted = fitHomography(from, mapPoints(h, from));
      for (let k = 0; k < 9; k++)
        expect(Math.abs(fitted[k]! - h[k]!)).toBeLessThan(1e-6 * Math.max(1, Math.abs(h[k]!)) + 1e-9);
      expect(planarResidual(from, mapPoints(h, from))).toBeLessThan(1e-7);
    }
  });

  it('needs 4 points and equal lengths', () => {
    expect(() => fitHomography(new Float32Array(6), new Float32Array(6))).toThrow(/4 points/);
    expect(() => fitHomography(new Float32Array(8), new Float32Array(10))).toThrow(/length/);
  });
});

describe('planarResidual: a head against a picture', () => {
  it('a flat face turned 10-45° about either axis in perspective leaves < 1e-6 of the face height', () => {
    const neutral = flatFaceInPerspective(0, 0, 400);
    for (const angle of [-45, -25, -10, 10, 25, 45]) {
      expect(planarResidual(neutral, flatFaceInPerspective(angle, 0, 400))).toBeLessThan(1e-6);
      expect(planarResidual(neutral, flatFaceInPerspective(0, angle, 400))).toBeLessThan(1e-6);
      expect(planarResidual(neutral, flatFaceInPerspective(angle, angle / 2, 300), PARALLAX_POINTS)).toBeLessThan(1e-6);
    }
  });

  it('the 3D mean face turned 18° or more leaves > 1.5% of the face height on the parallax points, growing with the angle', () => {
    const neutral = syntheticFace();
    let previous = 0;
    for (const yaw of [18, 25, 35, 45]) {
      const left = planarResidual(neutral, syntheticFace({ yawDeg: yaw }), PARALLAX_POINTS);
      const right = planarResidual(neutral, syntheticFace({ yawDeg: -yaw }), PARALLAX_POINTS);
      expect(left).toBeGreaterThan(0.015);
      expect(right).toBeCloseTo(left, 6); // the mean face is symmetric
      expect(left).toBeGreaterThan(previous);
      previous = left;
    }
  });

  it('does not depend on the face size or position in the frame', () => {
    const a = planarResidual(syntheticFace(), syntheticFace({ yawDeg: 30 }));
    const b = planarResidual(
      syntheticFace({ scale: 0.7, x: 100, y: 90 }),
      syntheticFace({ yawDeg: 30, scale: 0.7, x: 100, y: 90 }),
    );
    expect(b).toBeCloseTo(a, 6);
  });

  it('faceHeight is the vertical extent of the points', () => {
    const points = projectShape({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, { scale: 2, x: 0, y: 0 });
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < 68; i++) {
      min = Math.min(min, points[2 * i + 1]!);
      max = Math.max(max, points[2 * i + 1]!);
    }
    expect(faceHeight(points)).toBeCloseTo(max - min, 9);
  });
});
