// Fully connected backward (dX, dW, db) through matmul-backward.wgsl and bias-backward.wgsl: the float64
// reference against central finite differences, then the kernels against the reference, with weights
// both unpadded and in matmul.wgsl's padded [K, N4*4] layout.
// Tolerances: reference vs finite differences 1e-6 relative; kernels vs reference 1e-5 relative.
import { describe, expect, it } from 'vitest';
import { biasBackward } from '../../src/engine/kernels/bias-backward';
import { submit } from '../../src/engine/kernels/dispatch';
import { roundUp4 } from '../../src/engine/kernels/epilogue';
import { denseBackward } from '../../src/engine/kernels/matmul-backward';
import { dense64, denseBackwardReference } from '../../src/engine/reference/dense-backward';
import { createTensor, readTensor, uploadBuffer, uploadTensor } from '../../src/engine/tensor';
import { testContext } from '../helpers/gpu';
import { expectWithin, f32, finiteDifferenceCheck, randomValues } from './check';

const cases = [
  { m: 1, k: 1, n: 1, padded: false },
  { m: 3, k: 5, n: 2, padded: true },
  { m: 7, k: 13, n: 10, padded: true },
  { m: 32, k: 100, n: 2, padded: true },
  { m: 5, k: 2, n: 9, padded: false },
  { m: 17, k: 33, n: 65, padded: false },
];

const widen = (w: ArrayLike<number>, k: number, n: number, stride: number) => {
  const out = new Float32Array(k * stride);
  for (let r = 0; r < k; r++) for (let c = 0; c < n; c++) out[r * stride + c] = w[r * n + c]!;
  return out;
};

describe('dense backward', () => {
  it.each(cases.map((c, i) => [`x=[${c.m},${c.k}] W=[${c.k},${c.n}]${c.padded ? ' padded' : ''}`, c, i] as const))(
    '%s',
    async (label, { m, k, n, padded }, seed) => {
      const x = randomValues(m * k, 80 + seed);
      const w = randomValues(k * n, 90 + seed);
      const b = randomValues(n, 95 + seed);
      const dY = randomValues(m * n, 99 + seed);
      const ref = denseBackwardReference(x, w, dY, m, k, n);
      finiteDifferenceCheck(`${label} dX`, (v) => dense64(v, w, b, m, k, n), x, dY, ref.dX);
      finiteDifferenceCheck(`${label} dW`, (v) => dense64(x, v, b, m, k, n), w, dY, ref.dW);
      finiteDifferenceCheck(`${label} db`, (v) => dense64(x, w, v, m, k, n), b, dY, ref.dB);
      const context = await testContext();
      const wStride = padded ? roundUp4(n) : n;
      const input = uploadTensor(context, [m, k], f32(x));
      const weights = uploadBuffer(context, widen(w, k, n, wStride), 'weights');
      const dOutput = uploadTensor(context, [m, n], f32(dY));
      const dWeights = createTensor(context, [k, wStride], 'dWeights');
      const dInput = createTensor(context, [m, k], 'dInput');
      const dBias = createTensor(context, [n], 'dBias');
      await context.checked(label, () => {
        const calls = [
          ...denseBackward(
            context,
            { m, k, n, wStride },
            { input: input.buffer, weights, dOutput: dOutput.buffer, dWeights: dWeights.buffer, dInput: dInput.buffer },
          ),
          biasBackward(context, dOutput, dBias.buffer),
        ];
        expect(calls).toHaveLength(3);
        submit(
          context,
          calls.map((c) => c.dispatch),
        );
      });
      expectWithin(`${label} dX gpu`, await readTensor(context, dInput), ref.dX, 1e-5);
      expectWithin(`${label} dW gpu`, await readTensor(context, dWeights), widen(ref.dW, k, n, wStride), 1e-5);
      expectWithin(`${label} db gpu`, await readTensor(context, dBias), ref.dB, 1e-5);
    },
  );
});
