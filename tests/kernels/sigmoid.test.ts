// sigmoid WGSL vs the double-precision reference. Tolerance 1e-6 absolute (outputs lie in [0,1]; WGSL's
// exp is accurate to a few ULP). Sizes cover 1 element, the vec4 tail and partial workgroups; inputs
// include values where exp(-x) overflows or underflows.
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/engine/kernels/sigmoid';
import { sigmoidReference } from '../../src/engine/reference/sigmoid';
import { sizeOf, uploadTensor } from '../../src/engine/tensor';
import { expectClose } from '../helpers/compare';
import { runKernel, testContext } from '../helpers/gpu';
import { randomArray } from '../helpers/random';

const TOLERANCE = 1e-6;
const SHAPES = [[1], [2], [7], [1, 5118, 1], [255], [257], [1, 13, 13, 25], [3, 4, 4, 16]];
const EXTREMES = [0, -0, 1e-8, -1e-8, 20, -20, 88, -88, 89, -89, 100, -100, 1e30, -1e30];

describe('sigmoid', () => {
  it.each(SHAPES.map((shape, i) => [`[${shape}]`, shape, i] as const))('%s', async (_name, shape, seed) => {
    const context = await testContext();
    const data = randomArray(sizeOf(shape), 300 + seed, -12, 12);
    data.set(EXTREMES.slice(0, Math.min(EXTREMES.length, data.length)));
    const x = uploadTensor(context, shape, data);
    const { output, data: actual } = await runKernel(context, () => sigmoid(context, x));
    expect(output.shape).toEqual(shape);
    expectClose(actual, sigmoidReference(data), TOLERANCE);
  });
});
