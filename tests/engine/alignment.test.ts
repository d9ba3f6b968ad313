// dlib face-chip geometry: the similarity fit, the template, and the chip -> frame matrix rebuilt the
// way dlib's chip_details / extract_image_chips build it. Recovery of a known similarity: 1e-4.
import { describe, expect, it } from 'vitest';
import {
  applyAffine,
  composeAffine,
  DLIB_CHIP_PARTS,
  DLIB_MEAN_FACE_X,
  DLIB_MEAN_FACE_Y,
  dlibTemplatePoint,
  findSimilarityTransform,
  getFaceChipDetails,
  invertAffine,
  mirrorAffineX,
  type Affine2x3,
  type Point,
} from '../../src/engine/alignment';
import { seededRandom } from '../helpers/random';

const TOLERANCE = 1e-4;

const similarity = (degrees: number, scale: number, tx: number, ty: number): Affine2x3 => {
  const r = (degrees * Math.PI) / 180;
  return [scale * Math.cos(r), -scale * Math.sin(r), tx, scale * Math.sin(r), scale * Math.cos(r), ty];
};

function expectMatrixClose(actual: Affine2x3, expected: Affine2x3, tolerance: number): void {
  for (let i = 0; i < 6; i++) {
    if (!(Math.abs(actual[i]! - expected[i]!) <= tolerance)) {
      throw new Error(`entry ${i}: got [${actual.join(', ')}], want [${expected.join(', ')}]`);
    }
  }
}

/** 68 landmarks whose chip parts are the dlib template (size, padding) moved by `t`; the jaw is filler. */
function landmarksFrom(t: Affine2x3, size: number, padding: number, seed = 1): Point[] {
  const next = seededRandom(seed);
  return Array.from({ length: 68 }, (_, i) =>
    applyAffine(t, i >= 17 ? dlibTemplatePoint(i, size, padding) : [next() * size, next() * size]),
  );
}

/** dlib's steps, literally: chip_details(from, to, dims) then extract_image_chips' three-corner map. */
function dlibChipMatrix(landmarks: readonly Point[], size: number, padding: number): Affine2x3 {
  const from = DLIB_CHIP_PARTS.map((p) => dlibTemplatePoint(p, size, padding));
  const tform = findSimilarityTransform(
    from,
    DLIB_CHIP_PARTS.map((p) => landmarks[p]!),
  );
  const px = tform[0],
    py = tform[3]; // get_m() * (1,0)
  const angle = Math.atan2(py, px);
  const scale = Math.hypot(px, py);
  const [cx, cy] = applyAffine(tform, [size / 2, size / 2]);
  // centered_drect(p, w, h): w--, h--, then p +- w/2.
  const w = size * scale - 1;
  const rect = { l: cx - w / 2, t: cy - w / 2, r: cx + w / 2, b: cy + w / 2 };
  const centre: Point = [(rect.l + rect.r) / 2, (rect.t + rect.b) / 2];
  const rotate = ([x, y]: Point): Point => {
    const dx = x - centre[0],
      dy = y - centre[1];
    return [
      Math.cos(angle) * dx - Math.sin(angle) * dy + centre[0],
      Math.sin(angle) * dx + Math.cos(angle) * dy + centre[1],
    ];
  };
  const tl = rotate([rect.l, rect.t]);
  const tr = rotate([rect.r, rect.t]);
  const bl = rotate([rect.l, rect.b]);
  // find_affine_transform from chip corners (0,0), (size-1,0), (0,size-1): exact for three points.
  const n = size - 1;
  return [(tr[0] - tl[0]) / n, (bl[0] - tl[0]) / n, tl[0], (tr[1] - tl[1]) / n, (bl[1] - tl[1]) / n, tl[1]];
}

describe('dlib template', () => {
  it('fits parts 27..54 and 60..64 (eyebrows and lower lip dropped), 51 template points for 17..67', () => {
    expect(DLIB_MEAN_FACE_X).toHaveLength(51);
    expect(DLIB_MEAN_FACE_Y).toHaveLength(51);
    const expected = [...Array.from({ length: 28 }, (_, i) => 27 + i), 60, 61, 62, 63, 64];
    expect(DLIB_CHIP_PARTS).toEqual(expected);
  });
  it('places part 30 (nose tip) at (padding + 0.490127) / (2 padding + 1) * size', () => {
    const [x, y] = dlibTemplatePoint(30, 150, 0.25);
    expect(x).toBeCloseTo(((0.25 + 0.490127) / 1.5) * 150, 10);
    expect(y).toBeCloseTo(((0.25 + 0.515625) / 1.5) * 150, 10);
  });
});

