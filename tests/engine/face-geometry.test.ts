// The engine's pure face geometry, on hand-worked cases (exact unless a tolerance is named).
import { describe, expect, it } from 'vitest';
import {
  centreOf,
  faceApiAlignedBox,
  faceApiCrop,
  landmarksToFrame,
  targetOrder,
  toPoints,
} from '../../src/engine/face-geometry';
import { batchSizeFor } from '../../src/engine/stages/network-stage';

describe('faceApiCrop', () => {
  it('floors a box inside the frame', () => {
    expect(faceApiCrop({ x: 10.7, y: 20.2, width: 30.9, height: 40.5 }, 100, 100)).toEqual({
      x: 10,
      y: 20,
      width: 30,
      height: 40,
    });
  });

  it('clips at the frame borders on every side', () => {
    // Left/top: x = -5 clips to 0 and the width loses the 5 outside; right/bottom: clipped at 64.
    expect(faceApiCrop({ x: -5, y: -8, width: 20, height: 100 }, 64, 48)).toEqual({
      x: 0,
      y: 0,
      width: 15,
      height: 48,
    });
    expect(faceApiCrop({ x: 50, y: 40, width: 30, height: 30 }, 64, 48)).toEqual({
      x: 50,
      y: 40,
      width: 14,
      height: 8,
    });
  });

  it('never returns an empty crop', () => {
    expect(faceApiCrop({ x: 63.5, y: 0, width: 0.2, height: 0.2 }, 64, 48)).toEqual({
      x: 63,
      y: 0,
      width: 1,
      height: 1,
    });
  });
});

describe('landmarksToFrame', () => {
  it('a square crop: scaled by its side and shifted by the unrounded box origin', () => {
    const points = landmarksToFrame(
      [0, 0, 1, 1, 0.5, 0.25],
      { x: 10, y: 20, width: 40, height: 40 },
      { x: 10.5, y: 20.25 },
    );
    expect(Array.from(points)).toEqual([10.5, 20.25, 50.5, 60.25, 30.5, 30.25]);
  });

  it('a wide crop was padded top and bottom: the padding comes off y', () => {
    // 60×40 crop on a 60×60 square: 10 px of padding above.
    const points = landmarksToFrame([0.5, 0.5], { x: 0, y: 0, width: 60, height: 40 }, { x: 0, y: 0 });
    expect(Array.from(points)).toEqual([30, 20]);
  });

  it('a tall crop was padded left and right: the padding comes off x', () => {
    const points = landmarksToFrame([0, 1], { x: 100, y: 50, width: 30, height: 50 }, { x: 100, y: 50 });
    expect(Array.from(points)).toEqual([90, 100]);
  });
});

describe('toPoints and centreOf', () => {
  it('pairs the flat array and averages a range of points', () => {
    const flat = new Float32Array([0, 0, 2, 4, 4, 8]);
    expect(toPoints(flat)).toEqual([
      [0, 0],
      [2, 4],
      [4, 8],
    ]);
    expect(centreOf(flat, [1, 2])).toEqual([3, 6]);
  });
});

describe('faceApiAlignedBox', () => {
  /** 68 points with every eye point at its eye's centre and every mouth point at the mouth's centre. */
  function face(leftEye: [number, number], rightEye: [number, number], mouth: [number, number]): Float32Array {
    const points = new Float32Array(136);
    const set = (from: number, to: number, [x, y]: [number, number]) => {
      for (let i = from; i <= to; i++) {
        points[2 * i] = x;
        points[2 * i + 1] = y;
      }
    };
    set(36, 41, leftEye);
    set(42, 47, rightEye);
    set(48, 67, mouth);
    return points;
  }

  it('sizes the box from the eye-to-mouth distance and places the centroid at (0.5, 0.43)', () => {
    // Eyes 60 apart at y=100, mouth 90 below their midpoint: each eye is hypot(30, 90) = 94.87 from it.
    const box = faceApiAlignedBox(face([170, 100], [230, 100], [200, 190]), 640, 480);
    const size = Math.floor(Math.hypot(30, 90) / 0.45); // 210
    expect(size).toBe(210);
    // Centroid (200, 130): x = floor(200 - 105) = 95, y = floor(130 - 0.43·210) = floor(39.7) = 39.
    expect(box).toEqual({ x: 95, y: 39, width: 210, height: 210 });
  });

  it('clamps the corner at the frame origin', () => {
    const box = faceApiAlignedBox(face([10, 20], [70, 20], [40, 110]), 640, 480);
    expect([box.x, box.y]).toEqual([0, 0]);
  });
});

describe('targetOrder', () => {
  it('puts a face containing the centre first, even when another is larger', () => {
    const big = { x: 0, y: 0, width: 200, height: 200 };
    const central = { x: 300, y: 220, width: 40, height: 40 };
    expect(targetOrder([big, central], 640, 480)).toEqual([1, 0]);
  });

  it('among faces off the centre, prefers the larger and the nearer', () => {
    const farSmall = { x: 0, y: 0, width: 40, height: 40 };
    const nearLarge = { x: 420, y: 200, width: 80, height: 80 };
    const nearSmall = { x: 400, y: 300, width: 30, height: 30 };
    expect(targetOrder([farSmall, nearLarge, nearSmall], 640, 480)).toEqual([1, 2, 0]);
  });

  it('returns nothing for no boxes', () => {
    expect(targetOrder([], 640, 480)).toEqual([]);
  });
});

describe('batchSizeFor', () => {
  it('rounds up to a power of two', () => {
    expect([1, 2, 3, 4, 5, 8, 9, 17].map(batchSizeFor)).toEqual([1, 2, 4, 4, 8, 8, 16, 32]);
  });
});
