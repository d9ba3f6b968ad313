// Trainers on the GPU. MiniBatchTrainer holds what they share: the learning-rate schedule and epochs of
// mini-batches drawn without replacement from a seeded permutation (the last, shorter batch kept).
// FaceCnnTrainer trains the face CNN (face-cnn.ts) with our kernels: forward through conv2d (fused bias +
// ReLU), pool and matmul; backward through the *-backward kernels; momentum SGD on every parameter.
// Each step is one command encoder and one submit; the loss is read back only every `lossEvery` steps
// (a readback waits for the GPU, which would otherwise stay ahead). The projection head's trainer is
// head-trainer.ts.
import { TrainingDataError } from '../errors';
import type { GpuContext } from '../gpu-context';
import { biasBackward } from '../kernels/bias-backward';
import { centerLoss } from '../kernels/center-loss';
import { conv2d, type Conv2dFilter } from '../kernels/conv2d';
import { conv2dBackwardFilter } from '../kernels/conv2d-backward-filter';
import { conv2dBackwardInput, type ConvGradientGeometry } from '../kernels/conv2d-backward-input';
import { conv2dFilterFlip, inputGradientAsConvolution } from '../kernels/conv2d-filter-flip';
import { destroyDispatch, encodeDispatches, type Dispatch } from '../kernels/dispatch';
import { packChannelParams } from '../kernels/epilogue';
import { matmul } from '../kernels/matmul';
import { pool } from '../kernels/pool';
import { poolBackward } from '../kernels/pool-backward';
import { reluBackward } from '../kernels/relu-backward';
import { softmaxCrossEntropy } from '../kernels/softmax-cross-entropy';
import { Readback } from '../readback';
import { createTensor, sizeOf, uploadBuffer, type Tensor } from '../tensor';
import { CONV_LAYERS, KERNEL, parameterSpecs, type FaceCnnConfig } from './face-cnn';
import { ParameterSet, readFloats, zeroBuffer, type ParameterValues } from './parameters';
import { Rng } from './rng';

export interface TrainerOptions {
  batchSize: number;
  learningRate: number;
  momentum: number;
  weightDecay: number;
  /** Epochs (0-based) from which the learning rate is multiplied by `decay` once more. */
  decayEpochs: readonly number[];
  decay: number;
  /** Softmax + lambda * center loss when given (Wen et al. 2016); softmax alone otherwise. */
  centerLoss?: { lambda: number; alpha: number };
  /** Read the loss back every k steps (and always on an epoch's last step). */
  lossEvery: number;
  /** Seeds the batch order. */
  seed: number;
  /**
   * Face CNN only: each training image is mirrored left-right with probability 1/2 (aligned faces are
   * near-symmetric, so a mirrored chip is another plausible photo of the same person). The coin has its
   * own seeded source: the batch order is the same with and without flips.
   */
  flip?: boolean;
}

export const CENTRES_NAME = 'center-loss/centres';

export interface LossRecord {
  step: number;
  epoch: number;
  /** Mean softmax cross-entropy over the batch. */
  softmax: number;
  /** Mean lambda/2 ||x - c_y||^2 over the batch (0 without center loss). */
  center: number;
  learningRate: number;
}

export interface Evaluation {
  /** [count, featureDims] */
  features: Float32Array;
  predictions: Uint32Array;
  accuracy: number;
}

/** A labelled set of [count, size, size, 1] images. */
export interface Dataset {
  images: Float32Array;
  labels: Uint32Array;
}

export interface Graph {
  forward: Dispatch[];
  train: Dispatch[];
}

/** The first `batch` rows of a tensor allocated for the largest batch. */
export const view = (tensor: Tensor, batch: number): Tensor => ({
  buffer: tensor.buffer,
  shape: [batch, ...tensor.shape.slice(1)],
});

/**
 * What every trainer shares: the learning rate's step schedule, and epochs of mini-batches drawn without
 * replacement from a seeded permutation (the last, shorter batch kept). A subclass supplies the step.
 */
export abstract class MiniBatchTrainer<TData extends { labels: Uint32Array }> {
  private readonly rng: Rng;
  protected stepCount = 0;
  protected epochCount = 0;

