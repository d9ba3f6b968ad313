import type { GpuContext } from '../gpu-context';
import { type Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
import { type Activation } from './epilogue';
/** The activations an elementwise op can fuse: PReLU needs per-channel slopes and is left to the convolutions. */
export type ElementwiseActivation = Exclude<Activation, {
    kind: 'prelu';
}>;
export interface AddOptions {
    activation?: ElementwiseActivation;
    /** Write here instead of a new tensor (buffer reuse across layers); must not be `a` or `b`. */
    output?: Tensor;
    label?: string;
}
/** a + b for tensors with the same number of elements; the output takes `a`'s shape. */
export declare const ADD_UNIFORMS: import("./uniforms").UniformLayout<{
    readonly count4: "u32";
    readonly alpha: "f32";
    readonly activation: "u32";
    readonly _pad0: "u32";
}>;
export declare function add(context: GpuContext, a: Tensor, b: Tensor, options?: AddOptions): KernelCall<Tensor>;
