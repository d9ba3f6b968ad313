import type { GpuContext } from '../gpu-context';
import { type Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
export interface L2NormalizeOptions {
    /** Write here instead of a new tensor (buffer reuse across layers); must not be the input. */
    output?: Tensor;
    label?: string;
}
/** x / sqrt(max(sum x^2, 1e-12)) per row of `input` seen as [rows, last axis]; output has the input's shape. */
export declare function l2Normalize(context: GpuContext, input: Tensor, options?: L2NormalizeOptions): KernelCall<Tensor>;
