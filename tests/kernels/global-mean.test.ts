// global-mean WGSL vs the plain-TS reference (f64 sums) over spatial size, channel count and batch.
// Tolerance 1e-5 relative: f32 partial sums in a different order from the reference's f64 sum.
import { describe, expect, it } from 'vitest';
import { globalMean } from '../../src/engine/kernels/global-mean';
import { globalMeanReference } from '../../src/engine/reference/global-mean';
import { uploadTensor } from '../../src/engine/tensor';
import { expectClose, expectExact } from '../helpers/compare';
import { runKernel, testContext } from '../helpers/gpu';
import { randomArray } from '../helpers/random';

const TOLERANCE = 1e-5;

const shapes: [number, number, number, number][] = [
  [1, 1, 1, 1],
  [1, 1, 1, 5],
  [2, 1, 1, 17],
  [1, 2, 2, 256], // the recognition net's final mean
  [1, 7, 7, 13],
  [3, 5, 3, 7],
  [2, 9, 11, 3],
  [1, 14, 14, 130],
  [1, 3, 1, 9],
  [1, 64, 48, 2], // many pixels, few channels: most of the work is in the pixel lanes
  [4, 6, 6, 33],
];

describe('global-mean', () => {
  it.each(shapes.map((s, i) => [`x=[${s.join(',')}] -> [${s[0]},1,1,${s[3]}]`, s, i] as const))(
    '%s',
    async (_name, shape, seed) => {
      const context = await testContext();
      const input = randomArray(
        shape.reduce((a, b) => a * b, 1),
        1000 + seed,
      );
      const expected = globalMeanReference(input, shape);
      const x = uploadTensor(context, shape, input);
      const { output, data } = await runKernel(context, () => globalMean(context, x));
      expect(output.shape).toEqual(expected.shape);
      expectClose(data, expected.data, TOLERANCE);
    },
  );

  it('x=[2,2,2,3] by hand', async () => {
    const context = await testContext();
    // Image 0: channel c holds c+1 at every pixel; image 1: pixels 1,2,3,4 in every channel.
    const data = Float32Array.from([1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
    const x = uploadTensor(context, [2, 2, 2, 3], data);
    const result = await runKernel(context, () => globalMean(context, x));
    expectExact(result.data, Float32Array.from([1, 2, 3, 2.5, 2.5, 2.5]));
  });
});
