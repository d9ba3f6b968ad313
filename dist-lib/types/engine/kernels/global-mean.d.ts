import type { GpuContext } from '../gpu-context';
import { type Shape, type Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
export interface GlobalMeanOptions {
    /** Write here instead of a new tensor (buffer reuse across layers). */
    output?: Tensor;
    label?: string;
}
export declare const globalMeanOutputShape: (input: Shape) => readonly [number, 1, 1, number];
export declare const GLOBAL_MEAN_UNIFORMS: import("./uniforms").UniformLayout<{
    readonly pixels: "u32";
    readonly channels: "u32";
    readonly _pad0: "u32";
    readonly _pad1: "u32";
}>;
export declare function globalMean(context: GpuContext, input: Tensor, options?: GlobalMeanOptions): KernelCall<Tensor>;
