// l2-normalize WGSL vs the double-precision reference, per row over the last axis. Tolerance 1e-6
// (outputs lie in [-1,1]). Shapes cover 1 element, a single column, embedding sizes (128, 192, 256),
// rows shorter and longer than the 64-thread team, row counts that do not fill the last workgroup, and
// rows of zeros and of tiny values where the 1e-12 epsilon takes over.
import { describe, expect, it } from 'vitest';
import { l2Normalize } from '../../src/engine/kernels/l2-normalize';
import { l2NormalizeReference } from '../../src/engine/reference/l2-normalize';
import { sizeOf, uploadTensor } from '../../src/engine/tensor';
import { expectClose } from '../helpers/compare';
import { runKernel, testContext } from '../helpers/gpu';
import { randomArray } from '../helpers/random';

const TOLERANCE = 1e-6;
const SHAPES = [[1], [100, 1], [3, 7], [70, 3], [1, 128], [8, 128], [5, 192], [2, 1, 1, 256], [2, 130], [3, 1000]];

describe('l2-normalize', () => {
  it.each(SHAPES.map((shape, i) => [`[${shape}] axis=-1`, shape, i] as const))('%s', async (_name, shape, seed) => {
    const context = await testContext();
    const data = randomArray(sizeOf(shape), 500 + seed, -3, 3);
    const x = uploadTensor(context, shape, data);
    const { output, data: actual } = await runKernel(context, () => l2Normalize(context, x));
    expect(output.shape).toEqual(shape);
    expectClose(actual, l2NormalizeReference(data, shape[shape.length - 1]!), TOLERANCE);
  });

  it('[3,5] with a zero row and a row below the epsilon', async () => {
    const context = await testContext();
    const data = new Float32Array([0, 0, 0, 0, 0, 1e-8, -2e-8, 0, 3e-8, 0, 1, 2, 3, 4, 5]);
    const x = uploadTensor(context, [3, 5], data);
    const { data: actual } = await runKernel(context, () => l2Normalize(context, x));
    const expected = l2NormalizeReference(data, 5);
    expect(Array.from(actual.subarray(0, 5))).toEqual([0, 0, 0, 0, 0]);
    expect(expected[5]).toBeCloseTo(1e-2, 8);
    expectClose(actual, expected, TOLERANCE);
  });
});
