import type { GpuContext } from '../gpu-context';
import { type Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
export interface SigmoidOptions {
    /** Write here instead of a new tensor (buffer reuse across layers); must not be the input. */
    output?: Tensor;
    label?: string;
}
export declare const SIGMOID_UNIFORMS: import("./uniforms").UniformLayout<{
    readonly count4: "u32";
    readonly _pad0: "u32";
    readonly _pad1: "u32";
    readonly _pad2: "u32";
}>;
export declare function sigmoid(context: GpuContext, input: Tensor, options?: SigmoidOptions): KernelCall<Tensor>;
