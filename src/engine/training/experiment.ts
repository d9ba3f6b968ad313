// The method's experiment (Wen et al. 2016's two pictures, on faces): the face CNN trained on a chip set
// twice from the same initialisation and batch order, with softmax alone and with softmax + lambda *
// center loss; after each epoch the test split's 2-D features and accuracy. Runs unchanged in Node (the
// train:experiment tool) and in the browser (the Lab view).
import type { GpuContext } from '../gpu-context';
import { splitTensors, type ChipSet } from './chip-set';
import { EXPERIMENT_CNN, heInitialise, type FaceCnnConfig } from './face-cnn';
import { Rng } from './rng';
import { FaceCnnTrainer, type Evaluation, type LossRecord, type TrainerOptions } from './trainer';

export interface ExperimentOptions {
  epochs: number;
  /** Network input side; chips larger than this are box-averaged down by an integer factor. */
  inputSize: number;
  trainer: Omit<TrainerOptions, 'centerLoss' | 'decayEpochs'> & { decayEpochs?: readonly number[] };
  centerLoss: { lambda: number; alpha: number };
  /** Seeds the initial weights (the batch order is seeded by trainer.seed). */
  initSeed: number;
}

export const DEFAULT_EXPERIMENT: ExperimentOptions = {
  epochs: 30,
  inputSize: EXPERIMENT_CNN.size,
  trainer: { batchSize: 32, learningRate: 0.01, momentum: 0.9, weightDecay: 5e-4, decay: 0.1, lossEvery: 2, seed: 1 },
  centerLoss: { lambda: 0.5, alpha: 0.5 },
  initSeed: 2,
};

export type RunName = 'softmax' | 'softmax+center';

export interface EpochReport {
  run: RunName;
  epoch: number;
  losses: LossRecord[];
  test: Evaluation;
  trainAccuracy: number;
  elapsedMs: number;
}

export interface RunResult {
  run: RunName;
  losses: LossRecord[];
  epochs: EpochReport[];
  test: Evaluation;
  trainAccuracy: number;
  /** The training split's features after the last epoch (whether the method's picture appears where it was fitted). */
  trainFeatures: Float32Array;
  msPerStep: number;
}

export interface ExperimentData {
  config: FaceCnnConfig;
  train: { images: Float32Array; labels: Uint32Array };
  test: { images: Float32Array; labels: Uint32Array };
}

export function experimentData(set: ChipSet, inputSize: number): ExperimentData {
  const config: FaceCnnConfig = { ...EXPERIMENT_CNN, size: inputSize, classes: set.classes.length };
  return { config, train: splitTensors(set, false, inputSize), test: splitTensors(set, true, inputSize) };
}

/** One run; `onEpoch` sees every epoch's losses and test features as they come (the Lab view draws them). */
export async function runTraining(
  context: GpuContext,
  data: ExperimentData,
  run: RunName,
  options: ExperimentOptions,
  onEpoch?: (report: EpochReport) => void,
  shouldStop?: () => boolean,
): Promise<RunResult> {
  const decayEpochs = options.trainer.decayEpochs ?? [Math.floor(options.epochs * 0.75)];
  const trainer = FaceCnnTrainer.create(
    context,
    data.config,
    { ...options.trainer, decayEpochs, centerLoss: run === 'softmax+center' ? options.centerLoss : undefined },
    heInitialise(data.config, new Rng(options.initSeed)),
  );
  try {
    const losses: LossRecord[] = [];
    const epochs: EpochReport[] = [];
    let trainingMs = 0;
    let trainFeatures: Float32Array = new Float32Array(0);
    for (let epoch = 0; epoch < options.epochs && !shouldStop?.(); epoch++) {
      const started = performance.now();
      const epochLosses = await trainer.epoch(data.train);
      trainingMs += performance.now() - started;
      losses.push(...epochLosses);
      const test = await trainer.evaluate(data.test);
      const train = await trainer.evaluate(data.train);
      const trainAccuracy = train.accuracy;
      trainFeatures = train.features;
      const report: EpochReport = {
        run,
        epoch,
        losses: epochLosses,
        test,
        trainAccuracy,
        elapsedMs: performance.now() - started,
      };
      epochs.push(report);
      onEpoch?.(report);
    }
    const last = epochs[epochs.length - 1];
    return {
      run,
      losses,
      epochs,
      test: last?.test ?? (await trainer.evaluate(data.test)),
      trainAccuracy: last?.trainAccuracy ?? 0,
      trainFeatures,
      msPerStep: trainer.steps ? trainingMs / trainer.steps : 0,
    };
  } finally {
    trainer.destroy();
  }
}

/**
 * How clustered features are, per Wen et al.'s picture: `within`, the mean distance of a feature to its
 * class mean; `between`, the mean distance between two class means; `ratio` = within / between (small:
 * tight, separated clusters; the radial, overlapping spread of softmax alone gives a large one). Scale-free,
 * so runs with features of different magnitudes compare.
 */
export function clusterSpread(
  features: Float32Array,
  labels: Uint32Array,
  classes: number,
): { within: number; between: number; ratio: number } {
  const dims = features.length / labels.length;
  const means = new Float64Array(classes * dims);
  const counts = new Float64Array(classes);
  labels.forEach((label, i) => {
    counts[label]!++;
    for (let d = 0; d < dims; d++) means[label * dims + d]! += features[i * dims + d]!;
  });
  for (let c = 0; c < classes; c++) for (let d = 0; d < dims; d++) means[c * dims + d]! /= Math.max(1, counts[c]!);
  const distance = (a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number) => {
    let sum = 0;
    for (let d = 0; d < dims; d++) sum += (a[ia * dims + d]! - b[ib * dims + d]!) ** 2;
    return Math.sqrt(sum);
  };
  let within = 0;
  labels.forEach((label, i) => (within += distance(features, i, means, label)));
  within /= labels.length;
  const present = [...counts.keys()].filter((c) => counts[c]! > 0);
  let between = 0;
  let pairs = 0;
  for (let a = 0; a < present.length; a++)
    for (let b = a + 1; b < present.length; b++, pairs++) between += distance(means, present[a]!, means, present[b]!);
  between /= Math.max(1, pairs);
  return { within, between, ratio: between > 0 ? within / between : Number.POSITIVE_INFINITY };
}
