import type { GpuContext } from '../gpu-context';
import { type Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
import { type EpilogueParams } from './epilogue';
export interface MatmulWeights {
    /** Input features (rows of the weight matrix). */
    k: number;
    /** Output features. */
    n: number;
    /** [K, N] row-major, N padded to a multiple of 4. */
    buffer: GPUBuffer;
    channelParams: GPUBuffer;
    activationCode: number;
}
export interface MatmulWeightsSource extends EpilogueParams {
    k: number;
    n: number;
    /** [K, N] row-major, the layout of TensorFlow's MatMul / Dense kernels. */
    weights: Float32Array;
}
export declare function uploadMatmulWeights(context: GpuContext, source: MatmulWeightsSource, label?: string): MatmulWeights;
export interface MatmulOptions {
    /** Write here instead of a new [M,N] tensor (buffer reuse across layers); any shape of M·N elements. */
    output?: Tensor;
    /** Added before the activation; M·N elements laid out like the output. */
    residual?: Tensor;
    /** Kernel, workgroup shape and K split (tests); otherwise chosen for the adapter and the shape. */
    config?: MatmulConfig | SubgroupKernel;
    label?: string;
}
export interface MatmulConfig {
    wgX: number;
    wgY: number;
    kSplit: number;
}
/**
 * On a CPU adapter without the subgroup kernel (see SubgroupKernel) every product runs in one shape.
 * Splitting K to occupy more of a GPU buys nothing on a few CPU cores, and each further shape is another
 * pipeline that lavapipe compiles at its first dispatch (0.6-1.6 s apiece when measured): a first
 * visit's first result took 13.6 s with the GPU shapes.
 */
export declare const CPU_MATMUL_CONFIG: MatmulConfig;
/**
 * The subgroup kernels (matmul-subgroup.wgsl, conv2d-subgroup.wgsl) with `subgroupLanes` lanes a
 * subgroup: lanes share the input rows or pixels they gather through subgroup shuffles. On a CPU adapter
 * (lavapipe: 8 lanes; SwiftShader: 4) that replaces most per-lane gathers: 2.3-2.8x faster matmul and
 * 1.2-4x faster conv2d on lavapipe. GPUs keep the tiled kernels, written for them: their subgroups are
 * 32-64 wide and of varying width, and the subgroup kernels have only been measured on CPU adapters.
 */
export interface SubgroupKernel {
    subgroupLanes: 4 | 8;
}
/** The subgroup kernels' choice for this adapter: a CPU adapter whose subgroups are a fixed 4 or 8 lanes. */
export declare function subgroupKernelFor(context: GpuContext): SubgroupKernel | undefined;
/**
 * Throws unless this device can run a subgroup kernel of `lanes` lanes: the `subgroups` feature, and
 * subgroups at least that wide, so that a workgroup of `lanes` invocations lies in one subgroup.
 */
export declare function checkSubgroupKernel(context: GpuContext, kernel: SubgroupKernel, label: string): void;
/** The kernel and shape for this adapter: see subgroupKernelFor and tiledMatmulConfig. */
export declare function chooseMatmul(context: GpuContext, m: number, k: number, n: number): MatmulConfig | SubgroupKernel;
/** matmul.wgsl's shape for this adapter: CPU_MATMUL_CONFIG on a CPU, matmulConfig on a GPU. */
export declare function tiledMatmulConfig(context: GpuContext, m: number, k: number, n: number): MatmulConfig;
/** Workgroup shape for [M,K]x[K,N]: 64 tile threads, wide when M is small; K split when tiles are few. */
export declare function matmulConfig(m: number, k: number, n: number, kSplit?: number): MatmulConfig;
/**
 * Fully connected layer: `input` flattened to [M,K] (K = weights.k; e.g. [B,1,1,256] is [B,256]) times
 * the weights, with the fused epilogue. Output shape [M,N].
 */
/** matmul.wgsl and matmul-subgroup.wgsl share this struct. */
export declare const MATMUL_UNIFORMS: import("./uniforms").UniformLayout<{
    readonly m: "u32";
    readonly k: "u32";
    readonly n: "u32";
    readonly n4: "u32";
    readonly activation: "u32";
    readonly tileRows: "u32";
    readonly _pad1: "u32";
    readonly _pad2: "u32";
}>;
export declare function matmul(context: GpuContext, input: Tensor, weights: Pick<MatmulWeights, 'k' | 'n' | 'buffer' | 'channelParams' | 'activationCode'>, options?: MatmulOptions): KernelCall<Tensor>;
