// head-gather WGSL vs the plain-TS reference: SSD's head shapes (3 and 6 anchors, box width 4 and
// class width 3 from one merged head), batches, row offsets, and a head large enough that the grid
// wraps into a second dimension. A copy: exact.
import { describe, expect, it } from 'vitest';
import { headGather, type HeadGatherOptions } from '../../src/engine/kernels/head-gather';
import { headGatherReference } from '../../src/engine/reference/head-gather';
import { readTensor, uploadTensor } from '../../src/engine/tensor';
import { submit } from '../../src/engine/kernels/dispatch';
import { expectExact } from '../helpers/compare';
import { testContext } from '../helpers/gpu';
import { randomArray } from '../helpers/random';

type Case = { input: [number, number, number, number]; rows: number; options: Omit<HeadGatherOptions, 'label'> };

const cases: Case[] = [
  { input: [1, 32, 32, 21], rows: 5118, options: { anchors: 3, width: 4, channelOffset: 0, rowOffset: 0 } },
  { input: [1, 32, 32, 21], rows: 5118, options: { anchors: 3, width: 3, channelOffset: 12, rowOffset: 0 } },
  { input: [2, 16, 16, 42], rows: 5118, options: { anchors: 6, width: 4, channelOffset: 0, rowOffset: 3072 } },
  { input: [3, 1, 1, 42], rows: 5118, options: { anchors: 6, width: 3, channelOffset: 24, rowOffset: 5112 } },
  { input: [2, 3, 5, 9], rows: 40, options: { anchors: 2, width: 3, channelOffset: 2, rowOffset: 7 } },
  // 2 x 300 x 300 cells x 6 anchors x 4 = 4,320,000 threads = 67,500 groups of 64, past the 65535 limit.
  { input: [2, 300, 300, 24], rows: 540000, options: { anchors: 6, width: 4, channelOffset: 0, rowOffset: 0 } },
];

const name = (c: Case) =>
  `x=[${c.input}] rows=${c.rows} anchors=${c.options.anchors} width=${c.options.width} c0=${c.options.channelOffset} r0=${c.options.rowOffset}`;

describe('head-gather', () => {
  it.each(cases.map((c, i) => [name(c), c, i] as const))('%s', async (_name, c, seed) => {
    const context = await testContext();
    const size = c.input.reduce((a, b) => a * b, 1);
    const input = randomArray(size, 500 + seed);
    const initial = randomArray(c.input[0] * c.rows * c.options.width, 900 + seed);
    const expected = initial.slice();
    headGatherReference(input, c.input, expected, c.rows, c.options);
    const x = uploadTensor(context, c.input, input);
    const out = uploadTensor(context, [c.input[0], c.rows, c.options.width], initial);
    await context.checked('head-gather', () => submit(context, [headGather(context, x, out, c.options).dispatch]));
    expectExact(await readTensor(context, out), expected);
  });

  it('rejects a head that does not fit', async () => {
    const context = await testContext();
    const x = uploadTensor(context, [1, 2, 2, 12], new Float32Array(48));
    const out = uploadTensor(context, [1, 10, 4], new Float32Array(40));
    expect(() => headGather(context, x, out, { anchors: 3, width: 4, channelOffset: 0, rowOffset: 0 })).toThrow(
      /exceed the output/,
    );
    expect(() => headGather(context, x, out, { anchors: 3, width: 4, channelOffset: 4, rowOffset: 0 })).toThrow(
      /exceed the input/,
    );
    expect(() => headGather(context, x, out, { anchors: 2, width: 3, channelOffset: 0, rowOffset: 0 })).toThrow(
      /width/,
    );
  });
});
