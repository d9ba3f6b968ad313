// The training experiment in Node (Dawn): the face CNN on aligned LFW chips (tools/train-chips.ts),
// trained with softmax alone and with softmax + lambda * center loss from the same initialisation;
// writes the test features' scatter plots, the loss curves and the accuracies to results/.
//
//   npm run train:experiment -- [--chips FILE] [--epochs 30] [--input-size 64] [--lambda 0.5] [--alpha 0.5]
//                               [--lr 0.01] [--batch 32] [--flip on|off] [--out NAME]
import './node-webgpu';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GpuContext } from '../src/engine/gpu-context';
import { decodeChipSet } from '../src/engine/training/chip-set';
import {
  clusterSpread,
  DEFAULT_EXPERIMENT,
  experimentData,
  runTraining,
  type ExperimentOptions,
  type RunResult,
} from '../src/engine/training/experiment';
import { curvesSvg, scatterSvg } from '../src/engine/training/plots';
import { COUNT, NON_NEGATIVE, numberOption, POSITIVE, readOptions, runTool } from './cli';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `The training experiment: softmax against softmax + center loss (see tools/README.md)
  train-experiment [--chips FILE] [--epochs 30] [--input-size 64] [--lambda 0.5] [--alpha 0.5] [--lr 0.01]
                   [--batch 32] [--flip on|off] [--out NAME]`;

function readArgs(argv: string[]) {
  const values = readOptions(
    argv,
    {
      chips: { type: 'string' },
      epochs: { type: 'string' },
      'input-size': { type: 'string' },
      lambda: { type: 'string' },
      alpha: { type: 'string' },
      lr: { type: 'string' },
      batch: { type: 'string' },
      flip: { type: 'string' },
      out: { type: 'string' },
    },
    USAGE,
  );
  const defaults = DEFAULT_EXPERIMENT;
  if (values.flip !== undefined && values.flip !== 'on' && values.flip !== 'off')
    throw new Error(`--flip takes on or off, not "${values.flip}"`);
  const options: ExperimentOptions = {
    ...defaults,
    epochs: numberOption(values.epochs, 'epochs', COUNT, defaults.epochs),
    inputSize: numberOption(values['input-size'], 'input-size', COUNT, defaults.inputSize),
    centerLoss: {
      lambda: numberOption(values.lambda, 'lambda', NON_NEGATIVE, defaults.centerLoss.lambda),
      alpha: numberOption(values.alpha, 'alpha', POSITIVE, defaults.centerLoss.alpha),
    },
    trainer: {
      ...defaults.trainer,
      learningRate: numberOption(values.lr, 'lr', POSITIVE, defaults.trainer.learningRate),
      batchSize: numberOption(values.batch, 'batch', COUNT, defaults.trainer.batchSize),
      ...(values.flip === undefined ? {} : { flip: values.flip === 'on' }),
    },
  };
  return {
    options,
    chips: resolve(values.chips ?? join(ROOT, '.cache/train/lfw-chips-64.bin')),
    out: values.out ?? 'train-experiment',
  };
}

