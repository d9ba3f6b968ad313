import type { GpuContext } from '../gpu-context';
import { type Shape, type Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
export type PoolKind = 'max' | 'average';
export interface PoolOptions {
    kind: PoolKind;
    /** Window size: k, or [kH, kW]. */
    window: number | [number, number];
    /** Defaults to 1. */
    stride?: number | [number, number];
    /**
     * TF semantics: positions outside the input are ignored by max and left out of the average's count.
     * Explicit padding is not offered: no model pools with it, and TF has no such pooling.
     */
    padding: 'same' | 'valid';
    /** Write here instead of a new tensor (buffer reuse across layers). */
    output?: Tensor;
    label?: string;
}
export declare function poolOutputShape(input: Shape, options: Pick<PoolOptions, 'window' | 'stride' | 'padding'>): readonly [number, number, number, number];
export declare const POOL_UNIFORMS: import("./uniforms").UniformLayout<{
    readonly inH: "u32";
    readonly inW: "u32";
    readonly channels: "u32";
    readonly outH: "u32";
    readonly outW: "u32";
    readonly threads: "u32";
    readonly kH: "u32";
    readonly kW: "u32";
    readonly strideH: "u32";
    readonly strideW: "u32";
    readonly padTop: "i32";
    readonly padLeft: "i32";
}>;
export declare function pool(context: GpuContext, input: Tensor, options: PoolOptions): KernelCall<Tensor>;
