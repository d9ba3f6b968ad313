// Hard impostors: each image's nearest other-person neighbour, each unordered pair once.
import { describe, expect, it } from 'vitest';
import { cosineDistance, hardImpostors } from '../../tools/lfw/hard-impostors';
import { euclidean } from '../../tools/lfw/evaluate';

const item = (image: string, person: string, ...v: number[]) => ({ image, person, vector: Float32Array.from(v) });

describe('hardImpostors', () => {
  it('pairs each image with its nearest neighbour of another person, never of the same, once per pair', () => {
    const items = [item('a1', 'a', 0, 0), item('a2', 'a', 0.1, 0), item('b1', 'b', 1, 0), item('c1', 'c', 5, 0)];
    // a1 → b1 (1), a2 → b1 (0.9), b1 → a2 (0.9, already listed), c1 → b1 (4).
    expect(hardImpostors(items, euclidean)).toEqual([
      { imageA: 'a1', imageB: 'b1', distance: 1 },
      { imageA: 'a2', imageB: 'b1', distance: expect.closeTo(0.9, 6) as number },
      { imageA: 'c1', imageB: 'b1', distance: 4 },
    ]);
  });

  it('gives nothing when everyone is the same person', () => {
    expect(hardImpostors([item('a1', 'a', 0), item('a2', 'a', 1)], euclidean)).toEqual([]);
  });

  it('cosine distance is 0 for parallel, 1 for orthogonal, 2 for opposite vectors', () => {
    const v = (...x: number[]) => Float32Array.from(x);
    expect(cosineDistance(v(1, 2), v(2, 4))).toBeCloseTo(0, 7);
    expect(cosineDistance(v(1, 0), v(0, 3))).toBeCloseTo(1, 7);
    expect(cosineDistance(v(1, 1), v(-1, -1))).toBeCloseTo(2, 7);
  });
});
