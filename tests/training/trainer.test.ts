// The trainer on a small CNN and a synthetic task (each class a fixed random pattern plus noise):
// the loss falls, a run is reproduced exactly from its seed and initial weights, the learning-rate
// schedule applies, and a checkpoint written in the weights-manifest format loads back through the
// engine's loader to the same parameters and the same predictions.
import { describe, expect, it } from 'vitest';
import { TrainingDataError } from '../../src/engine/errors';
import { CENTRES_NAME, FaceCnnTrainer, type Dataset, type TrainerOptions } from '../../src/engine/training/trainer';
import { encodeCheckpoint, loadCheckpoint } from '../../src/engine/training/checkpoint';
import { heInitialise, parameterSpecs, type FaceCnnConfig } from '../../src/engine/training/face-cnn';
import { Rng } from '../../src/engine/training/rng';
import type { ModelFileSource } from '../../src/engine/weights/manifest';
import { testContext } from '../helpers/gpu';

const CONFIG: FaceCnnConfig = { size: 16, channels: [4, 4, 8], featureDims: 2, classes: 3 };
const OPTIONS: TrainerOptions = {
  batchSize: 8,
  learningRate: 0.05,
  momentum: 0.9,
  weightDecay: 5e-4,
  decayEpochs: [9],
  decay: 0.1,
  centerLoss: { lambda: 0.1, alpha: 0.5 },
  lossEvery: 2,
  seed: 42,
};

function syntheticData(count: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const area = CONFIG.size ** 2;
  const patterns = Array.from({ length: CONFIG.classes }, () =>
    Float32Array.from({ length: area }, () => rng.next() * 2 - 1),
  );
  const images = new Float32Array(count * area);
  const labels = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % CONFIG.classes;
    for (let p = 0; p < area; p++) images[i * area + p] = patterns[labels[i]!]![p]! * 0.5 + (rng.next() * 2 - 1) * 0.5;
  }
  return { images, labels };
}

async function run(epochs: number, data: Dataset) {
  const context = await testContext();
  const trainer = FaceCnnTrainer.create(context, CONFIG, OPTIONS, heInitialise(CONFIG, new Rng(7)));
  const losses = [];
  for (let e = 0; e < epochs; e++) losses.push(...(await trainer.epoch(data)));
  return { trainer, losses };
}

describe('FaceCnnTrainer', () => {
  const data = syntheticData(30, 3);

  it('the loss falls over 10 epochs (30 samples, batches of 8 and a last batch of 6)', async () => {
    const { trainer, losses } = await run(10, data);
    expect(trainer.steps).toBe(10 * 4);
    const total = (l: (typeof losses)[number]) => l.softmax + l.center;
    const first = total(losses[0]!);
    const last = total(losses[losses.length - 1]!);
    console.info(`trainer: loss ${first.toFixed(4)} -> ${last.toFixed(4)} over ${trainer.steps} steps`);
    expect(last).toBeLessThan(first * 0.5);
    expect(losses.every((l) => Number.isFinite(l.softmax) && Number.isFinite(l.center))).toBe(true);
    expect(losses[losses.length - 1]!.learningRate).toBeCloseTo(0.005, 8);
    expect((await trainer.evaluate(data)).accuracy).toBeGreaterThan(0.9);
    trainer.destroy();
  });

  it('is reproduced exactly from the seed and the initial weights', async () => {
    const a = await run(2, data);
    const b = await run(2, data);
    expect(a.losses).toEqual(b.losses);
    const pa = await a.trainer.parameters();
    const pb = await b.trainer.parameters();
    for (const [name, values] of pa) expect(pb.get(name), name).toEqual(values);
    a.trainer.destroy();
    b.trainer.destroy();
  });

  it('flip: mirrors training images only (left-right symmetric images train exactly as without it)', async () => {
    const size = CONFIG.size;
    const mirrored = (images: Float32Array) =>
      images.map((_, p) => {
        const base = p - (p % size);
        return images[base + size - 1 - (p % size)]!;
      });
    // Symmetric images: (v + mirror(v)) / 2 is exactly its own mirror image.
    const mirror = mirrored(data.images);
    const symmetric: Dataset = {
      images: data.images.map((v, p) => (v + mirror[p]!) / 2),
      labels: data.labels,
    };
    const train = async (set: Dataset, flip: boolean) => {
      const context = await testContext();
      const trainer = FaceCnnTrainer.create(context, CONFIG, { ...OPTIONS, flip }, heInitialise(CONFIG, new Rng(7)));
      const losses = [...(await trainer.epoch(set)), ...(await trainer.epoch(set))];
      trainer.destroy();
      return losses;
    };
    expect(await train(symmetric, true)).toEqual(await train(symmetric, false));
    const flipped = await train(data, true);
    expect(flipped).not.toEqual(await train(data, false));
    expect(await train(data, true)).toEqual(flipped);
  });

  it('checkpoints load back through the manifest loader, checksums verified', async () => {
    const { trainer } = await run(1, data);
    const values = await trainer.parameters();
    const shapes = new Map(parameterSpecs(CONFIG).map((s) => [s.name, s.shape]));
    shapes.set(CENTRES_NAME, [CONFIG.classes, CONFIG.featureDims]);
    const checkpoint = await encodeCheckpoint('face-cnn', values, shapes);
    const source: ModelFileSource = {
      async read(name) {
        const bytes = checkpoint.files.get(name);
        if (!bytes) throw new Error(`no file ${name}`);
        return bytes;
      },
    };
    const loaded = await loadCheckpoint(source, 'face-cnn');
    expect([...loaded.keys()]).toEqual([...values.keys()]);
    for (const [name, v] of values) expect(loaded.get(name), name).toEqual(v);
    const context = await testContext();
    const restored = FaceCnnTrainer.create(context, CONFIG, OPTIONS, loaded);
    expect((await restored.evaluate(data)).features).toEqual((await trainer.evaluate(data)).features);
    // A damaged shard is refused.
    const shard = checkpoint.files.get('face-cnn.bin')!;
    shard[0] = shard[0]! ^ 1;
    await expect(loadCheckpoint(source, 'face-cnn')).rejects.toThrow(/damaged/);
    trainer.destroy();
    restored.destroy();
  });

  it('refuses a label outside the classes with a TrainingDataError, before any GPU work', async () => {
    const context = await testContext();
    const trainer = FaceCnnTrainer.create(context, CONFIG, OPTIONS, heInitialise(CONFIG, new Rng(7)));
    const bad: Dataset = {
      images: data.images,
      labels: Uint32Array.from(data.labels, (l, i) => (i === 5 ? CONFIG.classes : l)),
    };
    await expect(trainer.step(bad, [4, 5, 6], true)).rejects.toThrow(TrainingDataError);
    await expect(trainer.step(bad, [4, 5, 6], true)).rejects.toThrow(/label 3 of image 5 is not below 3/);
    expect(trainer.steps).toBe(0);
    trainer.destroy();
  });

  it("destroy() frees every buffer it made, the dispatches' uniforms included", async () => {
    const context = await testContext();
    // A first trainer makes what the device keeps across networks (the placeholder buffer).
    (await run(1, data)).trainer.destroy();
    const before = context.resources;
    const { trainer } = await run(1, data);
    await trainer.evaluate(data);
    await trainer.parameters();
    expect(context.resources.buffers).toBeGreaterThan(before.buffers);
    trainer.destroy();
    expect(context.resources).toEqual(before);
  });
});
