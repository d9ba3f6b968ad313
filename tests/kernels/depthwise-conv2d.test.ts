// depthwise-conv2d WGSL vs the plain-TS reference over kernel size, stride, padding, channel count,
// activation and residual; output widths leave 0-3 pixels of the kernel's last 4-pixel group. Tolerance 1e-5 relative (f32 sums of at most 7*7 products, in the same
// order as the reference but rounded at each step where the reference is not).
import { describe, expect, it } from 'vitest';
import {
  depthwiseConv2d,
  uploadDepthwiseConv2dFilter,
  type DepthwiseConv2dFilterSource,
} from '../../src/engine/kernels/depthwise-conv2d';
import type { Activation } from '../../src/engine/kernels/epilogue';
import type { Padding } from '../../src/engine/kernels/padding';
import { depthwiseConv2dReference } from '../../src/engine/reference/depthwise-conv2d';
import { uploadTensor } from '../../src/engine/tensor';
import { expectClose } from '../helpers/compare';
import { runKernel, testContext } from '../helpers/gpu';
import { randomArray } from '../helpers/random';

const TOLERANCE = 1e-5;

interface Case {
  n: number;
  h: number;
  w: number;
  c: number;
  kH: number;
  kW: number;
  stride: number | [number, number];
  padding: Padding;
  activation: Activation['kind'];
  residual: boolean;
}

function activationFor(kind: Activation['kind'], channels: number, seed: number): Activation {
  switch (kind) {
    case 'leaky':
      return { kind, alpha: 0.1 };
    case 'prelu':
      return { kind, alpha: randomArray(channels, seed, 0, 0.5) };
    default:
      return { kind } as Activation;
  }
}

const ONE: Padding = { top: 1, bottom: 1, left: 1, right: 1 };
const ACTIVATIONS: Activation['kind'][] = ['none', 'relu', 'relu6', 'leaky', 'prelu'];
const cases: Case[] = [];
let rotation = 0;
for (const k of [3, 7]) {
  for (const stride of [1, 2]) {
    for (const padding of ['same', 'valid', ONE] as const) {
      const activation = ACTIVATIONS[rotation % ACTIVATIONS.length]!;
      cases.push({
        n: 1,
        h: 8 + (rotation % 3),
        w: 11,
        c: 3 + rotation,
        kH: k,
        kW: k,
        stride,
        padding,
        activation,
        residual: rotation % 4 === 1,
      });
      rotation++;
    }
  }
}
// Every activation with and without a residual, on a shape that is not a multiple of anything.
for (const activation of ACTIVATIONS) {
  for (const residual of [false, true]) {
    cases.push({ n: 2, h: 7, w: 6, c: 10, kH: 3, kW: 3, stride: 1, padding: 'same', activation, residual });
  }
}
cases.push(
  { n: 1, h: 1, w: 1, c: 5, kH: 3, kW: 3, stride: 1, padding: 'same', activation: 'none', residual: false },
  { n: 1, h: 1, w: 1, c: 1, kH: 3, kW: 3, stride: 2, padding: 'same', activation: 'relu', residual: false },
  { n: 2, h: 1, w: 1, c: 6, kH: 1, kW: 1, stride: 1, padding: 'valid', activation: 'prelu', residual: true },
  // MobileFaceNet's GDConv: 7x7 VALID on 7x7, one output pixel.
  { n: 1, h: 7, w: 7, c: 13, kH: 7, kW: 7, stride: 1, padding: 'valid', activation: 'none', residual: false },
  { n: 1, h: 2, w: 3, c: 2, kH: 7, kW: 7, stride: 1, padding: 'same', activation: 'relu', residual: false },
  { n: 3, h: 9, w: 9, c: 32, kH: 3, kW: 3, stride: 2, padding: 'same', activation: 'relu6', residual: false },
  { n: 1, h: 5, w: 5, c: 130, kH: 3, kW: 3, stride: 1, padding: 'same', activation: 'relu6', residual: true },
  { n: 1, h: 17, w: 13, c: 7, kH: 3, kW: 3, stride: 2, padding: 'valid', activation: 'leaky', residual: false },
  { n: 1, h: 15, w: 15, c: 16, kH: 3, kW: 3, stride: 1, padding: ONE, activation: 'leaky', residual: false },
  // Non-square kernel and stride, asymmetric explicit padding.
  {
    n: 2,
    h: 6,
    w: 11,
    c: 9,
    kH: 3,
    kW: 5,
    stride: [1, 2],
    padding: { top: 0, bottom: 2, left: 1, right: 0 },
    activation: 'none',
    residual: false,
  },
  { n: 1, h: 10, w: 4, c: 4, kH: 5, kW: 2, stride: [2, 1], padding: 'same', activation: 'prelu', residual: false },
  // Output widths 4k+1 .. 4k+3 with a residual, at the SSD's channel counts.
  { n: 1, h: 3, w: 5, c: 32, kH: 3, kW: 3, stride: 1, padding: 'same', activation: 'relu6', residual: true },
  { n: 2, h: 4, w: 14, c: 64, kH: 3, kW: 3, stride: 1, padding: 'same', activation: 'relu6', residual: true },
  { n: 1, h: 6, w: 13, c: 128, kH: 3, kW: 3, stride: 2, padding: 'same', activation: 'relu6', residual: false },
);

