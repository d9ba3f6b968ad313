// clusterSpread, the experiment's number for "tight, separated clusters", on hand-worked 2-D features.
import { describe, expect, it } from 'vitest';
import { clusterSpread } from '../../src/engine/training/experiment';

describe('clusterSpread', () => {
  it('two classes, each two points 1 from its mean, means 10 apart: within 1, between 10, ratio 0.1', () => {
    const features = Float32Array.of(-1, 0, 1, 0, 10, 1, 10, -1);
    const spread = clusterSpread(features, Uint32Array.of(0, 0, 1, 1), 2);
    expect(spread.within).toBeCloseTo(1, 12);
    expect(spread.between).toBeCloseTo(10, 12);
    expect(spread.ratio).toBeCloseTo(0.1, 12);
  });

  it('is scale-free, and ignores classes without samples', () => {
    const features = Float32Array.of(-1, 0, 1, 0, 10, 1, 10, -1).map((v) => v * 7);
    expect(clusterSpread(features, Uint32Array.of(0, 0, 2, 2), 3).ratio).toBeCloseTo(0.1, 12);
  });
});
