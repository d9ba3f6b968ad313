import type { GpuContext } from '../gpu-context';
import { type Shape, type Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
/** How much zero padding to add on each side; every field defaults to 0. */
export interface PadAmounts {
    top?: number;
    bottom?: number;
    left?: number;
    right?: number;
    /** Zero channels appended after the last one (the ResNet shortcut's channel padding). */
    channels?: number;
}
export interface PadOptions extends PadAmounts {
    /** Write here instead of a new tensor (buffer reuse across layers). */
    output?: Tensor;
    label?: string;
}
export declare function padOutputShape(input: Shape, pad: PadAmounts): readonly [number, number, number, number];
export declare const PAD_UNIFORMS: import("./uniforms").UniformLayout<{
    readonly inH: "u32";
    readonly inW: "u32";
    readonly inC: "u32";
    readonly outH: "u32";
    readonly outW: "u32";
    readonly outC: "u32";
    readonly threads: "u32";
    readonly padTop: "u32";
    readonly padLeft: "u32";
    readonly _pad0: "u32";
    readonly _pad1: "u32";
    readonly _pad2: "u32";
}>;
export declare function pad(context: GpuContext, input: Tensor, options: PadOptions): KernelCall<Tensor>;