async function main(): Promise<void> {
  const { options, chips, out } = readArgs(process.argv.slice(2));
  const set = decodeChipSet(new Uint8Array(readFileSync(chips)));
  const data = experimentData(set, options.inputSize);
  console.log(
    `${set.classes.length} people, ${data.train.labels.length} training and ${data.test.labels.length} test chips, input ${options.inputSize}²`,
  );
  const context = await GpuContext.create();
  const adapter = context.describeAdapter();
  const results: RunResult[] = [];
  for (const run of ['softmax', 'softmax+center'] as const) {
    results.push(
      await runTraining(context, data, run, options, (r) => {
        const last = r.losses[r.losses.length - 1];
        console.log(
          `${run} epoch ${r.epoch + 1}/${options.epochs}: loss ${last ? (last.softmax + last.center).toFixed(4) : '-'}, ` +
            `train ${(100 * r.trainAccuracy).toFixed(1)}%, test ${(100 * r.test.accuracy).toFixed(1)}% (${(r.elapsedMs / 1000).toFixed(1)} s)`,
        );
      }),
    );
  }
  context.dispose();

  mkdirSync(resolve(ROOT, 'results'), { recursive: true });
  const path = (suffix: string) => resolve(ROOT, 'results', `${out}${suffix}`);
  const [softmax, center] = results as [RunResult, RunResult];
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  writeFileSync(
    path('-scatter-softmax.svg'),
    scatterSvg(
      `Softmax only: test features (accuracy ${pct(softmax.test.accuracy)})`,
      softmax.test.features,
      data.test.labels,
      set.classes,
    ),
  );
  writeFileSync(
    path('-scatter-center.svg'),
    scatterSvg(
      `Softmax + ${options.centerLoss.lambda} × center loss: test features (accuracy ${pct(center.test.accuracy)})`,
      center.test.features,
      data.test.labels,
      set.classes,
    ),
  );
  for (const [run, suffix] of [
    [softmax, 'softmax'],
    [center, 'center'],
  ] as const) {
    writeFileSync(
      path(`-train-scatter-${suffix}.svg`),
      scatterSvg(
        `${run === softmax ? 'Softmax only' : `Softmax + ${options.centerLoss.lambda} × center loss`}: training features (accuracy ${pct(run.trainAccuracy)})`,
        run.trainFeatures,
        data.train.labels,
        set.classes,
      ),
    );
  }
  writeFileSync(
    path('-loss.svg'),
    curvesSvg('Training loss (batch means, read every few steps)', [
      { name: 'softmax only', colour: '#4e79a7', points: softmax.losses.map((l) => [l.step, l.softmax] as const) },
      {
        name: 'with center: softmax part',
        colour: '#e15759',
        points: center.losses.map((l) => [l.step, l.softmax] as const),
      },
      {
        name: 'with center: total',
        colour: '#f28e2b',
        points: center.losses.map((l) => [l.step, l.softmax + l.center] as const),
      },
    ]),
  );
  const summary = results.map((r) => ({
    run: r.run,
    testAccuracy: r.test.accuracy,
    trainAccuracy: r.trainAccuracy,
    msPerStep: r.msPerStep,
    spreadTest: clusterSpread(r.test.features, data.test.labels, set.classes.length),
    spreadTrain: clusterSpread(r.trainFeatures, data.train.labels, set.classes.length),
    finalLoss: r.losses[r.losses.length - 1],
    testAccuracyByEpoch: r.epochs.map((e) => e.test.accuracy),
  }));
  writeFileSync(
    path('.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        adapter,
        chips: {
          file: chips.replace(`${ROOT}/`, ''),
          classes: set.classes,
          train: data.train.labels.length,
          test: data.test.labels.length,
          provenance: set.provenance,
        },
        options,
        results: summary,
        lossCurves: Object.fromEntries(results.map((r) => [r.run, r.losses])),
      },
      null,
      1,
    ),
  );
  const markdown = [
    `# Training experiment: softmax vs softmax + center loss (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Data: aligned ${set.size}×${set.size} grayscale chips (our detector, landmarks and dlib-style alignment) of the ${set.classes.length} LFW people with the most photos, ` +
      `the first ${data.train.labels.length} as training and the last ${data.test.labels.length} (a quarter of each person's photos, by file name) as test. ` +
      `Network input ${options.inputSize}×${options.inputSize}; conv 3×3 ${data.config.channels.join('/')} + ReLU + max-pool 2×2, ×3, then a dense layer to a 2-D feature and a dense classifier.`,
    '',
    `Training: ${options.epochs} epochs, batch ${options.trainer.batchSize}, momentum SGD (lr ${options.trainer.learningRate}, momentum ${options.trainer.momentum}, ` +
      `weight decay ${options.trainer.weightDecay}, lr × ${options.trainer.decay} from epoch ${Math.floor(options.epochs * 0.75) + 1}), ` +
      `${options.trainer.flip ? 'each training chip mirrored left-right with probability 1/2, ' : 'no augmentation, '}He initialisation (seed ${options.initSeed}), ` +
      `same initial weights and batch order for both runs. Center loss λ = ${options.centerLoss.lambda}, α = ${options.centerLoss.alpha}. Adapter: ${adapter.description || adapter.device} (${adapter.vendor}).`,
    '',
    '| run | test accuracy | train accuracy | spread test (train) | final batch loss | ms per step |',
    '| --- | --- | --- | --- | --- | --- |',
    ...summary.map(
      (s) =>
        `| ${s.run} | ${pct(s.testAccuracy)} | ${pct(s.trainAccuracy)} | ${s.spreadTest.ratio.toFixed(2)} (${s.spreadTrain.ratio.toFixed(2)}) | ${s.finalLoss ? (s.finalLoss.softmax + s.finalLoss.center).toFixed(4) : '-'} | ${s.msPerStep.toFixed(0)} |`,
    ),
    '',
    `Chance is ${pct(1 / set.classes.length)}. Spread: mean distance of a feature to its person's mean over the mean distance between two persons' means (small = tight, separated clusters; \`clusterSpread\` in src/engine/training/experiment.ts).`,
    '',
    `![softmax only](${out}-scatter-softmax.svg) ![softmax + center loss](${out}-scatter-center.svg)`,
    '',
    `Training features of the same runs (the fitted data): ![softmax only, training](${out}-train-scatter-softmax.svg) ![softmax + center loss, training](${out}-train-scatter-center.svg)`,
    '',
    `![loss curves](${out}-loss.svg)`,
    '',
  ].join('\n');
  writeFileSync(path('.md'), markdown);
  console.log(markdown);
}

runTool(main);
