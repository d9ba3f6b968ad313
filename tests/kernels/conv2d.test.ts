// conv2d WGSL vs the plain-TS reference over kernel size, stride, padding, channels, activation and
// residual, through every kernel (tiled, subgroup at 8 and 4 lanes). Tolerance 1e-4 relative (f32 sums of up to
// 7*7*1024 products in a different order).
import { describe, expect, it } from 'vitest';
import {
  conv2d,
  uploadConv2dFilter,
  runsAsMatmul,
  type Conv2dFilterSource,
  type Conv2dOptions,
} from '../../src/engine/kernels/conv2d';
import type { Activation } from '../../src/engine/kernels/epilogue';
import type { Padding } from '../../src/engine/kernels/padding';
import { conv2dReference } from '../../src/engine/reference/conv2d';
import { uploadTensor } from '../../src/engine/tensor';
import { expectClose } from '../helpers/compare';
import { runKernel, testContext } from '../helpers/gpu';
import { randomArray } from '../helpers/random';

const TOLERANCE = 1e-4;

interface Case {
  n: number;
  h: number;
  w: number;
  inC: number;
  outC: number;
  k: number;
  stride: number;
  padding: Padding;
  activation: Activation['kind'];
  residual: boolean;
}

function activationFor(kind: Activation['kind'], outC: number, seed: number): Activation {
  switch (kind) {
    case 'leaky':
      return { kind, alpha: 0.1 };
    case 'prelu':
      return { kind, alpha: randomArray(outC, seed, 0, 0.5) };
    default:
      return { kind } as Activation;
  }
}

const ACTIVATIONS: Activation['kind'][] = ['none', 'relu', 'relu6', 'leaky', 'prelu'];
const cases: Case[] = [];
let rotation = 0;
for (const k of [1, 3, 5, 7]) {
  for (const stride of [1, 2]) {
    for (const padding of ['same', 'valid'] as const) {
      const activation = ACTIVATIONS[rotation % ACTIVATIONS.length]!;
      cases.push({
        n: 1,
        h: 9 + k,
        w: 11,
        inC: 3 + (rotation % 5),
        outC: 5 + rotation,
        k,
        stride,
        padding,
        activation,
        residual: rotation % 3 === 0,
      });
      rotation++;
    }
  }
}
// Every activation with and without a residual, on a shape that is not a multiple of anything.
for (const activation of ACTIVATIONS) {
  for (const residual of [false, true]) {
    cases.push({ n: 2, h: 7, w: 6, inC: 6, outC: 10, k: 3, stride: 1, padding: 'same', activation, residual });
  }
}
cases.push(
  { n: 1, h: 1, w: 1, inC: 3, outC: 4, k: 1, stride: 1, padding: 'valid', activation: 'none', residual: false },
  { n: 1, h: 1, w: 1, inC: 8, outC: 3, k: 3, stride: 1, padding: 'same', activation: 'relu', residual: false },
  { n: 1, h: 3, w: 3, inC: 1024, outC: 13, k: 1, stride: 1, padding: 'same', activation: 'relu6', residual: false },
  { n: 1, h: 4, w: 4, inC: 256, outC: 9, k: 3, stride: 2, padding: 'valid', activation: 'none', residual: false },
  { n: 1, h: 23, w: 23, inC: 3, outC: 32, k: 7, stride: 2, padding: 'valid', activation: 'relu', residual: false },
  { n: 3, h: 8, w: 8, inC: 16, outC: 16, k: 3, stride: 1, padding: 'same', activation: 'relu', residual: true },
  { n: 1, h: 17, w: 17, inC: 32, outC: 64, k: 3, stride: 2, padding: 'valid', activation: 'relu', residual: false },
  {
    n: 1,
    h: 13,
    w: 13,
    inC: 17,
    outC: 25,
    k: 1,
    stride: 1,
    padding: { top: 1, bottom: 1, left: 1, right: 1 },
    activation: 'none',
    residual: false,
  },
);

