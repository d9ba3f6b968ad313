// Fused softmax cross-entropy and center loss (gradient and centre update, Wen et al. 2016): the float64
// reference against central finite differences, then the WGSL kernels against the reference.
// The centre update has no gradient to check; it is checked against the paper's formula written out by
// hand for one small batch, and the kernel against the reference.
// Tolerances: reference vs finite differences 1e-6 relative; kernels vs reference 1e-5 relative.
import { describe, expect, it } from 'vitest';
import { centerLoss } from '../../src/engine/kernels/center-loss';
import { submit } from '../../src/engine/kernels/dispatch';
import { softmaxCrossEntropy } from '../../src/engine/kernels/softmax-cross-entropy';
import { centerLossReference, softmaxCrossEntropyReference } from '../../src/engine/reference/losses';
import { readTensor, uploadBuffer, uploadTensor } from '../../src/engine/tensor';
import { seededRandom } from '../helpers/random';
import { testContext } from '../helpers/gpu';
import { expectWithin, f32, finiteDifferenceCheck, randomValues } from './check';

const labelsFor = (rows: number, classes: number, seed: number) => {
  const next = seededRandom(seed);
  return Uint32Array.from({ length: rows }, () => Math.floor(next() * classes));
};

describe('softmax cross-entropy', () => {
  const cases = [
    { rows: 1, classes: 1 },
    { rows: 3, classes: 2 },
    { rows: 7, classes: 10 },
    { rows: 65, classes: 13 },
  ];
  it.each(cases.map((c, i) => [`logits=[${c.rows},${c.classes}]`, c, i] as const))(
    '%s',
    async (label, { rows, classes }, seed) => {
      const logits = randomValues(rows * classes, 110 + seed, -4, 4);
      const labels = labelsFor(rows, classes, 120 + seed);
      const scale = 1 / rows;
      const ref = softmaxCrossEntropyReference(logits, labels, classes, scale);
      finiteDifferenceCheck(
        `${label} dLogits`,
        (z) =>
          Float64Array.of(
            softmaxCrossEntropyReference(z, labels, classes, scale).loss.reduce((a, b) => a + b * scale, 0),
          ),
        logits,
        [1],
        ref.dLogits,
      );
      const context = await testContext();
      const logitsTensor = uploadTensor(context, [rows, classes], f32(logits));
      const labelBuffer = uploadBuffer(context, labels, 'labels');
      const call = await context.checked(label, () => {
        const built = softmaxCrossEntropy(context, logitsTensor, labelBuffer);
        submit(context, [built.dispatch]);
        return built;
      });
      expectWithin(`${label} loss gpu`, await readTensor(context, call.output.loss), ref.loss, 1e-5);
      expectWithin(`${label} dLogits gpu`, await readTensor(context, call.output.dLogits), ref.dLogits, 1e-5);
    },
  );

  it('large logits do not overflow (the max is subtracted first)', async () => {
    const context = await testContext();
    const logits = uploadTensor(context, [1, 3], Float32Array.of(1000, 0, -1000));
    const call = await context.checked('large', () => {
      const built = softmaxCrossEntropy(context, logits, uploadBuffer(context, Uint32Array.of(1), 'labels'));
      submit(context, [built.dispatch]);
      return built;
    });
    expect((await readTensor(context, call.output.loss))[0]).toBeCloseTo(1000, 3);
  });
});

describe('center loss', () => {
  const cases = [
    { rows: 1, dims: 2, classes: 1 },
    { rows: 6, dims: 2, classes: 3 },
    { rows: 33, dims: 5, classes: 10 },
    { rows: 8, dims: 128, classes: 4 },
  ];
  it.each(cases.map((c, i) => [`x=[${c.rows},${c.dims}] classes=${c.classes}`, c, i] as const))(
    '%s',
    async (label, { rows, dims, classes }, seed) => {
      const features = randomValues(rows * dims, 130 + seed, -3, 3);
      const centres = randomValues(classes * dims, 140 + seed, -3, 3);
      const labels = labelsFor(rows, classes, 150 + seed);
      const hyper = { lambda: 0.7, alpha: 0.5, scale: 1 / rows };
      const ref = centerLossReference(features, labels, centres, dims, hyper);
      finiteDifferenceCheck(
        `${label} dX`,
        (x) =>
          Float64Array.of(
            centerLossReference(x, labels, centres, dims, hyper).loss.reduce((a, b) => a + b * hyper.scale, 0),
          ),
        features,
        [1],
        ref.dFeatures,
      );
      const context = await testContext();
      const featureTensor = uploadTensor(context, [rows, dims], f32(features));
      const centreTensor = uploadTensor(context, [classes, dims], f32(centres));
      const prior = randomValues(rows * dims, 160 + seed);
      const dFeatures = uploadTensor(context, [rows, dims], f32(prior));
      const labelBuffer = uploadBuffer(context, labels, 'labels');
      const [lossCall] = await context.checked(label, () => {
        const built = centerLoss(context, featureTensor, labelBuffer, centreTensor, dFeatures, hyper);
        submit(
          context,
          built.map((c) => c.dispatch),
        );
        return built;
      });
      expectWithin(`${label} loss gpu`, await readTensor(context, lossCall.output), ref.loss, 1e-5);
      expectWithin(
        `${label} dX gpu (added to the prior gradient)`,
        await readTensor(context, dFeatures),
        ref.dFeatures.map((d, i) => d + prior[i]!),
        1e-5,
      );
      expectWithin(`${label} centres gpu`, await readTensor(context, centreTensor), ref.centres, 1e-5);
    },
  );

  it('centre update by hand: c = 1 - 0.5 * ((1-2) + (1-4)) / (1 + 2) for the class present; the absent class stays', () => {
    const { centres } = centerLossReference([2, 4, 9], [0, 0, 1], [1, 5], 1, { lambda: 1, alpha: 0.5, scale: 1 });
    expect(centres[0]).toBeCloseTo(1 - (0.5 * (1 - 2 + (1 - 4))) / 3, 12);
    expect(centres[1]).toBeCloseTo(5 - (0.5 * (5 - 9)) / 2, 12);
    const alone = centerLossReference([2], [0], [1, 5], 1, { lambda: 1, alpha: 0.5, scale: 1 });
    expect(alone.centres[1]).toBe(5);
  });
});