  protected constructor(readonly options: TrainerOptions) {
    if (!(options.batchSize >= 1) || !(options.lossEvery >= 1))
      throw new Error('trainer: batchSize and lossEvery must be >= 1');
    this.rng = new Rng(options.seed);
  }

  get steps(): number {
    return this.stepCount;
  }

  get epochs(): number {
    return this.epochCount;
  }

  /** The learning rate of epoch `epoch` under the step schedule. */
  learningRateAt(epoch: number): number {
    const decays = this.options.decayEpochs.filter((e) => e <= epoch).length;
    return this.options.learningRate * this.options.decay ** decays;
  }

  /**
   * Submits one step's dispatches in one command encoder, with this epoch's learning rate written to
   * `learningRate` first; when `readLoss`, reads back the per-sample losses `losses` ([softmax, center])
   * and returns their means over the batch's `batch` samples.
   */
  protected async submitStep(
    context: GpuContext,
    dispatches: readonly Dispatch[],
    step: { label: string; batch: number; readLoss: boolean },
    learningRate: GPUBuffer,
    losses: readonly Readback[],
  ): Promise<LossRecord | undefined> {
    const rate = this.learningRateAt(this.epochCount);
    context.device.queue.writeBuffer(learningRate, 0, Float32Array.of(rate));
    const encoder = context.device.createCommandEncoder({ label: step.label });
    encodeDispatches(encoder, dispatches, step.label);
    if (step.readLoss) for (const readback of losses) readback.record(encoder);
    context.device.queue.submit([encoder.finish()]);
    this.stepCount++;
    if (!step.readLoss) return undefined;
    const [softmax, center] = await Promise.all(losses.map((r) => r.read()));
    const mean = (values: Float32Array) => values.subarray(0, step.batch).reduce((sum, v) => sum + v, 0) / step.batch;
    return {
      step: this.stepCount,
      epoch: this.epochCount,
      softmax: mean(softmax!),
      center: this.options.centerLoss ? mean(center!) : 0,
      learningRate: rate,
    };
  }

  /**
   * One SGD step on the samples `indices` of `data`: one command encoder, one submit. Returns the batch's
   * loss when `readLoss` (which waits for the GPU), otherwise undefined.
   */
  abstract step(data: TData, indices: ArrayLike<number>, readLoss: boolean): Promise<LossRecord | undefined>;

  /** One epoch: every sample once, in a fresh seeded order. Returns the losses read back. */
  async epoch(data: TData, onLoss?: (record: LossRecord) => void): Promise<LossRecord[]> {
    const order = this.rng.permutation(data.labels.length);
    const records: LossRecord[] = [];
    const b = this.options.batchSize;
    for (let start = 0; start < order.length; start += b) {
      const last = start + b >= order.length;
      const read = last || (this.stepCount + 1) % this.options.lossEvery === 0;
      const record = await this.step(data, order.subarray(start, Math.min(start + b, order.length)), read);
      if (record) {
        records.push(record);
        onLoss?.(record);
      }
    }
    this.epochCount++;
    return records;
  }
}

export class FaceCnnTrainer extends MiniBatchTrainer<Dataset> {
  private readonly graphs = new Map<number, Graph>();
  private readonly params: ParameterSet;
  private readonly learningRateBuffer: GPUBuffer;
  private readonly acts: Record<string, Tensor> = {};
  private readonly labelsBuffer: GPUBuffer;
  private readonly centres: Tensor;
  private readonly lossReadbacks: Readback[];
  private readonly outputReadbacks: [Readback, Readback];
  /** Flipped filters (conv2d-filter-flip) and the bias-free epilogues of the input-gradient convolutions. */
  private readonly flipped: GPUBuffer[] = [];
  private readonly noEpilogue = new Map<number, GPUBuffer>();
  private readonly flipRng: Rng;