const padName = (p: Padding) => (typeof p === 'string' ? p : `explicit${p.top}${p.bottom}${p.left}${p.right}`);
const strideName = (s: Case['stride']) => (typeof s === 'number' ? `${s}` : s.join('x'));

describe('depthwise-conv2d', () => {
  it.each(
    cases.map(
      (c, i) =>
        [
          `x=[${c.n},${c.h},${c.w},${c.c}] f=[${c.kH},${c.kW},${c.c},1] s=${strideName(c.stride)} p=${padName(c.padding)} act=${c.activation}${c.residual ? ' +residual' : ''}`,
          c,
          i,
        ] as const,
    ),
  )('%s', async (_name, c, seed) => {
    const context = await testContext();
    const shape = [c.n, c.h, c.w, c.c];
    const input = randomArray(c.n * c.h * c.w * c.c, 1000 + seed);
    const source: DepthwiseConv2dFilterSource = {
      kH: c.kH,
      kW: c.kW,
      channels: c.c,
      weights: randomArray(c.kH * c.kW * c.c, 2000 + seed, -0.5, 0.5),
      bias: randomArray(c.c, 3000 + seed),
      scale: randomArray(c.c, 4000 + seed, 0.5, 1.5),
      shift: randomArray(c.c, 5000 + seed, -0.2, 0.2),
      activation: activationFor(c.activation, c.c, 6000 + seed),
    };
    const plain = depthwiseConv2dReference(input, shape, source, { stride: c.stride, padding: c.padding });
    const residualData = c.residual ? randomArray(plain.data.length, 7000 + seed) : undefined;
    const expected = residualData
      ? depthwiseConv2dReference(input, shape, source, { stride: c.stride, padding: c.padding, residual: residualData })
      : plain;

    const x = uploadTensor(context, shape, input);
    const filter = uploadDepthwiseConv2dFilter(context, source);
    const residual = residualData ? uploadTensor(context, expected.shape, residualData) : undefined;
    const { output, data } = await runKernel(context, () =>
      depthwiseConv2d(context, x, filter, { stride: c.stride, padding: c.padding, residual }),
    );
    expect(output.shape).toEqual(expected.shape);
    expectClose(data, expected.data, TOLERANCE);
  });

  it.each([
    [1, 7, 6, 10, 1],
    [2, 5, 9, 32, 2],
  ])('x=[%i,%i,%i,%i] f=[3,3,C,1] s=%i p=same reluInput +residual', async (n, h, w, c, stride) => {
    const context = await testContext();
    const shape = [n, h, w, c];
    const input = randomArray(n * h * w * c, 77);
    const source: DepthwiseConv2dFilterSource = {
      kH: 3,
      kW: 3,
      channels: c,
      weights: randomArray(9 * c, 78, -0.5, 0.5),
      bias: randomArray(c, 79),
    };
    const plain = depthwiseConv2dReference(input, shape, source, { stride, padding: 'same', reluInput: true });
    const residualData = randomArray(plain.data.length, 80);
    const expected = depthwiseConv2dReference(input, shape, source, {
      stride,
      padding: 'same',
      reluInput: true,
      residual: residualData,
    });
    const residual = uploadTensor(context, expected.shape, residualData);
    const { data } = await runKernel(context, () =>
      depthwiseConv2d(context, uploadTensor(context, shape, input), uploadDepthwiseConv2dFilter(context, source), {
        stride,
        padding: 'same',
        reluInput: true,
        residual,
      }),
    );
    expectClose(data, expected.data, TOLERANCE);
  });

  it('rejects a filter with the wrong channel count', async () => {
    const context = await testContext();
    const x = uploadTensor(context, [1, 3, 3, 5], randomArray(45, 1));
    const filter = uploadDepthwiseConv2dFilter(context, { kH: 3, kW: 3, channels: 4, weights: randomArray(36, 2) });
    expect(() => depthwiseConv2d(context, x, filter, { padding: 'same' })).toThrow(/5 channels/);
  });
});
