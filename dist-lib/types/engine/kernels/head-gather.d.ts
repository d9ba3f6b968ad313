import type { GpuContext } from '../gpu-context';
import type { Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
export interface HeadGatherOptions {
    /** Anchors per cell. */
    anchors: number;
    /** Values per anchor row (4 for box encodings, 3 for class logits). */
    width: number;
    /** First input channel of anchor 0; anchor a reads channels channelOffset + a*width + [0,width). */
    channelOffset: number;
    /** First output row this head fills. */
    rowOffset: number;
    label?: string;
}
export declare const HEAD_GATHER_UNIFORMS: import("./uniforms").UniformLayout<{
    readonly threads: "u32";
    readonly cells: "u32";
    readonly anchors: "u32";
    readonly width: "u32";
    readonly inC: "u32";
    readonly channelOffset: "u32";
    readonly rowOffset: "u32";
    readonly rows: "u32";
}>;
export declare function headGather(context: GpuContext, input: Tensor, output: Tensor, options: HeadGatherOptions): KernelCall<Tensor>;