  private constructor(
    readonly context: GpuContext,
    readonly config: FaceCnnConfig,
    options: TrainerOptions,
    initial: ParameterValues,
  ) {
    super(options);
    const device = context.device;
    this.params = new ParameterSet(context, parameterSpecs(config), initial, options.weightDecay);
    this.flipRng = new Rng(options.seed ^ 0x5bd1e995);
    this.learningRateBuffer = uploadBuffer(context, Float32Array.of(options.learningRate), 'learning-rate');
    const b = options.batchSize;
    const s = config.size;
    const [c1, c2, c3] = config.channels;
    const shapes: Record<string, number[]> = {
      x: [s, s, 1],
      a1: [s, s, c1],
      p1: [s / 2, s / 2, c1],
      a2: [s / 2, s / 2, c2],
      p2: [s / 4, s / 4, c2],
      a3: [s / 4, s / 4, c3],
      p3: [s / 8, s / 8, c3],
      f: [config.featureDims],
      z: [config.classes],
      dz: [config.classes],
      dF: [config.featureDims],
      dP3: [s / 8, s / 8, c3],
      dA3: [s / 4, s / 4, c3],
      dZ3: [s / 4, s / 4, c3],
      dP2: [s / 4, s / 4, c2],
      dA2: [s / 2, s / 2, c2],
      dZ2: [s / 2, s / 2, c2],
      dP1: [s / 2, s / 2, c1],
      dA1: [s, s, c1],
      dZ1: [s, s, c1],
      softmaxLoss: [],
      centerLoss: [],
    };
    for (const [name, shape] of Object.entries(shapes)) this.acts[name] = createTensor(context, [b, ...shape], name);
    this.labelsBuffer = zeroBuffer(context, b, 'labels');
    const centreValues = initial.get(CENTRES_NAME) ?? new Float32Array(config.classes * config.featureDims);
    this.centres = createTensor(context, [config.classes, config.featureDims], 'centres');
    device.queue.writeBuffer(this.centres.buffer, 0, Float32Array.from(centreValues));
    this.lossReadbacks = [
      new Readback(context, this.acts.softmaxLoss!, 'softmax-loss'),
      new Readback(context, this.acts.centerLoss!, 'center-loss'),
    ];
    this.outputReadbacks = [
      new Readback(context, this.acts.f!, 'features'),
      new Readback(context, this.acts.z!, 'logits'),
    ];
  }

  static create(
    context: GpuContext,
    config: FaceCnnConfig,
    options: TrainerOptions,
    initial: ParameterValues,
  ): FaceCnnTrainer {
    return new FaceCnnTrainer(context, config, options, initial);
  }

  private convFilter(layer: number): Conv2dFilter {
    const filters = this.params.get(`conv${layer}/filters`);
    const [kH, kW, inC, outC] = filters.shape as [number, number, number, number];
    return {
      kH,
      kW,
      inC,
      outC,
      buffer: filters.buffer,
      channelParams: this.params.get(`conv${layer}/bias`).buffer,
      activationCode: 1,
    };
  }

