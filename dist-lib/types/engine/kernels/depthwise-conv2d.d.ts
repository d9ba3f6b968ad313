import type { GpuContext } from '../gpu-context';
import { type Shape, type Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
import { type EpilogueParams } from './epilogue';
import { type Padding } from './padding';
export interface DepthwiseConv2dFilter {
    kH: number;
    kW: number;
    channels: number;
    /** [kH,kW,C4*4], channels zero-padded to a multiple of 4. */
    buffer: GPUBuffer;
    channelParams: GPUBuffer;
    activationCode: number;
}
export interface DepthwiseConv2dFilterSource extends EpilogueParams {
    kH: number;
    kW: number;
    channels: number;
    /** TensorFlow's [kH,kW,C,1] (channel multiplier 1), i.e. [kH][kW][C]. */
    weights: Float32Array;
}
export declare function uploadDepthwiseConv2dFilter(context: GpuContext, source: DepthwiseConv2dFilterSource, label?: string): DepthwiseConv2dFilter;
export interface DepthwiseConv2dOptions {
    stride?: number | [number, number];
    padding: Padding;
    /** Added before the activation; same shape as the output. */
    residual?: Tensor;
    /** Read the input through ReLU (max(0,x)) without a separate pass. */
    reluInput?: boolean;
    /** Write here instead of a new tensor (buffer reuse across layers). */
    output?: Tensor;
    label?: string;
}
export declare function depthwiseConv2dOutputShape(input: Shape, filter: Pick<DepthwiseConv2dFilter, 'kH' | 'kW'>, options: Pick<DepthwiseConv2dOptions, 'stride' | 'padding'>): readonly [number, number, number, number];
export declare const DEPTHWISE_CONV2D_UNIFORMS: import("./uniforms").UniformLayout<{
    readonly inH: "u32";
    readonly inW: "u32";
    readonly channels: "u32";
    readonly channels4: "u32";
    readonly outH: "u32";
    readonly outW: "u32";
    readonly threads: "u32";
    readonly kH: "u32";
    readonly kW: "u32";
    readonly strideH: "u32";
    readonly strideW: "u32";
    readonly padTop: "i32";
    readonly padLeft: "i32";
    readonly activation: "u32";
    readonly xGroups: "u32";
    readonly tilePixels: "u32";
}>;
export declare function depthwiseConv2d(context: GpuContext, input: Tensor, filter: DepthwiseConv2dFilter, options: DepthwiseConv2dOptions): KernelCall<Tensor>;
