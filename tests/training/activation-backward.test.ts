// ReLU and PReLU backward: the float64 reference against central finite differences (inputs kept away
// from the kink at 0 by more than the step), then the WGSL kernels against the reference.
// Tolerances: reference vs finite differences 1e-6 relative; ReLU's kernel must match exactly (a select);
// PReLU's dX exactly (one product, rounded once as in the reference), its dAlpha (a sum over positions)
// within 1e-5 relative.
import { describe, expect, it } from 'vitest';
import { preluBackward } from '../../src/engine/kernels/prelu-backward';
import { reluBackward } from '../../src/engine/kernels/relu-backward';
import { submit } from '../../src/engine/kernels/dispatch';
import {
  prelu64,
  preluBackwardReference,
  relu64,
  reluBackwardReference,
} from '../../src/engine/reference/activation-backward';
import { readTensor, uploadBuffer, uploadTensor } from '../../src/engine/tensor';
import { expectExact } from '../helpers/compare';
import { testContext } from '../helpers/gpu';
import { expectWithin, f32, finiteDifferenceCheck, randomValues } from './check';

/** Values in [-1,1] at least 1e-3 away from 0. */
const awayFromZero = (length: number, seed: number) =>
  randomValues(length, seed).map((v) => (Math.abs(v) < 1e-3 ? Math.fround(v + Math.sign(v || 1) * 2e-3) : v));

const shapes = [
  [1, 1, 1, 1],
  [1, 3, 5, 7],
  [2, 9, 7, 3],
  [3, 17, 13, 5],
  [1, 64, 65, 4],
];

describe('relu backward', () => {
  it.each(shapes.map((s, i) => [`x=[${s}]`, s, i] as const))('%s', async (label, shape, seed) => {
    const length = shape.reduce((a, b) => a * b, 1);
    const x = awayFromZero(length, 10 + seed);
    const dY = randomValues(length, 20 + seed);
    const y = relu64(x);
    const dX = reluBackwardReference(y, dY);
    finiteDifferenceCheck(`relu ${label} dX`, relu64, x, dY, dX);
    const context = await testContext();
    const yTensor = uploadTensor(context, shape, f32(y));
    const dYTensor = uploadTensor(context, shape, f32(dY));
    const call = await context.checked(label, () => {
      const built = reluBackward(context, yTensor, dYTensor);
      submit(context, [built.dispatch]);
      return built;
    });
    expectExact(await readTensor(context, call.output), f32(dX));
  });
});

describe('prelu backward', () => {
  it.each(shapes.map((s, i) => [`x=[${s}]`, s, i] as const))('%s', async (label, shape, seed) => {
    const length = shape.reduce((a, b) => a * b, 1);
    const channels = shape[3]!;
    const x = awayFromZero(length, 30 + seed);
    const alpha = randomValues(channels, 40 + seed, 0, 0.5);
    const dY = randomValues(length, 50 + seed);
    const { dX, dAlpha } = preluBackwardReference(x, alpha, dY);
    finiteDifferenceCheck(`prelu ${label} dX`, (v) => prelu64(v, alpha), x, dY, dX);
    finiteDifferenceCheck(`prelu ${label} dAlpha`, (a) => prelu64(x, a), alpha, dY, dAlpha);
    const context = await testContext();
    const xTensor = uploadTensor(context, shape, f32(x));
    const dYTensor = uploadTensor(context, shape, f32(dY));
    const alphaBuffer = uploadBuffer(context, f32(alpha), 'alpha');
    const call = await context.checked(label, () => {
      const built = preluBackward(context, xTensor, alphaBuffer, dYTensor);
      submit(context, [built.dispatch]);
      return built;
    });
    // The kernel rounds alpha * dY once, to f32: so does this expectation.
    expectExact(
      await readTensor(context, call.output.dInput),
      Float32Array.from(dX, (_, i) => (x[i]! >= 0 ? dY[i]! : alpha[i % channels]! * dY[i]!)),
    );
    expectWithin(`prelu ${label} dAlpha gpu`, await readTensor(context, call.output.dAlpha), dAlpha, 1e-5);
    expect(call.output.dAlpha.shape).toEqual([channels]);
  });
});
