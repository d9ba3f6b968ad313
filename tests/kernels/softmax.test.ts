// softmax WGSL vs the double-precision reference over the last axis. Tolerance 1e-6 (outputs lie in
// [0,1]). Shapes cover 1 element, a single column, rows shorter and longer than the 64-thread team,
// row counts that do not fill the last workgroup, and logits large enough to overflow exp without the
// row-max subtraction.
import { describe, expect, it } from 'vitest';
import { softmax } from '../../src/engine/kernels/softmax';
import { softmaxReference } from '../../src/engine/reference/softmax';
import { sizeOf, uploadTensor } from '../../src/engine/tensor';
import { expectClose } from '../helpers/compare';
import { runKernel, testContext } from '../helpers/gpu';
import { randomArray } from '../helpers/random';

const TOLERANCE = 1e-6;

interface Case { shape: number[]; range: number }
const cases: Case[] = [
  { shape: [1], range: 5 },
  { shape: [100, 1], range: 5 },
  { shape: [1, 2], range: 5 },
  { shape: [896, 2], range: 10 },
  { shape: [3, 7], range: 10 },
  { shape: [70, 3], range: 10 },
  { shape: [1, 5, 5, 9], range: 10 },
  { shape: [1, 100], range: 10 },
  { shape: [2, 130], range: 10 },
  { shape: [4, 1000], range: 10 },
  { shape: [5, 33], range: 300 },
];

describe('softmax', () => {
  it.each(cases.map((c, i) => [`[${c.shape}] axis=-1 x in ±${c.range}`, c, i] as const))(
    '%s',
    async (_name, c, seed) => {
      const context = await testContext();
      const data = randomArray(sizeOf(c.shape), 400 + seed, -c.range, c.range);
      const x = uploadTensor(context, c.shape, data);
      const { output, data: actual } = await runKernel(context, () => softmax(context, x));
      expect(output.shape).toEqual(c.shape);
      expect(actual.every(Number.isFinite)).toBe(true);
      expectClose(actual, softmaxReference(data, c.shape[c.shape.length - 1]!), TOLERANCE);
    },
  );
});
