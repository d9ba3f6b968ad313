// L2-normalise forward (the projection head's last op): the WGSL kernel against the float64 reference,
// rows of odd lengths, more rows than a workgroup, and an all-zero row (the epsilon keeps it at zero).
// Tolerance: 1e-6 relative (one sum of squares, one reciprocal square root per row).
import { describe, expect, it } from 'vitest';
import { l2Normalize } from '../../src/engine/kernels/l2-normalize';
import { l2Normalize64 } from '../../src/engine/reference/l2-normalize';
import { uploadTensor } from '../../src/engine/tensor';
import { runKernel, testContext } from '../helpers/gpu';
import { expectWithin, f32, randomValues } from './check';

const cases = [
  { rows: 1, cols: 1 },
  { rows: 5, cols: 7 },
  { rows: 9, cols: 128 },
  { rows: 70, cols: 3 },
];

describe('l2-normalize forward', () => {
  it.each(cases.map((c, i) => [`x=[${c.rows},${c.cols}]`, c, i] as const))(
    '%s',
    async (label, { rows, cols }, seed) => {
      const x = randomValues(rows * cols, 190 + seed, -2, 2);
      const context = await testContext();
      const { data } = await runKernel(context, () =>
        l2Normalize(context, uploadTensor(context, [rows, cols], f32(x))),
      );
      expectWithin(`${label} y gpu`, data, l2Normalize64(x, cols), 1e-6);
    },
  );

  it('a zero row stays zero', async () => {
    const x = new Float64Array(8);
    x.set([3, -4, 0, 0], 4);
    const context = await testContext();
    const { data } = await runKernel(context, () => l2Normalize(context, uploadTensor(context, [2, 4], f32(x))));
    expect(Array.from(data.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expectWithin('zero row and [3,-4,0,0] y gpu', data, l2Normalize64(x, 4), 1e-6);
  });
});
