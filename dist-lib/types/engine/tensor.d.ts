import type { GpuContext } from './gpu-context';
export type Shape = readonly number[];
export interface Tensor {
    readonly buffer: GPUBuffer;
    readonly shape: Shape;
}
export declare const sizeOf: (shape: Shape) => number;
export declare function createTensor(context: GpuContext, shape: Shape, label?: string): Tensor;
export declare function uploadTensor(context: GpuContext, shape: Shape, data: Float32Array, label?: string): Tensor;
/** A read-only storage buffer holding `data` (weights, per-channel parameters). */
export declare function uploadBuffer(context: GpuContext, data: Float32Array | Uint32Array, label: string): GPUBuffer;
/** Copies a tensor back to the CPU (one staging buffer, one map). For tests and final results. */
export declare function readTensor(context: GpuContext, tensor: Tensor): Promise<Float32Array>;
export declare function destroyTensor(tensor: Tensor): void;