// 1×1 stride-1 unpadded convolutions run as a matrix product (matmul.wgsl): pixel counts and channel
// counts that do not fill its 4-row × 4-column tile or its workgroup.
const matmulCases: Case[] = [
  { n: 1, h: 1, w: 1, inC: 4, outC: 4, k: 1, stride: 1, padding: 'same', activation: 'none', residual: false },
  { n: 1, h: 5, w: 7, inC: 8, outC: 12, k: 1, stride: 1, padding: 'valid', activation: 'relu', residual: false },
  { n: 2, h: 9, w: 3, inC: 12, outC: 20, k: 1, stride: 1, padding: 'same', activation: 'relu6', residual: true },
  { n: 1, h: 11, w: 13, inC: 36, outC: 68, k: 1, stride: 1, padding: 'same', activation: 'prelu', residual: false },
  { n: 3, h: 6, w: 6, inC: 64, outC: 8, k: 1, stride: 1, padding: 'valid', activation: 'leaky', residual: true },
  { n: 1, h: 4, w: 4, inC: 1024, outC: 132, k: 1, stride: 1, padding: 'same', activation: 'relu', residual: false },
];
cases.push(...matmulCases);

const padName = (p: Padding) => (typeof p === 'string' ? p : `explicit${p.top}${p.bottom}${p.left}${p.right}`);

describe('conv2d', () => {
  // Every case through every kernel: conv2d.wgsl's 4-pixel tile (with matmul.wgsl for 1×1) and the
  // subgroup kernels at 8 and 4 lanes (8 or 4 pixels x as many channel groups a subgroup; 4 lanes also
  // run on an 8-wide device, as a partial subgroup). Where the device's subgroups are narrower than a
  // kernel (or absent), that kernel must refuse to run instead.
  const kernels: (Conv2dOptions['kernel'] & {})[] = ['tiled', { subgroupLanes: 8 }, { subgroupLanes: 4 }];
  it.each(
    kernels.flatMap((kernel) =>
      cases.map(
        (c, i) =>
          [
            `${kernel === 'tiled' ? 'tiled' : `subgroup×${kernel.subgroupLanes}`}: x=[${c.n},${c.h},${c.w},${c.inC}] f=[${c.k},${c.k},${c.inC},${c.outC}] s=${c.stride} p=${padName(c.padding)} act=${c.activation}${c.residual ? ' +residual' : ''}`,
            c,
            i,
            kernel,
          ] as const,
      ),
    ),
  )('%s', async (_name, c, seed, kernel) => {
    const context = await testContext();
    const shape = [c.n, c.h, c.w, c.inC];
    const input = randomArray(c.n * c.h * c.w * c.inC, 1000 + seed);
    const source: Conv2dFilterSource = {
      kH: c.k,
      kW: c.k,
      inC: c.inC,
      outC: c.outC,
      weights: randomArray(c.k * c.k * c.inC * c.outC, 2000 + seed, -0.5, 0.5),
      bias: randomArray(c.outC, 3000 + seed),
      scale: randomArray(c.outC, 4000 + seed, 0.5, 1.5),
      shift: randomArray(c.outC, 5000 + seed, -0.2, 0.2),
      activation: activationFor(c.activation, c.outC, 6000 + seed),
    };
    const expected0 = conv2dReference(input, shape, source, { stride: c.stride, padding: c.padding });
    const residualData = c.residual ? randomArray(expected0.data.length, 7000 + seed) : undefined;
    const expected = residualData
      ? conv2dReference(input, shape, source, { stride: c.stride, padding: c.padding, residual: residualData })
      : expected0;

    const x = uploadTensor(context, shape, input);
    const filter = uploadConv2dFilter(context, source);
    const residual = residualData ? uploadTensor(context, expected.shape, residualData) : undefined;
    const run = () => conv2d(context, x, filter, { stride: c.stride, padding: c.padding, residual, kernel });
    if (kernel !== 'tiled' && !((context.fixedSubgroupSize ?? 0) >= kernel.subgroupLanes)) {
      expect(run).toThrow(/needs the subgroups feature and subgroups at least that wide/);
      return;
    }
    const { output, data } = await runKernel(context, run);
    expect(output.shape).toEqual(expected.shape);
    expectClose(data, expected.data, TOLERANCE);
  });

  it('runs exactly the 1×1, stride-1, unpadded convolutions as a matrix product', () => {
    const asMatmul = cases.filter((c) => runsAsMatmul([c.n, c.h, c.w, c.inC], { kH: c.k, kW: c.k }, c));
    expect(asMatmul).toEqual(cases.filter((c) => c.k === 1 && c.stride === 1 && typeof c.padding === 'string'));
    expect(asMatmul).toEqual(expect.arrayContaining(matmulCases));
  });
});
