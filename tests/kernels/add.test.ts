// add WGSL vs the plain-TS reference: f32 addition and ReLU/ReLU6/leaky are exactly rounded, so the
// results must match bit for bit. Sizes cover 1 element, sizes that are not a multiple of 4 (the vec4
// tail) or of the 64-thread workgroup, and residual-sized NHWC tensors.
import { describe, expect, it } from 'vitest';
import { add, type ElementwiseActivation } from '../../src/engine/kernels/add';
import { addReference } from '../../src/engine/reference/add';
import { createTensor, sizeOf, uploadTensor } from '../../src/engine/tensor';
import { expectExact } from '../helpers/compare';
import { runKernel, testContext } from '../helpers/gpu';
import { randomArray } from '../helpers/random';

const ACTIVATIONS: ElementwiseActivation[] = [
  { kind: 'none' },
  { kind: 'relu' },
  { kind: 'relu6' },
  { kind: 'leaky', alpha: 0.1 },
];
const SHAPES = [[1], [3], [5], [1, 7, 9, 3], [255], [257], [2, 8, 8, 64], [1, 56, 56, 32]];

const cases = SHAPES.flatMap((shape, i) =>
  [ACTIVATIONS[i % ACTIVATIONS.length]!, ...(i === 3 ? ACTIVATIONS : [])].map((activation) => ({ shape, activation })),
);

describe('add', () => {
  it.each(cases.map((c, i) => [`[${c.shape}] + [${c.shape}] act=${c.activation.kind}`, c, i] as const))(
    '%s',
    async (_name, c, seed) => {
      const context = await testContext();
      const size = sizeOf(c.shape);
      // Range past 6 so that ReLU6 clamps; sums of opposite signs exercise cancellation.
      const aData = randomArray(size, 100 + seed, -8, 8);
      const bData = randomArray(size, 200 + seed, -8, 8);
      const a = uploadTensor(context, c.shape, aData);
      const b = uploadTensor(context, c.shape, bData);
      const { output, data } = await runKernel(context, () => add(context, a, b, { activation: c.activation }));
      expect(output.shape).toEqual(c.shape);
      expectExact(data, addReference(aData, bData, c.activation));
    },
  );

  it('accepts a different shape of the same size and writes into a given output', async () => {
    const context = await testContext();
    const aData = randomArray(24, 1);
    const bData = randomArray(24, 2);
    const a = uploadTensor(context, [1, 2, 3, 4], aData);
    const b = uploadTensor(context, [24], bData);
    const out = createTensor(context, [1, 2, 3, 4]);
    const { output, data } = await runKernel(context, () => add(context, a, b, { output: out }));
    expect(output).toBe(out);
    expectExact(data, addReference(aData, bData));
  });

  it('rejects different sizes and in-place use', async () => {
    const context = await testContext();
    const a = uploadTensor(context, [4], new Float32Array(4));
    const b = uploadTensor(context, [5], new Float32Array(5));
    expect(() => add(context, a, b)).toThrow(/differ in size/);
    expect(() => add(context, a, a, { output: a })).toThrow(/in place/);
  });
});
