// conv2d backward (dX, dW, db): the float64 reference against central finite differences, then the WGSL
// kernels (conv2d-backward-input, conv2d-backward-filter, bias-backward) against the reference, over a
// sweep of shapes with odd sizes, stride 1 and 2, SAME and VALID.
// Where dX is a forward convolution (stride 1, SAME, odd kernel), the trainer's route is checked too:
// conv2d-filter-flip, then the forward conv2d kernel on dY.
// Tolerances: reference vs finite differences 1e-6 relative (max(1,|g|)); f32 kernels vs float64
// reference 1e-5 relative (sums of at most a few hundred products of values in [-1,1]).
import { describe, it } from 'vitest';
import { biasBackward } from '../../src/engine/kernels/bias-backward';
import { conv2dBackwardFilter } from '../../src/engine/kernels/conv2d-backward-filter';
import { conv2dBackwardInput } from '../../src/engine/kernels/conv2d-backward-input';
import {
  biasBackwardReference,
  conv2dBackwardFilterReference,
  conv2dBackwardInputReference,
  conv2dForward64,
  convGeometry,
  type ConvShape,
} from '../../src/engine/reference/conv2d-backward';
import { createTensor, readTensor, uploadBuffer, uploadTensor } from '../../src/engine/tensor';
import { submit } from '../../src/engine/kernels/dispatch';
import { packChannelParams, roundUp4 } from '../../src/engine/kernels/epilogue';
import { conv2d } from '../../src/engine/kernels/conv2d';
import { conv2dFilterFlip, inputGradientAsConvolution } from '../../src/engine/kernels/conv2d-filter-flip';
import { testContext } from '../helpers/gpu';
import { expectWithin, f32, finiteDifferenceCheck, randomValues } from './check';

const GPU_TOLERANCE = 1e-5;

const cases: (ConvShape & { paddedFilter: boolean })[] = [
  { n: 1, inH: 5, inW: 5, inC: 1, kH: 3, kW: 3, outC: 1, stride: 1, padding: 'same', paddedFilter: false },
  { n: 2, inH: 7, inW: 6, inC: 3, kH: 3, kW: 3, outC: 5, stride: 2, padding: 'same', paddedFilter: true },
  { n: 1, inH: 6, inW: 7, inC: 2, kH: 3, kW: 3, outC: 4, stride: 1, padding: 'valid', paddedFilter: false },
  { n: 2, inH: 9, inW: 9, inC: 3, kH: 3, kW: 3, outC: 3, stride: 2, padding: 'valid', paddedFilter: true },
  { n: 1, inH: 8, inW: 8, inC: 4, kH: 1, kW: 1, outC: 6, stride: 2, padding: 'same', paddedFilter: false },
  { n: 1, inH: 5, inW: 4, inC: 3, kH: 2, kW: 2, outC: 7, stride: 2, padding: 'same', paddedFilter: false },
  { n: 2, inH: 12, inW: 12, inC: 8, kH: 3, kW: 3, outC: 12, stride: 1, padding: 'same', paddedFilter: false },
];

const name = (s: ConvShape) =>
  `x=[${s.n},${s.inH},${s.inW},${s.inC}] f=[${s.kH},${s.kW},${s.inC},${s.outC}] s=${s.stride} p=${s.padding}`;

/** HWIO [kH,kW,Cin,Cout] laid out with `stride` floats per (ky,kx,ci) row, zero-padded. */
function padFilter(w: ArrayLike<number>, outC: number, stride: number): Float32Array {
  const rows = w.length / outC;
  const out = new Float32Array(rows * stride);
  for (let r = 0; r < rows; r++) for (let c = 0; c < outC; c++) out[r * stride + c] = w[r * outC + c]!;
  return out;
}

describe('conv2d backward', () => {
  it.each(cases.map((c, i) => [name(c), c, i] as const))('%s', async (label, s, seed) => {
    const g = convGeometry(s);
    const x = randomValues(s.n * s.inH * s.inW * s.inC, 100 + seed);
    const w = randomValues(s.kH * s.kW * s.inC * s.outC, 200 + seed);
    const b = randomValues(s.outC, 300 + seed);
    const dY = randomValues(s.n * g.outH * g.outW * s.outC, 400 + seed);

    const dX = conv2dBackwardInputReference(dY, w, s);
    const dW = conv2dBackwardFilterReference(x, dY, s);
    const dB = biasBackwardReference(dY, s.outC);
    finiteDifferenceCheck(`${label} dX`, (v) => conv2dForward64(v, w, b, s), x, dY, dX);
    finiteDifferenceCheck(`${label} dW`, (v) => conv2dForward64(x, v, b, s), w, dY, dW);
    finiteDifferenceCheck(`${label} db`, (v) => conv2dForward64(x, w, v, s), b, dY, dB);

    const context = await testContext();
    const filterStride = s.paddedFilter ? roundUp4(s.outC) : s.outC;
    const geometry = {
      kH: s.kH,
      kW: s.kW,
      inC: s.inC,
      outC: s.outC,
      stride: s.stride,
      padding: s.padding,
      filterStride,
    };
    const inputShape = [s.n, s.inH, s.inW, s.inC];
    const xTensor = uploadTensor(context, inputShape, f32(x));
    const dYTensor = uploadTensor(context, [s.n, g.outH, g.outW, s.outC], f32(dY));
    const filter = uploadBuffer(context, padFilter(w, s.outC, filterStride), 'filter');
    const dFilter = createTensor(context, [s.kH * s.kW * s.inC, filterStride], 'dFilter');
    const dBias = createTensor(context, [s.outC], 'dBias');
    const calls = await context.checked(label, () => {
      const built = [
        conv2dBackwardInput(context, dYTensor, filter, inputShape, geometry),
        conv2dBackwardFilter(context, xTensor, dYTensor, dFilter.buffer, geometry),
        biasBackward(context, dYTensor, dBias.buffer),
      ] as const;
      submit(
        context,
        built.map((c) => c.dispatch),
      );
      return built;
    });
    expectWithin(`${label} dX gpu`, await readTensor(context, calls[0].output), dX, GPU_TOLERANCE);
    const dWGpu = await readTensor(context, dFilter);
    expectWithin(`${label} dW gpu`, dWGpu, padFilter(dW, s.outC, filterStride), GPU_TOLERANCE);
    expectWithin(`${label} db gpu`, await readTensor(context, dBias), dB, GPU_TOLERANCE);

    // Stride 1, SAME, odd kernel: dX also as the forward conv2d kernel on the flipped filter.
    if (!inputGradientAsConvolution(geometry)) return;
    const flippedDx = await context.checked(`${label} flipped`, () => {
      const flip = conv2dFilterFlip(context, filter, geometry);
      const channelParams = uploadBuffer(context, packChannelParams(s.inC, {}), 'params');
      const flipped = {
        kH: s.kH,
        kW: s.kW,
        inC: s.outC,
        outC: s.inC,
        buffer: flip.output,
        channelParams,
        activationCode: 0,
      };
      const conv = conv2d(context, dYTensor, flipped, { padding: 'same' });
      submit(context, [flip.dispatch, conv.dispatch]);
      return conv.output;
    });
    expectWithin(
      `${label} dX as a convolution with the flipped filter, gpu`,
      await readTensor(context, flippedDx),
      dX,
      GPU_TOLERANCE,
    );
  });
});
