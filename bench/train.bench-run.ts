// Training benchmark: steps per second of the experiment's CNN (64×64 grayscale input, conv 8/16/32 +
// ReLU + max-pool, 2-D feature, 10 classes, softmax + center loss, momentum SGD, batch 32), our WGSL
// trainer against tfjs 4.22's WebGPU backend on the same adapter and its WASM backend, in one run.
// A sample is STEPS_PER_SAMPLE steps with the loss read back once at the end (as the trainer does
// every k steps); time per step = sample / STEPS_PER_SAMPLE. Medians after warm-up.
//   npm run bench:train   (results in bench/results/train-<date>.{json,md})
import { mkdirSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { GpuContext } from '../src/engine/gpu-context';
import { EXPERIMENT_CNN, heInitialise, type FaceCnnConfig } from '../src/engine/training/face-cnn';
import { Rng } from '../src/engine/training/rng';
import { FaceCnnTrainer, type TrainerOptions } from '../src/engine/training/trainer';
import { TfjsFaceCnn } from '../tests/training/tfjs-face-cnn';
import { loadTfjs, useBackend } from './tfjs-webgpu';
import { fmt, markdownTable, time, type Timing } from './timing';

const STEPS_PER_SAMPLE = 5;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5);
const CONFIG: FaceCnnConfig = { ...EXPERIMENT_CNN, classes: 10 };
const OPTIONS: TrainerOptions = {
  batchSize: 32,
  learningRate: 0.01,
  momentum: 0.9,
  weightDecay: 5e-4,
  decayEpochs: [],
  decay: 1,
  centerLoss: { lambda: 0.01, alpha: 0.5 },
  lossEvery: STEPS_PER_SAMPLE,
  seed: 1,
};

it('training benchmark', async () => {
  const context = await GpuContext.create();
  const adapter = context.describeAdapter();
  const rng = new Rng(3);
  const area = CONFIG.size ** 2;
  const count = OPTIONS.batchSize * STEPS_PER_SAMPLE;
  const data = {
    images: Float32Array.from({ length: count * area }, () => rng.next() * 2 - 1),
    labels: Uint32Array.from({ length: count }, () => Math.floor(rng.next() * CONFIG.classes)),
  };
  const initial = heInitialise(CONFIG, new Rng(9));
  const batches = Array.from({ length: STEPS_PER_SAMPLE }, (_, s) =>
    Uint32Array.from({ length: OPTIONS.batchSize }, (_, i) => s * OPTIONS.batchSize + i),
  );

  const results: Record<string, Timing | { error: string }> = {};
  const trainer = FaceCnnTrainer.create(context, CONFIG, OPTIONS, initial);
  results.ours = await time(
    async () => {
      for (let s = 0; s < STEPS_PER_SAMPLE; s++) await trainer.step(data, batches[s]!, s === STEPS_PER_SAMPLE - 1);
    },
    { warmup: 1, samples: SAMPLES },
  );
  trainer.destroy();
  console.info(`ours: ${fmt(results.ours.medianMs / STEPS_PER_SAMPLE)} ms/step`);

  const tf = await loadTfjs();
  for (const backend of ['webgpu', 'wasm'] as const) {
    try {
      await useBackend(tf, backend);
      const model = new TfjsFaceCnn(tf, CONFIG, OPTIONS, initial);
      results[`tfjs-${backend}`] = await time(
        async () => {
          for (let s = 0; s < STEPS_PER_SAMPLE; s++) {
            const first = s * OPTIONS.batchSize;
            await model.step(
              data.images.subarray(first * area, (first + OPTIONS.batchSize) * area),
              data.labels.subarray(first, first + OPTIONS.batchSize),
              OPTIONS.learningRate,
              s === STEPS_PER_SAMPLE - 1,
            );
          }
        },
        { warmup: 1, samples: SAMPLES },
      );
      model.dispose();
      console.info(
        `tfjs-${backend}: ${fmt((results[`tfjs-${backend}`] as Timing).medianMs / STEPS_PER_SAMPLE)} ms/step`,
      );
    } catch (error) {
      results[`tfjs-${backend}`] = { error: String(error instanceof Error ? error.message : error).split('\n')[0]! };
      console.info(`tfjs-${backend}: failed: ${(results[`tfjs-${backend}`] as { error: string }).error}`);
    }
  }

  const ours = (results.ours as Timing).medianMs / STEPS_PER_SAMPLE;
  const rows = Object.entries(results).map(([name, r]) => {
    if ('error' in r) return [name, '—', '—', '—', `could not train: ${r.error}`];
    const perStep = r.medianMs / STEPS_PER_SAMPLE;
    return [
      name,
      fmt(perStep),
      (1000 / perStep).toFixed(2),
      fmt(r.minMs / STEPS_PER_SAMPLE),
      name === 'ours' ? '1' : `ours = ${(ours / perStep).toFixed(2)} of its time`,
    ];
  });
  const date = new Date().toISOString().slice(0, 10);
  const adapterLine = `${adapter.vendor} ${adapter.architecture} ${adapter.device} ${adapter.description}`.trim();
  const markdown = [
    `# Training benchmark (${date})`,
    '',
    `Adapter: ${adapterLine}${adapter.software ? ' (software)' : ''}. Batch ${OPTIONS.batchSize}, ${CONFIG.size}×${CONFIG.size}×1 input, conv ${CONFIG.channels.join('/')}, ` +
      `${CONFIG.featureDims}-D feature, ${CONFIG.classes} classes, softmax + center loss, momentum SGD. Median of ${SAMPLES} samples of ` +
      `${STEPS_PER_SAMPLE} steps after one warm-up sample; the loss is read back once per sample.`,
    '',
    markdownTable(['engine', 'ms/step (median)', 'steps/s', 'ms/step (min)', 'ratio'], rows),
    '',
  ].join('\n');
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/train-${date}.md`, markdown);
  writeFileSync(
    `bench/results/train-${date}.json`,
    JSON.stringify(
      { date, adapter, config: CONFIG, options: OPTIONS, stepsPerSample: STEPS_PER_SAMPLE, results },
      null,
      1,
    ),
  );
  console.info(markdown);
});
