import type { GpuContext } from './gpu-context';
import { type Tensor } from './tensor';
export declare class Readback {
    private readonly tensor;
    private readonly staging;
    private readonly bytes;
    constructor(context: GpuContext, tensor: Tensor, label: string);
    /** Records the copy; call before `encoder.finish()`. */
    record(encoder: GPUCommandEncoder): void;
    /** After the submit: waits for the GPU and returns a copy of the values. */
    read(): Promise<Float32Array>;
    destroy(): void;
}
