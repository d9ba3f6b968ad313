import type { GpuContext } from '../gpu-context';
import { type Conv2dFilter, type Conv2dOptions } from '../kernels/conv2d';
import { type DepthwiseConv2dFilter, type DepthwiseConv2dOptions } from '../kernels/depthwise-conv2d';
import { type Dispatch, type KernelCall } from '../kernels/dispatch';
import { type AddOptions } from '../kernels/add';
import { type MatmulWeights } from '../kernels/matmul';
import { type PadAmounts } from '../kernels/pad';
import { type PoolOptions } from '../kernels/pool';
import { type Shape, type Tensor } from '../tensor';
export interface NetRun {
    readonly label: string;
    readonly input: Tensor;
    readonly outputs: readonly Tensor[];
    readonly dispatches: readonly Dispatch[];
    /** Activations owned by this run (destroyed with it; weights are shared and owned elsewhere). */
    readonly tensors: readonly Tensor[];
}
export declare class NetBuilder {
    readonly context: GpuContext;
    readonly label: string;
    readonly dispatches: Dispatch[];
    readonly tensors: Tensor[];
    constructor(context: GpuContext, label: string);
    tensor(shape: Shape, name: string): Tensor;
    record(call: KernelCall<Tensor>): Tensor;
    conv(x: Tensor, filter: Conv2dFilter, options: Conv2dOptions & {
        label: string;
    }): Tensor;
    depthwise(x: Tensor, filter: DepthwiseConv2dFilter, options: DepthwiseConv2dOptions & {
        label: string;
    }): Tensor;
    pool(x: Tensor, options: PoolOptions & {
        label: string;
    }): Tensor;
    pad(x: Tensor, amounts: PadAmounts, label: string): Tensor;
    add(a: Tensor, b: Tensor, options: AddOptions & {
        label: string;
    }): Tensor;
    globalMean(x: Tensor, label: string): Tensor;
    matmul(x: Tensor, weights: MatmulWeights, label: string): Tensor;
    finish(input: Tensor, outputs: Tensor[]): NetRun;
}
export declare function destroyRun(run: NetRun): void;
/** Frees uploaded filters (conv, depthwise or matmul weights with their per-channel parameters). */
export declare function destroyFilters(filters: readonly {
    readonly buffer: GPUBuffer;
    readonly channelParams: GPUBuffer;
}[]): void;
