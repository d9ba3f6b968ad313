// A network's trainable parameters on the GPU, shared by the trainers: each parameter's buffer in the
// layout its forward kernel reads (a dense kernel [K, roundUp4(N)], as matmul.wgsl wants; a bias as the
// epilogue's packed channel parameters, of which SGD updates only the bias row), its gradient and its
// momentum velocity; the SGD dispatches over all of them; and the read-back into manifest layouts.
import type { GpuContext } from '../gpu-context';
import { biasBackward } from '../kernels/bias-backward';
import type { Dispatch } from '../kernels/dispatch';
import { packChannelParams, roundUp4 } from '../kernels/epilogue';
import type { MatmulWeights } from '../kernels/matmul';
import { denseBackward } from '../kernels/matmul-backward';
import { sgd } from '../kernels/sgd';
import { sizeOf, uploadBuffer, type Tensor } from '../tensor';

export interface ParameterSpec {
  name: string;
  shape: number[];
  /** He et al. 2015: N(0, 2 / fanIn) for weights; biases start at 0. */
  fanIn: number;
  isBias: boolean;
  /**
   * Biases only: a fixed (not trained) scale of the layer's outputs, (xW + b) * scale, through the
   * epilogue's per-channel scale row; the projection head's classifier uses it on unit-length inputs.
   */
  outputScale?: number;
}

export type ParameterValues = Map<string, Float32Array>;

export interface Parameter {
  name: string;
  shape: number[];
  buffer: GPUBuffer;
  /** Floats per stored row: a dense kernel is stored [K, roundUp4(N)] (matmul.wgsl's layout). */
  rowStride: number;
  gradient: GPUBuffer;
  velocity: GPUBuffer;
  /** Floats updated: the whole (padded) buffer for kernels, the first N of the bias row for biases. */
  count: number;
  weightDecay: number;
}

export class ParameterSet {
  private readonly params = new Map<string, Parameter>();

  /** Uploads `initial` (manifest layouts); weight decay applies to kernels, never to biases. */
  constructor(
    private readonly context: GpuContext,
    specs: readonly ParameterSpec[],
    initial: ParameterValues,
    weightDecay: number,
  ) {
    for (const spec of specs) {
      const values = initial.get(spec.name);
      const count = sizeOf(spec.shape);
      if (!values || values.length !== count)
        throw new Error(`trainer: initial values for ${spec.name} missing or of the wrong size`);
      const n = spec.shape[spec.shape.length - 1]!;
      let data: Float32Array;
      let rowStride = n;
      let updated: number;
      if (spec.isBias) {
        const scale = spec.outputScale === undefined ? undefined : new Float32Array(n).fill(spec.outputScale);
        data = packChannelParams(n, { bias: values, scale });
        updated = n;
      } else if (spec.shape.length === 2) {
        rowStride = roundUp4(n);
        data = new Float32Array(spec.shape[0]! * rowStride);
        for (let r = 0; r < spec.shape[0]!; r++) data.set(values.subarray(r * n, (r + 1) * n), r * rowStride);
        updated = data.length;
      } else {
        data = values;
        updated = data.length;
      }
      this.params.set(spec.name, {
        name: spec.name,
        shape: spec.shape,
        buffer: uploadBuffer(context, data, spec.name),
        rowStride,
        gradient: zeroBuffer(context, data.length, `${spec.name}.gradient`),
        velocity: zeroBuffer(context, data.length, `${spec.name}.velocity`),
        count: updated,
        weightDecay: spec.isBias ? 0 : weightDecay,
      });
    }
  }

  get(name: string): Parameter {
    const p = this.params.get(name);
    if (!p) throw new Error(`trainer: no parameter ${name}`);
    return p;
  }

  /** The dense layer `name` (`name/kernel`, `name/bias`) as the matmul kernel takes it, with no activation. */
  dense(name: string): MatmulWeights {
    const kernel = this.get(`${name}/kernel`);
    return {
      k: kernel.shape[0]!,
      n: kernel.shape[1]!,
      buffer: kernel.buffer,
      channelParams: this.get(`${name}/bias`).buffer,
      activationCode: 0,
    };
  }

  /**
   * The gradients of the dense layer `name` over a batch of `batch` rows: dW and db from `input` and
   * `dOutput` (the batch's view of dL/d output), and dL/d input into `dInput` when given.
   */
  denseBackward(
    name: string,
    batch: number,
    tensors: { input: GPUBuffer; dOutput: Tensor; dInput?: GPUBuffer },
  ): Dispatch[] {
    const kernel = this.get(`${name}/kernel`);
    const calls = denseBackward(
      this.context,
      { m: batch, k: kernel.shape[0]!, n: kernel.shape[1]!, wStride: kernel.rowStride },
      {
        input: tensors.input,
        weights: kernel.buffer,
        dOutput: tensors.dOutput.buffer,
        dWeights: kernel.gradient,
        dInput: tensors.dInput,
      },
      `${name}-backward`,
    );
    const bias = biasBackward(
      this.context,
      tensors.dOutput,
      this.get(`${name}/bias`).gradient,
      `${name}-bias-backward`,
    );
    return [...calls.map((call) => call.dispatch), bias.dispatch];
  }

  /** One momentum-SGD dispatch per parameter, reading the shared learning-rate buffer. */
  sgd(learningRate: GPUBuffer, momentum: number): Dispatch[] {
    return [...this.params.values()].map(
      (p) =>
        sgd(
          this.context,
          { parameter: p.buffer, gradient: p.gradient, velocity: p.velocity, count: p.count },
          learningRate,
          { momentum, weightDecay: p.weightDecay },
          `sgd ${p.name}`,
        ).dispatch,
    );
  }

  /** The current values in their manifest layouts (padding removed). */
  async read(): Promise<ParameterValues> {
    const values: ParameterValues = new Map();
    for (const p of this.params.values()) {
      const n = p.shape[p.shape.length - 1]!;
      const count = sizeOf(p.shape);
      if (p.rowStride === n) {
        values.set(p.name, await readFloats(this.context, p.buffer, count));
      } else {
        const rows = p.shape[0]!;
        const padded = await readFloats(this.context, p.buffer, rows * p.rowStride);
        const data = new Float32Array(count);
        for (let r = 0; r < rows; r++) data.set(padded.subarray(r * p.rowStride, r * p.rowStride + n), r * n);
        values.set(p.name, data);
      }
    }
    return values;
  }

  destroy(): void {
    for (const p of this.params.values()) [p.buffer, p.gradient, p.velocity].forEach((b) => b.destroy());
    this.params.clear();
  }
}

export function zeroBuffer(context: GpuContext, floats: number, label: string): GPUBuffer {
  return context.createBuffer({
    size: Math.max(16, roundUp4(floats) * 4),
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
    label,
  });
}

/** The first `floats` floats of `buffer` (a staging copy; waits for the GPU). */
export async function readFloats(context: GpuContext, buffer: GPUBuffer, floats: number): Promise<Float32Array> {
  const staging = context.createBuffer({
    size: roundUp4(floats) * 4,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    label: 'parameters.staging',
  });
  const encoder = context.device.createCommandEncoder({ label: 'parameters' });
  encoder.copyBufferToBuffer(buffer, 0, staging, 0, staging.size);
  context.device.queue.submit([encoder.finish()]);
  await staging.mapAsync(GPUMapMode.READ);
  const data = new Float32Array(staging.getMappedRange().slice(0, floats * 4));
  staging.unmap();
  staging.destroy();
  return data;
}
