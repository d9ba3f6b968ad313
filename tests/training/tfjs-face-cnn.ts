// The face CNN (src/engine/training/face-cnn.ts) and its training step written in tfjs 4.22 (generic
// autodiff), as the reference for the parity test and the training benchmark: same parameters, same
// losses (softmax cross-entropy, + lambda/2 ||x - c_y||^2 averaged over the batch), same momentum SGD
// with weight decay on kernels only, same centre update (Wen et al. 2016). Reference only: tfjs is a
// devDependency and the app never imports it.
import { createRequire } from 'node:module';
import { parameterSpecs, type FaceCnnConfig } from '../../src/engine/training/face-cnn';
import type { ParameterValues } from '../../src/engine/training/parameters';
import { CENTRES_NAME, type TrainerOptions } from '../../src/engine/training/trainer';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tf = any;

/** tfjs on its CPU backend (loaded through CommonJS: its ESM build does not resolve in Node). */
export async function tfjsCpu(): Promise<Tf> {
  const tf = require('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}

let instances = 0;

export class TfjsFaceCnn {
  private readonly vars: Map<string, Tf>;
  private readonly velocities: Map<string, Tf>;
  private readonly decays: Map<string, number>;
  private centres: Tf;

  constructor(
    private readonly tf: Tf,
    private readonly config: FaceCnnConfig,
    private readonly options: TrainerOptions,
    initial: ParameterValues,
  ) {
    const prefix = `face-cnn-${instances++}`;
    const specs = parameterSpecs(config);
    this.vars = new Map(
      specs.map((s) => [s.name, tf.variable(tf.tensor(initial.get(s.name)!, s.shape), true, `${prefix}/${s.name}`)]),
    );
    this.velocities = new Map(specs.map((s) => [s.name, tf.variable(tf.zeros(s.shape), false)]));
    this.decays = new Map(specs.map((s) => [s.name, s.isBias ? 0 : options.weightDecay]));
    this.centres = tf.variable(
      tf.tensor(initial.get(CENTRES_NAME) ?? new Float32Array(config.classes * config.featureDims), [
        config.classes,
        config.featureDims,
      ]),
      false,
    );
  }

  private forward(x: Tf): { f: Tf; z: Tf } {
    const tf = this.tf;
    const v = (name: string) => this.vars.get(name);
    let h = x;
    for (let layer = 1; layer <= 3; layer++) {
      h = tf.relu(tf.add(tf.conv2d(h, v(`conv${layer}/filters`), 1, 'same'), v(`conv${layer}/bias`)));
      h = tf.maxPool(h, 2, 2, 'valid');
    }
    const flat = tf.reshape(h, [x.shape[0], -1]);
    const f = tf.add(tf.matMul(flat, v('feature/kernel')), v('feature/bias'));
    const z = tf.add(tf.matMul(f, v('classifier/kernel')), v('classifier/bias'));
    return { f, z };
  }

  /**
   * One step on a batch; returns the batch's mean softmax and center losses, read back (which waits for
   * the backend) unless `readLoss` is false.
   */
  async step(
    images: Float32Array,
    labels: Uint32Array,
    learningRate: number,
    readLoss = true,
  ): Promise<{ softmax: number; center: number } | undefined> {
    const tf = this.tf;
    const batch = labels.length;
    const { size, classes } = this.config;
    // Read back asynchronously: tfjs-webgpu's synchronous read needs an OffscreenCanvas, which Node lacks.
    const [softmaxLoss, centerLoss] = tf.tidy(() => {
      const x = tf.tensor4d(images, [batch, size, size, 1]);
      const labelTensor = tf.tensor1d(Int32Array.from(labels), 'int32');
      const oneHot = tf.oneHot(labelTensor, classes);
      const features = this.forward(x).f;
      let softmax: Tf;
      let center: Tf = tf.scalar(0);
      const names = [...this.vars.keys()];
      const { grads } = tf.variableGrads(
        () => {
          const { f, z } = this.forward(x);
          softmax = tf.keep(tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(z)), 1))));
          if (!this.options.centerLoss) return softmax;
          const diff = tf.sub(f, tf.gather(this.centres, labelTensor));
          center = tf.keep(tf.mul(this.options.centerLoss.lambda / 2, tf.mean(tf.sum(tf.square(diff), 1))));
          return tf.add(softmax, center);
        },
        names.map((n) => this.vars.get(n)),
      );
      for (const name of names) {
        const w = this.vars.get(name);
        const v = this.velocities.get(name);
        const next = tf.add(tf.add(tf.mul(this.options.momentum, v), grads[w.name]), tf.mul(this.decays.get(name)!, w));
        v.assign(next);
        w.assign(tf.sub(w, tf.mul(learningRate, next)));
      }
      if (this.options.centerLoss) {
        // Per-class sums and counts through the one-hot matrix (tfjs-wasm has no UnsortedSegmentSum).
        const sums = tf.matMul(oneHot, features, true, false);
        const counts = tf.reshape(tf.sum(oneHot, 0), [classes, 1]);
        const delta = tf.div(tf.sub(tf.mul(counts, this.centres), sums), tf.add(counts, 1));
        this.centres.assign(tf.sub(this.centres, tf.mul(this.options.centerLoss.alpha, delta)));
      }
      return [softmax!, center];
    }) as [Tf, Tf];
    try {
      return readLoss
        ? { softmax: (await softmaxLoss.data())[0] as number, center: (await centerLoss.data())[0] as number }
        : undefined;
    } finally {
      softmaxLoss.dispose();
      centerLoss.dispose();
    }
  }

  parameters(): ParameterValues {
    const values: ParameterValues = new Map();
    for (const [name, v] of this.vars) values.set(name, Float32Array.from(v.dataSync() as Float32Array));
    values.set(CENTRES_NAME, Float32Array.from(this.centres.dataSync() as Float32Array));
    return values;
  }

  dispose(): void {
    for (const v of [...this.vars.values(), ...this.velocities.values(), this.centres]) v.dispose();
  }
}
