// Trains the projection head (projection-head.ts) on fixed descriptors with our kernels: forward through
// matmul (fused bias), l2-normalize and the scaled classifier matmul; backward through the fused
// softmax cross-entropy (its gradient scale carries the logit scale, so every gradient is exact),
// center loss on the unit-length embedding (Wen et al. 2016), l2-normalize-backward and the dense
// backward kernels; momentum SGD on every parameter. One command encoder and one submit per step.
import { TrainingDataError } from '../errors';
import type { GpuContext } from '../gpu-context';
import { centerLoss } from '../kernels/center-loss';
import { destroyDispatch, encodeDispatches, type Dispatch } from '../kernels/dispatch';
import { l2Normalize } from '../kernels/l2-normalize';
import { l2NormalizeBackward } from '../kernels/l2-normalize-backward';
import { matmul } from '../kernels/matmul';
import { softmaxCrossEntropy } from '../kernels/softmax-cross-entropy';
import { Readback } from '../readback';
import { createTensor, sizeOf, uploadBuffer, type Tensor } from '../tensor';
import { ParameterSet, readFloats, zeroBuffer, type ParameterValues } from './parameters';
import { headParameterSpecs, type ProjectionHeadConfig } from './projection-head';
import { CENTRES_NAME, MiniBatchTrainer, view, type Graph, type LossRecord, type TrainerOptions } from './trainer';

/** Labelled descriptors: [count, inputDims] row-major. */
export interface DescriptorSet {
  vectors: Float32Array;
  labels: Uint32Array;
}

export class ProjectionHeadTrainer extends MiniBatchTrainer<DescriptorSet> {
  private readonly graphs = new Map<number, Graph>();
  private readonly params: ParameterSet;
  private readonly learningRateBuffer: GPUBuffer;
  private readonly acts: Record<string, Tensor> = {};
  private readonly labelsBuffer: GPUBuffer;
  private readonly centres: Tensor;
  private readonly lossReadbacks: Readback[];
  private readonly embeddingReadback: Readback;

  private constructor(
    readonly context: GpuContext,
    readonly config: ProjectionHeadConfig,
    options: TrainerOptions,
    initial: ParameterValues,
  ) {
    super(options);
    this.params = new ParameterSet(context, headParameterSpecs(config), initial, options.weightDecay);
    this.learningRateBuffer = uploadBuffer(context, Float32Array.of(options.learningRate), 'learning-rate');
    const { inputDims, embeddingDims, classes } = config;
    const shapes: Record<string, number[]> = {
      x: [inputDims],
      h: [embeddingDims],
      y: [embeddingDims],
      z: [classes],
      dz: [classes],
      dY: [embeddingDims],
      dH: [embeddingDims],
      softmaxLoss: [],
      centerLoss: [],
    };
    for (const [name, shape] of Object.entries(shapes))
      this.acts[name] = createTensor(context, [options.batchSize, ...shape], name);
    this.labelsBuffer = zeroBuffer(context, options.batchSize, 'labels');
    this.centres = createTensor(context, [classes, embeddingDims], 'centres');
    context.device.queue.writeBuffer(
      this.centres.buffer,
      0,
      Float32Array.from(initial.get(CENTRES_NAME) ?? new Float32Array(classes * embeddingDims)),
    );
    this.lossReadbacks = [
      new Readback(context, this.acts.softmaxLoss!, 'softmax-loss'),
      new Readback(context, this.acts.centerLoss!, 'center-loss'),
    ];
    this.embeddingReadback = new Readback(context, this.acts.y!, 'embedding');
  }

  static create(
    context: GpuContext,
    config: ProjectionHeadConfig,
    options: TrainerOptions,
    initial: ParameterValues,
  ): ProjectionHeadTrainer {
    return new ProjectionHeadTrainer(context, config, options, initial);
  }

