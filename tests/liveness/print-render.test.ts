// The evaluation's print renderer (tools/liveness/print-render.ts): a flat print moves by a homography,
// a bent one does not, and an unturned flat print reproduces the photo.
import { describe, expect, it } from 'vitest';
import { FLAT_PRINT, projectPrintPoint, renderPrint, type PrintPose } from '../../tools/liveness/print-render';
import { planarResidual } from '../../src/liveness/homography';

const W = 120;
const H = 100;
const grid = (pose: PrintPose) => {
  const out: number[] = [];
  for (let j = 0; j <= 6; j++)
    for (let i = 0; i <= 6; i++) out.push(...projectPrintPoint((i / 6) * W, (j / 6) * H, W, H, pose).slice(0, 2));
  return Float64Array.from(out);
};

describe('print geometry', () => {
  it('an unturned flat print maps every point to itself', () => {
    const points = grid(FLAT_PRINT);
    let k = 0;
    for (let j = 0; j <= 6; j++)
      for (let i = 0; i <= 6; i++) {
        expect(points[k++]).toBeCloseTo((i / 6) * W, 9);
        expect(points[k++]).toBeCloseTo((j / 6) * H, 9);
      }
  });

  it('a flat print turned 10-45° about either axis moves by a homography (residual < 1e-9 of its height)', () => {
    for (const angle of [-45, -20, 10, 30, 45]) {
      for (const pose of [
        { ...FLAT_PRINT, aboutVerticalDeg: angle, distance: 1.5 },
        { ...FLAT_PRINT, aboutHorizontalDeg: angle, rollDeg: 3, shiftX: 2, scale: 1.02 },
      ]) {
        expect(planarResidual(grid(FLAT_PRINT), grid(pose))).toBeLessThan(1e-9);
      }
    }
  });

  it('a bent print turned 30° does not (residual > 0.3% of its height); the far side shrinks', () => {
    const bent = { ...FLAT_PRINT, bendRadius: 0.5, aboutVerticalDeg: 30, distance: 1.5 };
    expect(planarResidual(grid(FLAT_PRINT), grid(bent))).toBeGreaterThan(0.003);
    const [leftX] = projectPrintPoint(0, H / 2, W, H, { ...FLAT_PRINT, aboutVerticalDeg: 30 });
    const [rightX] = projectPrintPoint(W, H / 2, W, H, { ...FLAT_PRINT, aboutVerticalDeg: 30 });
    // > 0 brings the right side nearer: it spreads further from the centre than the left side.
    expect(rightX - W / 2).toBeGreaterThan(W / 2 - leftX);
  });
});

describe('renderPrint', () => {
  it('reproduces the photo when the print faces the camera (every channel within 1)', () => {
    const data = new Uint8ClampedArray(W * H * 4);
    for (let i = 0; i < W * H; i++) data.set([(i * 7) % 256, (i * 13) % 256, (i >> 4) % 256, 255], 4 * i);
    const out = renderPrint({ width: W, height: H, data }, FLAT_PRINT);
    let worst = 0;
    for (let i = 0; i < data.length; i++) worst = Math.max(worst, Math.abs(out.data[i]! - data[i]!));
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('fills what the turned print leaves uncovered with the background grey', () => {
    const data = new Uint8ClampedArray(W * H * 4).fill(255);
    const out = renderPrint({ width: W, height: H, data }, { ...FLAT_PRINT, aboutVerticalDeg: 45 });
    // The receding left edge pulls in: the first column is background.
    expect(out.data[4 * (H / 2) * W]).toBe(96);
    expect(out.data[4 * ((H / 2) * W + W / 2)]).toBe(255);
  });
});