  private graph(batch: number): Graph {
    let graph = this.graphs.get(batch);
    if (graph) return graph;
    const ctx = this.context;
    const a = (name: string) => view(this.acts[name]!, batch);
    const pooling = { kind: 'max' as const, window: 2, stride: 2, padding: 'valid' as const };
    const forward: Dispatch[] = [];
    const inputs = ['x', 'p1', 'p2'];
    for (let layer = 1; layer <= CONV_LAYERS; layer++) {
      forward.push(
        conv2d(ctx, a(inputs[layer - 1]!), this.convFilter(layer), {
          padding: 'same',
          output: a(`a${layer}`),
          label: `conv${layer}`,
        }).dispatch,
      );
      forward.push(pool(ctx, a(`a${layer}`), { ...pooling, output: a(`p${layer}`), label: `pool${layer}` }).dispatch);
    }
    forward.push(matmul(ctx, a('p3'), this.params.dense('feature'), { output: a('f'), label: 'feature' }).dispatch);
    forward.push(
      matmul(ctx, a('f'), this.params.dense('classifier'), { output: a('z'), label: 'classifier' }).dispatch,
    );

    const train: Dispatch[] = [...forward];
    train.push(
      softmaxCrossEntropy(ctx, a('z'), this.labelsBuffer, {
        dLogits: a('dz'),
        loss: a('softmaxLoss'),
        scale: 1 / batch,
      }).dispatch,
    );
    train.push(
      ...this.params.denseBackward('classifier', batch, {
        input: this.acts.f!.buffer,
        dOutput: a('dz'),
        dInput: this.acts.dF!.buffer,
      }),
    );
    if (this.options.centerLoss) {
      const { lambda, alpha } = this.options.centerLoss;
      for (const call of centerLoss(ctx, a('f'), this.labelsBuffer, this.centres, a('dF'), {
        lambda,
        alpha,
        scale: 1 / batch,
        loss: a('centerLoss'),
      })) {
        train.push(call.dispatch);
      }
    }
    train.push(
      ...this.params.denseBackward('feature', batch, {
        input: this.acts.p3!.buffer,
        dOutput: a('dF'),
        dInput: this.acts.dP3!.buffer,
      }),
    );
    for (let layer = CONV_LAYERS; layer >= 1; layer--) {
      train.push(
        poolBackward(ctx, a(`a${layer}`), a(`dP${layer}`), {
          ...pooling,
          dInput: a(`dA${layer}`),
          label: `pool${layer}-backward`,
        }).dispatch,
      );
      train.push(
        reluBackward(ctx, a(`a${layer}`), a(`dA${layer}`), { dInput: a(`dZ${layer}`), label: `relu${layer}-backward` })
          .dispatch,
      );
      const filter = this.convFilter(layer);
      const geometry: ConvGradientGeometry = {
        kH: KERNEL,
        kW: KERNEL,
        inC: filter.inC,
        outC: filter.outC,
        stride: 1,
        padding: 'same',
        filterStride: filter.outC,
      };
      const input = a(inputs[layer - 1]!);
      train.push(
        conv2dBackwardFilter(
          ctx,
          input,
          a(`dZ${layer}`),
          this.params.get(`conv${layer}/filters`).gradient,
          geometry,
          `conv${layer}-filter-backward`,
        ).dispatch,
      );
      train.push(
        biasBackward(ctx, a(`dZ${layer}`), this.params.get(`conv${layer}/bias`).gradient, `conv${layer}-bias-backward`)
          .dispatch,
      );
      // The first layer's input is the image: no gradient needed there.
      if (layer > 1) train.push(...this.inputGradient(layer, geometry, a(`dZ${layer}`), a(`dP${layer - 1}`)));
    }
    train.push(...this.params.sgd(this.learningRateBuffer, this.options.momentum));
    graph = { forward, train };
    this.graphs.set(batch, graph);
    return graph;
  }

  /**
   * dX of conv `layer`: where it is a forward convolution of dY with the flipped filter (stride 1, SAME,
   * odd kernel: always, in this network) the flip and the forward conv2d kernel, which is tiled for
   * speed; otherwise conv2d-backward-input.
   */
  private inputGradient(layer: number, geometry: ConvGradientGeometry, dOutput: Tensor, dInput: Tensor): Dispatch[] {
    const filter = this.convFilter(layer);
    if (!inputGradientAsConvolution(geometry)) {
      return [
        conv2dBackwardInput(this.context, dOutput, filter.buffer, dInput.shape, geometry, {
          output: dInput,
          label: `conv${layer}-input-backward`,
        }).dispatch,
      ];
    }
    const flip = conv2dFilterFlip(this.context, filter.buffer, geometry, `conv${layer}-filter-flip`);
    this.flipped.push(flip.output);
    let params = this.noEpilogue.get(filter.inC);
    if (!params) {
      params = uploadBuffer(this.context, packChannelParams(filter.inC, {}), `no-epilogue-${filter.inC}`);
      this.noEpilogue.set(filter.inC, params);
    }
    const flipped: Conv2dFilter = {
      kH: filter.kH,
      kW: filter.kW,
      inC: filter.outC,
      outC: filter.inC,
      buffer: flip.output,
      channelParams: params,
      activationCode: 0,
    };
    const conv = conv2d(this.context, dOutput, flipped, {
      padding: 'same',
      output: dInput,
      label: `conv${layer}-input-backward`,
    });
    return [flip.dispatch, conv.dispatch];
  }

