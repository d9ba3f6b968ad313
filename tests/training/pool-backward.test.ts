// Max- and average-pool backward: the float64 reference against central finite differences, then the
// WGSL kernel against the reference, over windows, strides, SAME/VALID and odd sizes, overlapping
// windows included. Inputs are distinct values (no ties), so each window's argmax is unique.
// Tolerances: reference vs finite differences 1e-6 relative; kernel vs reference 1e-6 relative (max
// sums at most a few window gradients; average divides by the count).
import { describe, it } from 'vitest';
import { submit } from '../../src/engine/kernels/dispatch';
import { poolBackward } from '../../src/engine/kernels/pool-backward';
import { windowGeometry } from '../../src/engine/kernels/padding';
import { pool64, poolBackwardReference, type PoolShape } from '../../src/engine/reference/pool-backward';
import { readTensor, uploadTensor } from '../../src/engine/tensor';
import { seededRandom } from '../helpers/random';
import { testContext } from '../helpers/gpu';
import { expectWithin, f32, finiteDifferenceCheck, randomValues } from './check';

/** A seeded permutation of 0..n-1 scaled into [-1,1): distinct values at least 2/n apart. */
function distinct(length: number, seed: number): Float64Array {
  const next = seededRandom(seed);
  const values = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return Float64Array.from(values, (v) => Math.fround((2 * v) / length - 1));
}

const cases: Omit<PoolShape, 'kind'>[] = [
  { n: 1, h: 4, w: 4, c: 1, k: 2, stride: 2, padding: 'valid' },
  { n: 2, h: 7, w: 5, c: 3, k: 2, stride: 2, padding: 'same' },
  { n: 1, h: 7, w: 7, c: 2, k: 3, stride: 2, padding: 'valid' },
  { n: 1, h: 6, w: 9, c: 5, k: 3, stride: 1, padding: 'same' },
  { n: 2, h: 9, w: 8, c: 3, k: 3, stride: 2, padding: 'same' },
  { n: 1, h: 1, w: 1, c: 3, k: 2, stride: 2, padding: 'same' },
  { n: 2, h: 16, w: 16, c: 8, k: 2, stride: 2, padding: 'valid' },
];

describe('pool backward', () => {
  for (const kind of ['max', 'average'] as const) {
    it.each(
      cases.map(
        (c, i) => [`${kind} x=[${c.n},${c.h},${c.w},${c.c}] k=${c.k} s=${c.stride} p=${c.padding}`, c, i] as const,
      ),
    )('%s', async (label, c, seed) => {
      const s: PoolShape = { ...c, kind };
      const g = windowGeometry(s.h, s.w, s.k, s.k, s.stride, s.stride, s.padding);
      const x = distinct(s.n * s.h * s.w * s.c, 60 + seed);
      const dY = randomValues(s.n * g.outH * g.outW * s.c, 70 + seed);
      const dX = poolBackwardReference(x, dY, s);
      finiteDifferenceCheck(`${label} dX`, (v) => pool64(v, s), x, dY, dX);
      const context = await testContext();
      const xTensor = uploadTensor(context, [s.n, s.h, s.w, s.c], f32(x));
      const dYTensor = uploadTensor(context, [s.n, g.outH, g.outW, s.c], f32(dY));
      const call = await context.checked(label, () => {
        const built = poolBackward(context, xTensor, dYTensor, {
          kind,
          window: s.k,
          stride: s.stride,
          padding: s.padding,
        });
        submit(context, [built.dispatch]);
        return built;
      });
      expectWithin(`${label} dX gpu`, await readTensor(context, call.output), dX, 1e-6);
    });
  }
});
