import type { GpuContext } from '../gpu-context';
import { type Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
import { type SubgroupKernel } from './matmul';
import { type EpilogueParams } from './epilogue';
import { type Padding } from './padding';
export interface Conv2dFilter {
    kH: number;
    kW: number;
    inC: number;
    outC: number;
    /** HWIO, Cout padded to a multiple of 4. */
    buffer: GPUBuffer;
    channelParams: GPUBuffer;
    activationCode: number;
}
export interface Conv2dFilterSource extends EpilogueParams {
    kH: number;
    kW: number;
    inC: number;
    outC: number;
    /** HWIO [kH,kW,Cin,Cout], the TensorFlow layout the model files use. */
    weights: Float32Array;
}
export declare function uploadConv2dFilter(context: GpuContext, source: Conv2dFilterSource, label?: string): Conv2dFilter;
export interface Conv2dOptions {
    stride?: number | [number, number];
    padding: Padding;
    /** Added before the activation; same shape as the output. */
    residual?: Tensor;
    /** Write here instead of a new tensor (buffer reuse across layers). */
    output?: Tensor;
    /**
     * 'tiled' (conv2d.wgsl; 1×1 products: matmul.wgsl) or a subgroup kernel (conv2d-subgroup.wgsl /
     * matmul-subgroup.wgsl); by default the adapter's choice (subgroupKernelFor in matmul.ts).
     */
    kernel?: 'tiled' | SubgroupKernel;
    label?: string;
}
export declare function conv2dOutputShape(input: Tensor['shape'], filter: Pick<Conv2dFilter, 'kH' | 'kW' | 'outC'>, options: Pick<Conv2dOptions, 'stride' | 'padding'>): readonly [number, number, number, number];
/** conv2d.wgsl and conv2d-subgroup.wgsl share this struct. */
export declare const CONV2D_UNIFORMS: import("./uniforms").UniformLayout<{
    readonly inH: "u32";
    readonly inW: "u32";
    readonly inC: "u32";
    readonly outH: "u32";
    readonly outW: "u32";
    readonly outC: "u32";
    readonly outC4: "u32";
    readonly pixels: "u32";
    readonly kH: "u32";
    readonly kW: "u32";
    readonly strideH: "u32";
    readonly strideW: "u32";
    readonly padTop: "i32";
    readonly padLeft: "i32";
    readonly activation: "u32";
    readonly tilePixels: "u32";
}>;
export declare function conv2d(context: GpuContext, input: Tensor, filter: Conv2dFilter, options: Conv2dOptions): KernelCall<Tensor>;
/**
 * Whether conv2d runs this convolution as a matrix product (matmul.wgsl): a 1×1 filter, stride 1 and no
 * padding, where NHWC input rows are the matrix rows and the HWIO filter is the [Cin, Cout] matrix. No
 * window arithmetic is left in its inner loop, and it reads four input channels at a time.
 */
export declare function runsAsMatmul(inputShape: Tensor['shape'], filter: Pick<Conv2dFilter, 'kH' | 'kW'>, options: Pick<Conv2dOptions, 'stride' | 'padding'>): boolean;