  private writeBatch(data: Dataset, indices: ArrayLike<number>, augment: boolean): void {
    const size = this.config.size;
    const area = size * size;
    if (data.images.length !== data.labels.length * area)
      throw new TrainingDataError(`trainer: ${data.images.length} pixels for ${data.labels.length} images of ${area}`);
    const images = new Float32Array(indices.length * area);
    const labels = new Uint32Array(indices.length);
    for (let i = 0; i < indices.length; i++) {
      const index = indices[i]!;
      const source = data.images.subarray(index * area, (index + 1) * area);
      if (augment && this.options.flip && this.flipRng.next() < 0.5) {
        for (let y = 0; y < size; y++)
          for (let x = 0; x < size; x++) images[i * area + y * size + x] = source[y * size + size - 1 - x]!;
      } else {
        images.set(source, i * area);
      }
      labels[i] = data.labels[index]!;
      if (labels[i]! >= this.config.classes)
        throw new TrainingDataError(
          `trainer: label ${labels[i]} of image ${index} is not below ${this.config.classes}`,
        );
    }
    this.context.device.queue.writeBuffer(this.acts.x!.buffer, 0, images);
    this.context.device.queue.writeBuffer(this.labelsBuffer, 0, labels);
  }

  async step(data: Dataset, indices: ArrayLike<number>, readLoss: boolean): Promise<LossRecord | undefined> {
    const batch = indices.length;
    if (batch < 1 || batch > this.options.batchSize)
      throw new Error(`trainer: batch of ${batch} (1..${this.options.batchSize})`);
    this.writeBatch(data, indices, true);
    const step = { label: 'train-step', batch, readLoss };
    return this.submitStep(this.context, this.graph(batch).train, step, this.learningRateBuffer, this.lossReadbacks);
  }

  /** Forward pass over `data` in batches: the features, the predicted classes and the accuracy. */
  async evaluate(data: Dataset): Promise<Evaluation> {
    const count = data.labels.length;
    const d = this.config.featureDims;
    const classes = this.config.classes;
    const features = new Float32Array(count * d);
    const predictions = new Uint32Array(count);
    let correct = 0;
    for (let start = 0; start < count; start += this.options.batchSize) {
      const batch = Math.min(this.options.batchSize, count - start);
      this.writeBatch(
        data,
        Uint32Array.from({ length: batch }, (_, i) => start + i),
        false,
      );
      const encoder = this.context.device.createCommandEncoder({ label: 'evaluate' });
      encodeDispatches(encoder, this.graph(batch).forward, 'evaluate');
      for (const readback of this.outputReadbacks) readback.record(encoder);
      this.context.device.queue.submit([encoder.finish()]);
      const [f, z] = await Promise.all(this.outputReadbacks.map((r) => r.read()));
      features.set(f!.subarray(0, batch * d), start * d);
      for (let i = 0; i < batch; i++) {
        let best = 0;
        for (let c = 1; c < classes; c++) if (z![i * classes + c]! > z![i * classes + best]!) best = c;
        predictions[start + i] = best;
        if (best === data.labels[start + i]) correct++;
      }
    }
    return { features, predictions, accuracy: count ? correct / count : 0 };
  }

  /** The current parameters in their manifest layouts (padding removed), and the class centres. */
  async parameters(): Promise<ParameterValues> {
    const values = await this.params.read();
    values.set(CENTRES_NAME, await readFloats(this.context, this.centres.buffer, sizeOf(this.centres.shape)));
    return values;
  }

  destroy(): void {
    // `train` begins with the forward dispatches: its list frees every dispatch's uniforms once.
    for (const graph of this.graphs.values()) graph.train.forEach(destroyDispatch);
    this.graphs.clear();
    this.params.destroy();
    for (const t of Object.values(this.acts)) t.buffer.destroy();
    [...this.lossReadbacks, ...this.outputReadbacks].forEach((r) => r.destroy());
    this.labelsBuffer.destroy();
    this.flipped.forEach((b) => b.destroy());
    this.noEpilogue.forEach((b) => b.destroy());
    this.centres.buffer.destroy();
    this.learningRateBuffer.destroy();
  }
}
