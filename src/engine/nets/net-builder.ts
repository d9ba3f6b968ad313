// Records a network as a fixed list of dispatches over preallocated tensors. A network is built once
// per batch size; running it is one compute pass over `dispatches`.
import type { GpuContext } from '../gpu-context';
import { conv2d, type Conv2dFilter, type Conv2dOptions } from '../kernels/conv2d';
import { depthwiseConv2d, type DepthwiseConv2dFilter, type DepthwiseConv2dOptions } from '../kernels/depthwise-conv2d';
import { destroyDispatch, type Dispatch, type KernelCall } from '../kernels/dispatch';
import { add, type AddOptions } from '../kernels/add';
import { globalMean } from '../kernels/global-mean';
import { matmul, type MatmulWeights } from '../kernels/matmul';
import { pad, type PadAmounts } from '../kernels/pad';
import { pool, type PoolOptions } from '../kernels/pool';
import { createTensor, type Shape, type Tensor } from '../tensor';

export interface NetRun {
  readonly label: string;
  readonly input: Tensor;
  readonly outputs: readonly Tensor[];
  readonly dispatches: readonly Dispatch[];
  /** Activations owned by this run (destroyed with it; weights are shared and owned elsewhere). */
  readonly tensors: readonly Tensor[];
}

export class NetBuilder {
  readonly dispatches: Dispatch[] = [];
  readonly tensors: Tensor[] = [];

  constructor(
    readonly context: GpuContext,
    readonly label: string,
  ) {}

  tensor(shape: Shape, name: string): Tensor {
    const tensor = createTensor(this.context, shape, `${this.label}/${name}`);
    this.tensors.push(tensor);
    return tensor;
  }

  record(call: KernelCall<Tensor>): Tensor {
    this.dispatches.push(call.dispatch);
    if (!this.tensors.includes(call.output)) this.tensors.push(call.output);
    return call.output;
  }

  conv(x: Tensor, filter: Conv2dFilter, options: Conv2dOptions & { label: string }): Tensor {
    return this.record(conv2d(this.context, x, filter, { ...options, label: `${this.label}/${options.label}` }));
  }

  depthwise(x: Tensor, filter: DepthwiseConv2dFilter, options: DepthwiseConv2dOptions & { label: string }): Tensor {
    return this.record(
      depthwiseConv2d(this.context, x, filter, { ...options, label: `${this.label}/${options.label}` }),
    );
  }

  pool(x: Tensor, options: PoolOptions & { label: string }): Tensor {
    return this.record(pool(this.context, x, { ...options, label: `${this.label}/${options.label}` }));
  }

  pad(x: Tensor, amounts: PadAmounts, label: string): Tensor {
    return this.record(pad(this.context, x, { ...amounts, label: `${this.label}/${label}` }));
  }

  add(a: Tensor, b: Tensor, options: AddOptions & { label: string }): Tensor {
    return this.record(add(this.context, a, b, { ...options, label: `${this.label}/${options.label}` }));
  }

  globalMean(x: Tensor, label: string): Tensor {
    return this.record(globalMean(this.context, x, { label: `${this.label}/${label}` }));
  }

  matmul(x: Tensor, weights: MatmulWeights, label: string): Tensor {
    return this.record(matmul(this.context, x, weights, { label: `${this.label}/${label}` }));
  }

  finish(input: Tensor, outputs: Tensor[]): NetRun {
    return { label: this.label, input, outputs, dispatches: this.dispatches, tensors: this.tensors };
  }
}

export function destroyRun(run: NetRun): void {
  for (const tensor of run.tensors) tensor.buffer.destroy();
  for (const dispatch of run.dispatches) destroyDispatch(dispatch);
}

/** Frees uploaded filters (conv, depthwise or matmul weights with their per-channel parameters). */
export function destroyFilters(
  filters: readonly { readonly buffer: GPUBuffer; readonly channelParams: GPUBuffer }[],
): void {
  for (const filter of filters) {
    filter.buffer.destroy();
    filter.channelParams.destroy();
  }
}
