// The projection head's trainer on small shapes: one SGD step (no momentum, no weight decay) moves every
// parameter by -lr times the float64 finite-difference gradient of the whole loss (scaled softmax
// cross-entropy + lambda/2 ||y - c||^2 on the L2-normalised embedding, batch mean) within 1e-4 relative,
// and the centres by Wen et al.'s update within 1e-6; before training the embedding is the L2-normalised
// input (identity start); the loss falls; a run is reproduced exactly from its seed.
import { describe, expect, it } from 'vitest';
import { ProjectionHeadTrainer, type DescriptorSet } from '../../src/engine/training/head-trainer';
import type { ParameterValues } from '../../src/engine/training/parameters';
import {
  headInitialise,
  headParameterSpecs,
  type ProjectionHeadConfig,
} from '../../src/engine/training/projection-head';
import { Rng } from '../../src/engine/training/rng';
import { CENTRES_NAME, type TrainerOptions } from '../../src/engine/training/trainer';
import { l2Normalize64 } from '../../src/engine/reference/l2-normalize';
import { testContext } from '../helpers/gpu';
import { expectWithin } from './check';

const OPTIONS: TrainerOptions = {
  batchSize: 7,
  learningRate: 0.1,
  momentum: 0,
  weightDecay: 0,
  decayEpochs: [],
  decay: 1,
  centerLoss: { lambda: 0.3, alpha: 0.5 },
  lossEvery: 1,
  seed: 11,
};

function data(count: number, dims: number, classes: number, seed: number): DescriptorSet {
  const rng = new Rng(seed);
  const means = Array.from({ length: classes }, () => Float32Array.from({ length: dims }, () => rng.normal()));
  const vectors = new Float32Array(count * dims);
  const labels = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % classes;
    for (let k = 0; k < dims; k++) vectors[i * dims + k] = means[labels[i]!]![k]! + 0.8 * rng.normal();
  }
  return { vectors, labels };
}

/** Float64 loss of the batch `rows` under `params` (names as headParameterSpecs), centres fixed. */
function loss64(
  config: ProjectionHeadConfig,
  params: Map<string, Float64Array>,
  centres: Float32Array,
  set: DescriptorSet,
  rows: number[],
  lambda: number,
): number {
  const { inputDims: n, embeddingDims: d, classes, scale } = config;
  const [w1, b1, w2, b2] = ['head/kernel', 'head/bias', 'classifier/kernel', 'classifier/bias'].map((name) =>
    params.get(name)!,
  ) as [Float64Array, Float64Array, Float64Array, Float64Array];
  let total = 0;
  for (const row of rows) {
    const h = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      h[j] = b1[j]!;
      for (let k = 0; k < n; k++) h[j]! += set.vectors[row * n + k]! * w1[k * d + j]!;
    }
    const y = l2Normalize64(h, d);
    const z = Array.from({ length: classes }, (_, c) => {
      let sum = b2[c]!;
      for (let j = 0; j < d; j++) sum += y[j]! * w2[j * classes + c]!;
      return scale * sum;
    });
    const top = Math.max(...z);
    const label = set.labels[row]!;
    total += Math.log(z.reduce((s, v) => s + Math.exp(v - top), 0)) + top - z[label]!;
    let distance = 0;
    for (let j = 0; j < d; j++) distance += (y[j]! - centres[label * d + j]!) ** 2;
    total += (lambda / 2) * distance;
  }
  return total / rows.length;
}

