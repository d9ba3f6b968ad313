// L2-normalise backward: the float64 reference against central finite differences, then the WGSL kernel
// against the reference; rows of odd lengths, and a row held by the epsilon (all zeros).
// Tolerances: reference vs finite differences 1e-6 relative; kernel vs reference 1e-5 relative.
import { describe, it } from 'vitest';
import { submit } from '../../src/engine/kernels/dispatch';
import { l2NormalizeBackward } from '../../src/engine/kernels/l2-normalize-backward';
import { l2Normalize64 } from '../../src/engine/reference/l2-normalize';
import { l2NormalizeBackwardReference } from '../../src/engine/reference/l2-normalize-backward';
import { readTensor, uploadTensor } from '../../src/engine/tensor';
import { testContext } from '../helpers/gpu';
import { expectWithin, f32, finiteDifferenceCheck, randomValues } from './check';

const cases = [
  { rows: 1, cols: 1 },
  { rows: 3, cols: 2 },
  { rows: 5, cols: 7 },
  { rows: 9, cols: 128 },
  { rows: 70, cols: 3 },
];

describe('l2-normalize backward', () => {
  it.each(cases.map((c, i) => [`x=[${c.rows},${c.cols}]`, c, i] as const))(
    '%s',
    async (label, { rows, cols }, seed) => {
      const x = randomValues(rows * cols, 170 + seed, -2, 2);
      const dY = randomValues(rows * cols, 180 + seed);
      const dX = l2NormalizeBackwardReference(x, dY, cols);
      finiteDifferenceCheck(`${label} dX`, (v) => l2Normalize64(v, cols), x, dY, dX);
      const context = await testContext();
      const input = uploadTensor(context, [rows, cols], f32(x));
      const dOutput = uploadTensor(context, [rows, cols], f32(dY));
      const call = await context.checked(label, () => {
        const built = l2NormalizeBackward(context, input, dOutput);
        submit(context, [built.dispatch]);
        return built;
      });
      expectWithin(`${label} dX gpu`, await readTensor(context, call.output), dX, 1e-5);
    },
  );

  it('a zero row (the epsilon holds the norm): dX = dY / sqrt(1e-12), as the reference', async () => {
    const x = new Float64Array(4);
    const dY = Float64Array.of(1e-7, -2e-7, 3e-7, 0);
    const context = await testContext();
    const call = await context.checked('zero', () => {
      const built = l2NormalizeBackward(
        context,
        uploadTensor(context, [1, 4], f32(x)),
        uploadTensor(context, [1, 4], f32(dY)),
      );
      submit(context, [built.dispatch]);
      return built;
    });
    expectWithin(
      'zero row dX gpu',
      await readTensor(context, call.output),
      l2NormalizeBackwardReference(x, dY, 4),
      1e-5,
    );
  });
});
