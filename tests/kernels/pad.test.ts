// pad WGSL vs the plain-TS reference: channel padding (the ResNet shortcut), bottom/right rows and
// columns (the recognition net's 3->4 and 1->2 branches), all sides, and a map large enough that the
// grid wraps into a second dimension. A copy with zeros: exact.
import { describe, expect, it } from 'vitest';
import { pad, type PadAmounts } from '../../src/engine/kernels/pad';
import { padReference } from '../../src/engine/reference/pad';
import { uploadTensor } from '../../src/engine/tensor';
import { expectExact } from '../helpers/compare';
import { runKernel, testContext } from '../helpers/gpu';
import { randomArray } from '../helpers/random';

const cases: [number[], PadAmounts][] = [
  [[1, 1, 1, 1], { channels: 3 }],
  [[1, 1, 1, 3], { bottom: 1, right: 1 }],
  [[1, 1, 1, 5], {}],
  [[1, 17, 17, 32], { channels: 32 }],
  [[2, 8, 8, 5], { channels: 7 }],
  [[1, 3, 3, 256], { bottom: 1, right: 1 }],
  [[1, 1, 1, 256], { bottom: 1, right: 1 }],
  [[3, 5, 7, 3], { bottom: 2, right: 1 }],
  [[2, 4, 6, 7], { right: 3, channels: 1 }],
  [[1, 9, 5, 6], { bottom: 4 }],
  [[2, 3, 5, 2], { top: 1, bottom: 2, left: 3, right: 1, channels: 2 }],
  [[1, 6, 4, 3], { top: 2, left: 1 }],
];

const show = (p: PadAmounts) =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ') || 'none';

describe('pad', () => {
  it.each(cases.map(([shape, amounts], i) => [`x=[${shape.join(',')}] ${show(amounts)}`, shape, amounts, i] as const))(
    '%s',
    async (_name, shape, amounts, seed) => {
      const context = await testContext();
      const input = randomArray(
        shape.reduce((a, b) => a * b, 1),
        1000 + seed,
      );
      const expected = padReference(input, shape, amounts);
      const x = uploadTensor(context, shape, input);
      const { output, data } = await runKernel(context, () => pad(context, x, amounts));
      expect(output.shape).toEqual(expected.shape);
      expectExact(data, expected.data);
    },
  );

  // 1025*1025*4 output elements = 4,202,500 threads, more than 65535 workgroups of 64 hold in x.
  it('x=[1,1024,1024,4] bottom=1 right=1: the grid wraps into y', async () => {
    const context = await testContext();
    const shape = [1, 1024, 1024, 4];
    const input = randomArray(1024 * 1024 * 4, 99);
    const expected = padReference(input, shape, { bottom: 1, right: 1 });
    const x = uploadTensor(context, shape, input);
    const { data } = await runKernel(context, () => pad(context, x, { bottom: 1, right: 1 }));
    expectExact(data, expected.data);
  });

  it('x=[1,2,2,1] by hand', async () => {
    const context = await testContext();
    const x = uploadTensor(context, [1, 2, 2, 1], Float32Array.from([1, 2, 3, 4]));
    const { output, data } = await runKernel(context, () => pad(context, x, { bottom: 1, right: 1, channels: 1 }));
    expect(output.shape).toEqual([1, 3, 3, 2]);
    expectExact(data, Float32Array.from([1, 0, 2, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
  });

  it('rejects negative or fractional padding', async () => {
    const context = await testContext();
    const x = uploadTensor(context, [1, 2, 2, 1], Float32Array.from([1, 2, 3, 4]));
    expect(() => pad(context, x, { bottom: -1 })).toThrow(/bottom/);
    expect(() => pad(context, x, { channels: 0.5 })).toThrow(/channels/);
  });
});