describe('findSimilarityTransform', () => {
  it.each([
    [0, 1, 0, 0],
    [17, 2.5, 30, -12],
    [-63, 0.41, 500.5, 380.25],
    [170, 3.7, -20, 1000],
    [-179, 0.05, 1920, 1080],
  ] as const)('recovers rotation %i deg, scale %f, translation (%f, %f)', (deg, scale, tx, ty) => {
    const t = similarity(deg, scale, tx, ty);
    const next = seededRandom(deg + 1000);
    const from = Array.from({ length: 33 }, (): Point => [next() * 150, next() * 150]);
    const to = from.map((p) => applyAffine(t, p));
    expectMatrixClose(findSimilarityTransform(from, to), t, TOLERANCE);
  });

  it('is the least-squares optimum for noisy points (no nearby similarity does better)', () => {
    const next = seededRandom(5);
    const from = Array.from({ length: 33 }, (): Point => [next() * 150, next() * 150]);
    const truth = similarity(23, 1.7, 40, 60);
    const to = from.map((p) => {
      const [x, y] = applyAffine(truth, p);
      return [x + (next() - 0.5) * 6, y + (next() - 0.5) * 6] as Point;
    });
    const cost = (m: Affine2x3) =>
      to.reduce((sum, q, i) => {
        const [x, y] = applyAffine(m, from[i]!);
        return sum + (x - q[0]) ** 2 + (y - q[1]) ** 2;
      }, 0);
    const best = findSimilarityTransform(from, to);
    const [a, , tx, b, , ty] = best;
    const base = cost(best);
    for (const [da, db, dtx, dty] of [
      [1e-3, 0, 0, 0],
      [-1e-3, 0, 0, 0],
      [0, 1e-3, 0, 0],
      [0, -1e-3, 0, 0],
      [0, 0, 0.05, 0],
      [0, 0, 0, -0.05],
    ]) {
      const m: Affine2x3 = [a + da!, -(b + db!), tx + dtx!, b + db!, a + da!, ty + dty!];
      expect(cost(m)).toBeGreaterThan(base);
    }
  });
});

describe('getFaceChipDetails', () => {
  it("landmarks exactly on the 150 px template: matrix is the identity, dlib's extract matrix is shifted by half a pixel", () => {
    const chip = getFaceChipDetails(landmarksFrom([1, 0, 0, 0, 1, 0], 150, 0.25), 150, 0.25);
    expectMatrixClose(chip.matrix, [1, 0, 0, 0, 1, 0], 1e-9);
    expectMatrixClose(chip.dlibExtractMatrix, [1, 0, 0.5, 0, 1, 0.5], 1e-9);
    expect(chip.angle).toBeCloseTo(0, 12);
    expect(chip.scale).toBeCloseTo(1, 12);
  });

  it.each([
    [12, 0.45, 10, -8],
    [-35, 2.2, 300, 220],
    [90, 1, 50, 50],
    [178, 0.8, 640, 360],
  ] as const)(
    "recovers a face rotated %i deg, scaled %f, at (%f, %f) and matches dlib's construction",
    (deg, scale, tx, ty) => {
      const t = similarity(deg, scale, tx, ty);
      const landmarks = landmarksFrom(t, 150, 0.25, deg + 7);
      const chip = getFaceChipDetails(landmarks, 150, 0.25);
      expect(chip.scale).toBeCloseTo(scale, 9);
      expect(chip.angle).toBeCloseTo((deg * Math.PI) / 180, 9);
      expectMatrixClose(chip.matrix, t, TOLERANCE);
      expectMatrixClose(chip.dlibExtractMatrix, dlibChipMatrix(landmarks, 150, 0.25), 1e-9);
      // chip -> frame is the fitted similarity, stretched by k = (150 s - 1) / (149 s) about the chip centre.
      const k = (150 * scale - 1) / (149 * scale);
      const fitted = composeAffine(t, [k, 0, 75 - 74.5 * k, 0, k, 75 - 74.5 * k]);
      expectMatrixClose(chip.dlibExtractMatrix, fitted, TOLERANCE);
    },
  );

  it.each([
    [150, 0.25],
    [150, 0],
    [200, 0.2],
    [112, 0.5],
  ] as const)('size %i padding %f: every fitted landmark lands where dlib puts it in the chip', (size, padding) => {
    // The same face in the frame for every size and padding.
    const landmarks = landmarksFrom(similarity(-8, 0.9, 120, 80), 150, 0.25, 3);
    const chip = getFaceChipDetails(landmarks, size, padding);
    // Scale follows (2 padding + 1) / size: frame pixels per chip unit.
    const s = ((0.9 * 150) / 1.5) * ((2 * padding + 1) / size);
    expect(chip.scale).toBeCloseTo(s, 9);
    // dlib's chip pixel u covers chip unit size/2 + (u - (size-1)/2) * (size s - 1) / ((size - 1) s),
    // so a landmark fitted exactly at template point v sits at pixel (size-1)/2 + (v - size/2) / that.
    const stretch = (size * s - 1) / ((size - 1) * s);
    const toChip = invertAffine(chip.dlibExtractMatrix);
    for (const part of DLIB_CHIP_PARTS) {
      const [x, y] = applyAffine(toChip, landmarks[part]!);
      const [vx, vy] = dlibTemplatePoint(part, size, padding);
      expect(Math.abs(x - ((size - 1) / 2 + (vx - size / 2) / stretch))).toBeLessThan(TOLERANCE);
      expect(Math.abs(y - ((size - 1) / 2 + (vy - size / 2) / stretch))).toBeLessThan(TOLERANCE);
      expect(Math.hypot(x - vx, y - vy)).toBeLessThan(1.5);
    }
  });

  it('rejects other landmark counts and sizes below 2', () => {
    expect(() => getFaceChipDetails(Array.from({ length: 5 }, (): Point => [0, 0]))).toThrow(/68/);
    expect(() => getFaceChipDetails(landmarksFrom([1, 0, 0, 0, 1, 0], 150, 0.25), 1)).toThrow(/size/);
  });
});

describe('affine helpers', () => {
  it('invertAffine and mirrorAffineX', () => {
    const m = similarity(33, 1.4, 12, -7);
    expectMatrixClose(composeAffine(m, invertAffine(m)), [1, 0, 0, 0, 1, 0], 1e-12);
    const mirrored = mirrorAffineX(m, 150);
    const [a, b] = [applyAffine(mirrored, [0, 10]), applyAffine(m, [149, 10])];
    expect(a[0]).toBeCloseTo(b[0], 10);
    expect(a[1]).toBeCloseTo(b[1], 10);
  });
});
