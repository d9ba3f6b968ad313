// pool WGSL vs the plain-TS reference over window, stride, padding and channel count, for max and
// average. Max must match exactly; average within 1e-6 relative (the reference sums in f32 in the
// shader's order; only the division's rounding may differ).
import { describe, expect, it } from 'vitest';
import { pool, type PoolKind, type PoolOptions } from '../../src/engine/kernels/pool';
import { poolReference } from '../../src/engine/reference/pool';
import { uploadTensor } from '../../src/engine/tensor';
import { expectClose, expectExact } from '../helpers/compare';
import { runKernel, testContext } from '../helpers/gpu';
import { randomArray } from '../helpers/random';

const AVERAGE_TOLERANCE = 1e-6;

interface Case {
  n: number;
  h: number;
  w: number;
  c: number;
  window: number | [number, number];
  stride: number | [number, number];
  padding: 'same' | 'valid';
}

const cases: Case[] = [];
let rotation = 0;
for (const window of [2, 3, [2, 3]] as const) {
  for (const stride of [1, 2]) {
    for (const padding of ['same', 'valid'] as const) {
      cases.push({
        n: 1 + (rotation % 2),
        h: 7 + (rotation % 3),
        w: 9,
        c: 1 + rotation,
        window: window as Case['window'],
        stride,
        padding,
      });
      rotation++;
    }
  }
}
cases.push(
  // 1x1 inputs: the SAME window hangs over the edge on every side but one position.
  { n: 1, h: 1, w: 1, c: 3, window: 2, stride: 2, padding: 'same' },
  { n: 2, h: 1, w: 1, c: 5, window: 3, stride: 1, padding: 'same' },
  { n: 1, h: 1, w: 1, c: 4, window: 1, stride: 1, padding: 'valid' },
  // The models' pools: tiny detector 2/2 SAME on an odd map and 2x2/1 SAME; recognition 3x3/2 VALID
  // and the 2x2/2 VALID shortcut; landmarks 7x7/2 VALID on 7x7 (a global mean).
  { n: 1, h: 13, w: 13, c: 18, window: 2, stride: 2, padding: 'same' },
  { n: 1, h: 13, w: 13, c: 9, window: 2, stride: 1, padding: 'same' },
  { n: 1, h: 19, w: 19, c: 32, window: 3, stride: 2, padding: 'valid' },
  { n: 2, h: 17, w: 17, c: 6, window: 2, stride: 2, padding: 'valid' },
  { n: 1, h: 7, w: 7, c: 67, window: 7, stride: 2, padding: 'valid' },
  { n: 1, h: 14, w: 14, c: 5, window: 14, stride: 2, padding: 'valid' },
  // Window larger than the stride in one axis only; SAME with total padding of 2 in both axes.
  { n: 3, h: 6, w: 11, c: 7, window: [3, 1], stride: [1, 2], padding: 'same' },
  { n: 1, h: 5, w: 5, c: 2, window: 5, stride: 1, padding: 'same' },
);

const show = (v: number | readonly number[]) => (typeof v === 'number' ? `${v}` : v.join('x'));

describe('pool', () => {
  for (const kind of ['max', 'average'] as PoolKind[]) {
    it.each(
      cases.map(
        (c, i) =>
          [
            `${kind} x=[${c.n},${c.h},${c.w},${c.c}] k=${show(c.window)} s=${show(c.stride)} p=${c.padding}`,
            c,
            i,
          ] as const,
      ),
    )('%s', async (_name, c, seed) => {
      const context = await testContext();
      const shape = [c.n, c.h, c.w, c.c];
      const input = randomArray(c.n * c.h * c.w * c.c, 1000 + seed);
      const options: PoolOptions = { kind, window: c.window, stride: c.stride, padding: c.padding };
      const expected = poolReference(input, shape, options);
      const x = uploadTensor(context, shape, input);
      const { output, data } = await runKernel(context, () => pool(context, x, options));
      expect(output.shape).toEqual(expected.shape);
      if (kind === 'max') expectExact(data, expected.data);
      else expectClose(data, expected.data, AVERAGE_TOLERANCE);
    });
  }

  // TF semantics written out by hand, independent of the reference: 2x2/2 SAME on a 3x3 map pads one
  // row and one column at the bottom/right; the average leaves them out of the count.
  it('x=[1,3,3,1] k=2 s=2 p=same: padded positions are ignored (max) and not counted (average)', async () => {
    const context = await testContext();
    const x = uploadTensor(context, [1, 3, 3, 1], Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const max = await runKernel(context, () =>
      pool(context, x, { kind: 'max', window: 2, stride: 2, padding: 'same' }),
    );
    const avg = await runKernel(context, () =>
      pool(context, x, { kind: 'average', window: 2, stride: 2, padding: 'same' }),
    );
    expect(max.output.shape).toEqual([1, 2, 2, 1]);
    expectExact(max.data, Float32Array.from([5, 6, 8, 9]));
    expectExact(avg.data, Float32Array.from([3, 4.5, 7.5, 9]));
  });

  it('max of an all-negative window is negative, not 0', async () => {
    const context = await testContext();
    const x = uploadTensor(context, [1, 2, 2, 1], Float32Array.from([-3, -1, -2, -5]));
    const { data } = await runKernel(context, () =>
      pool(context, x, { kind: 'max', window: 2, stride: 2, padding: 'same' }),
    );
    expectExact(data, Float32Array.from([-1]));
  });
});