  private graph(batch: number): Graph {
    let graph = this.graphs.get(batch);
    if (graph) return graph;
    const ctx = this.context;
    const a = (name: string) => view(this.acts[name]!, batch);
    const { scale } = this.config;
    const forward: Dispatch[] = [
      matmul(ctx, a('x'), this.params.dense('head'), { output: a('h'), label: 'head' }).dispatch,
      l2Normalize(ctx, a('h'), { output: a('y'), label: 'embedding' }).dispatch,
    ];
    const train: Dispatch[] = [
      ...forward,
      matmul(ctx, a('y'), this.params.dense('classifier'), { output: a('z'), label: 'classifier' }).dispatch,
      // z = scale (yW + b), so dL/dz carries the factor scale into every gradient below it.
      softmaxCrossEntropy(ctx, a('z'), this.labelsBuffer, {
        dLogits: a('dz'),
        loss: a('softmaxLoss'),
        scale: scale / batch,
      }).dispatch,
    ];
    train.push(
      ...this.params.denseBackward('classifier', batch, {
        input: this.acts.y!.buffer,
        dOutput: a('dz'),
        dInput: this.acts.dY!.buffer,
      }),
    );
    if (this.options.centerLoss) {
      const { lambda, alpha } = this.options.centerLoss;
      for (const call of centerLoss(ctx, a('y'), this.labelsBuffer, this.centres, a('dY'), {
        lambda,
        alpha,
        scale: 1 / batch,
        loss: a('centerLoss'),
      }))
        train.push(call.dispatch);
    }
    train.push(l2NormalizeBackward(ctx, a('h'), a('dY'), { dInput: a('dH'), label: 'embedding-backward' }).dispatch);
    // The descriptors are fixed: no gradient is taken with respect to the input.
    train.push(...this.params.denseBackward('head', batch, { input: this.acts.x!.buffer, dOutput: a('dH') }));
    train.push(...this.params.sgd(this.learningRateBuffer, this.options.momentum));
    graph = { forward, train };
    this.graphs.set(batch, graph);
    return graph;
  }

  private writeBatch(vectors: Float32Array, rows: ArrayLike<number>, labels?: Uint32Array): void {
    const dims = this.config.inputDims;
    const batch = new Float32Array(rows.length * dims);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      batch.set(vectors.subarray(row * dims, (row + 1) * dims), i * dims);
    }
    this.context.device.queue.writeBuffer(this.acts.x!.buffer, 0, batch);
    if (!labels) return;
    const batchLabels = Uint32Array.from(rows, (row) => labels[row]!);
    for (const label of batchLabels)
      if (label >= this.config.classes)
        throw new TrainingDataError(`head trainer: label ${label} is not below ${this.config.classes}`);
    this.context.device.queue.writeBuffer(this.labelsBuffer, 0, batchLabels);
  }

  async step(data: DescriptorSet, indices: ArrayLike<number>, readLoss: boolean): Promise<LossRecord | undefined> {
    const batch = indices.length;
    if (batch < 1 || batch > this.options.batchSize)
      throw new Error(`head trainer: batch of ${batch} (1..${this.options.batchSize})`);
    if (data.vectors.length !== data.labels.length * this.config.inputDims)
      throw new TrainingDataError(
        `head trainer: ${data.vectors.length} values for ${data.labels.length} descriptors of ${this.config.inputDims}`,
      );
    this.writeBatch(data.vectors, indices, data.labels);
    const step = { label: 'head-step', batch, readLoss };
    return this.submitStep(this.context, this.graph(batch).train, step, this.learningRateBuffer, this.lossReadbacks);
  }

  /** The unit-length embeddings of `vectors` ([count, inputDims] → [count, embeddingDims]). */
  async embed(vectors: Float32Array): Promise<Float32Array> {
    const { inputDims, embeddingDims: d } = this.config;
    const count = vectors.length / inputDims;
    if (!Number.isInteger(count)) throw new TrainingDataError(`head trainer: ${vectors.length} values`);
    const out = new Float32Array(count * d);
    for (let start = 0; start < count; start += this.options.batchSize) {
      const batch = Math.min(this.options.batchSize, count - start);
      this.writeBatch(
        vectors,
        Uint32Array.from({ length: batch }, (_, i) => start + i),
      );
      const encoder = this.context.device.createCommandEncoder({ label: 'embed' });
      encodeDispatches(encoder, this.graph(batch).forward, 'embed');
      this.embeddingReadback.record(encoder);
      this.context.device.queue.submit([encoder.finish()]);
      out.set((await this.embeddingReadback.read()).subarray(0, batch * d), start * d);
    }
    return out;
  }

  /** The current parameters in their manifest layouts, and the class centres. */
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
    [...this.lossReadbacks, this.embeddingReadback].forEach((r) => r.destroy());
    this.labelsBuffer.destroy();
    this.centres.buffer.destroy();
    this.learningRateBuffer.destroy();
  }
}
