import type { GpuContext } from '../gpu-context';
export interface Dispatch {
    readonly label: string;
    readonly pipeline: GPUComputePipeline;
    readonly bindGroup: GPUBindGroup;
    readonly workgroups: readonly [number, number, number];
    /** Uniform buffers made for this dispatch alone; destroyed with it (destroyDispatch). */
    readonly owned?: readonly GPUBuffer[];
}
/** Frees what a dispatch owns (its uniforms); the pipeline is the context's, the tensors the run's. */
export declare function destroyDispatch(dispatch: Dispatch): void;
/** A kernel's result: where its output lives and the dispatch that fills it. */
export interface KernelCall<TOutput> {
    readonly output: TOutput;
    readonly dispatch: Dispatch;
}
export declare function bindGroup(context: GpuContext, pipeline: GPUComputePipeline, resources: readonly GPUBindingResource[], label: string): GPUBindGroup;
export declare function buffers(...list: GPUBuffer[]): GPUBindingResource[];
/** A kernel call: `pipeline` with `bound` as bindings 0..n-1 (in order), over `workgroups`. */
export declare function kernelCall<TOutput>(context: GpuContext, label: string, pipeline: GPUComputePipeline, bound: readonly GPUBuffer[], workgroups: readonly [number, number, number], output: TOutput): KernelCall<TOutput>;
/** Workgroup counts for `total` threads in groups of `size`, checked against the device limit. */
export declare function groupsFor(context: GpuContext, total: number, size: number): number;
/** Records dispatches into one compute pass. Storage-buffer hazards between them are handled by WebGPU. */
export declare function encodeDispatches(encoder: GPUCommandEncoder, dispatches: readonly Dispatch[], label?: string): void;
/** Submits dispatches in one command buffer (tests and one-off work). */
export declare function submit(context: GpuContext, dispatches: readonly Dispatch[], label?: string): void;
/** Bound in place of an absent optional input (never read: the override switches it off). */
export declare function placeholderBuffer(context: GpuContext): GPUBuffer;
