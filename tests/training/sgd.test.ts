// SGD with momentum and weight decay: the WGSL kernel against the float64 reference over several steps
// (velocity carried between them, the learning rate changed between steps through its shared buffer),
// on odd lengths. Tolerance 1e-6 relative (three multiply-adds per step in f32).
import { describe, it } from 'vitest';
import { submit } from '../../src/engine/kernels/dispatch';
import { sgd } from '../../src/engine/kernels/sgd';
import { sgdReference } from '../../src/engine/reference/sgd';
import { createTensor, readTensor, uploadBuffer, uploadTensor } from '../../src/engine/tensor';
import { testContext } from '../helpers/gpu';
import { expectWithin, f32, randomValues } from './check';

describe('sgd', () => {
  it.each([[1], [7], [65], [1000]].map(([n], i) => [`n=${n}`, n!, i] as const))(
    '%s: 3 steps, learning rate 0.1 then 0.05',
    async (label, n, seed) => {
      const context = await testContext();
      let w: Float64Array = randomValues(n, 190 + seed);
      let v: Float64Array = new Float64Array(n);
      const parameter = uploadTensor(context, [n], f32(w));
      const velocity = createTensor(context, [n], 'velocity');
      const learningRate = uploadBuffer(context, Float32Array.of(0.1), 'lr');
      const hyper = { momentum: 0.9, weightDecay: 5e-4 };
      for (let step = 0; step < 3; step++) {
        const lr = step === 0 ? 0.1 : 0.05;
        context.device.queue.writeBuffer(learningRate, 0, Float32Array.of(lr));
        const g = randomValues(n, 200 + 10 * seed + step);
        const gradient = uploadBuffer(context, f32(g), 'gradient');
        await context.checked(label, () => {
          submit(context, [
            sgd(
              context,
              { parameter: parameter.buffer, gradient, velocity: velocity.buffer, count: n },
              learningRate,
              hyper,
            ).dispatch,
          ]);
        });
        const next = sgdReference(w, g, v, { learningRate: Math.fround(lr), ...hyper });
        w = next.parameter;
        v = next.velocity;
      }
      expectWithin(`sgd ${label} parameter`, await readTensor(context, parameter), w, 1e-6);
      expectWithin(`sgd ${label} velocity`, await readTensor(context, velocity), v, 1e-6);
    },
  );
});