describe('ProjectionHeadTrainer', () => {
  const config: ProjectionHeadConfig = { inputDims: 6, embeddingDims: 5, classes: 3, scale: 4 };

  it('one step: parameters move by -lr * the finite-difference gradient, centres by the centre update', async () => {
    const set = data(7, config.inputDims, config.classes, 5);
    const initial = headInitialise(config, new Rng(3));
    // A head that is not the identity and centres that are not zero, so that every term is exercised.
    const rng = new Rng(9);
    initial.set(
      'head/kernel',
      initial.get('head/kernel')!.map((v) => v + 0.3 * rng.normal()),
    );
    initial.set(
      'head/bias',
      Float32Array.from({ length: 5 }, () => 0.2 * rng.normal()),
    );
    initial.set(
      'classifier/bias',
      Float32Array.from({ length: 3 }, () => 0.2 * rng.normal()),
    );
    const centres = Float32Array.from({ length: 15 }, () => 0.3 * rng.normal());
    initial.set(CENTRES_NAME, centres);
    const context = await testContext();
    const trainer = ProjectionHeadTrainer.create(context, config, OPTIONS, initial);
    const rows = [0, 1, 2, 3, 4, 5, 6];
    const embedded = await trainer.embed(set.vectors);
    await trainer.step(set, rows, true);
    const after = await trainer.parameters();

    const params64 = new Map<string, Float64Array>(
      headParameterSpecs(config).map((s) => [s.name, Float64Array.from(initial.get(s.name)!)]),
    );
    const lambda = OPTIONS.centerLoss!.lambda;
    for (const spec of headParameterSpecs(config)) {
      const values = params64.get(spec.name)!;
      const numeric = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const held = values[i]!;
        values[i] = held + 1e-6;
        const up = loss64(config, params64, centres, set, rows, lambda);
        values[i] = held - 1e-6;
        const down = loss64(config, params64, centres, set, rows, lambda);
        values[i] = held;
        numeric[i] = (up - down) / 2e-6;
      }
      const moved = Float64Array.from(after.get(spec.name)!, (v, i) => (initial.get(spec.name)![i]! - v) / 0.1);
      expectWithin(`${spec.name} gradient (gpu step vs finite differences)`, moved, numeric, 1e-4);
    }

    // Wen et al.: c_j -= alpha * sum_{i: y_i = j} (c_j - x_i) / (1 + n_j), with the step's embeddings.
    const { embeddingDims: d, classes } = config;
    const expected = Float64Array.from(centres);
    for (let j = 0; j < classes; j++) {
      const members = rows.filter((r) => set.labels[r] === j);
      for (let k = 0; k < d; k++) {
        const sum = members.reduce((s, r) => s + centres[j * d + k]! - embedded[r * d + k]!, 0);
        expected[j * d + k] = centres[j * d + k]! - (0.5 * sum) / (1 + members.length);
      }
    }
    expectWithin('centres after one step', after.get(CENTRES_NAME)!, expected, 1e-6);
    trainer.destroy();
  });

  it('starts as the identity: the embedding is the L2-normalised descriptor (1e-6)', async () => {
    const c: ProjectionHeadConfig = { inputDims: 9, embeddingDims: 9, classes: 4, scale: 8 };
    const set = data(20, 9, 4, 2);
    const context = await testContext();
    const trainer = ProjectionHeadTrainer.create(context, c, OPTIONS, headInitialise(c, new Rng(1)));
    expectWithin('identity head embedding', await trainer.embed(set.vectors), l2Normalize64(set.vectors, 9), 1e-6);
    trainer.destroy();
  });

  const run = async (epochs: number) => {
    const c: ProjectionHeadConfig = { inputDims: 12, embeddingDims: 12, classes: 5, scale: 8 };
    const set = data(40, 12, 5, 4);
    const context = await testContext();
    const options = { ...OPTIONS, momentum: 0.9, weightDecay: 5e-4, batchSize: 16, lossEvery: 2 };
    const trainer = ProjectionHeadTrainer.create(context, c, options, headInitialise(c, new Rng(6)));
    const losses = [];
    for (let e = 0; e < epochs; e++) losses.push(...(await trainer.epoch(set)));
    const values: ParameterValues = await trainer.parameters();
    trainer.destroy();
    return { losses, values };
  };

  it('the loss falls over 15 epochs, and a run is reproduced exactly from its seed', async () => {
    const a = await run(15);
    const total = (l: (typeof a.losses)[number]) => l.softmax + l.center;
    const first = total(a.losses[0]!);
    const last = total(a.losses[a.losses.length - 1]!);
    console.info(`head trainer: loss ${first.toFixed(4)} -> ${last.toFixed(4)}`);
    expect(last).toBeLessThan(first * 0.5);
    const b = await run(15);
    expect(b.losses).toEqual(a.losses);
    for (const [name, values] of a.values) expect(b.values.get(name), name).toEqual(values);
  });
});
