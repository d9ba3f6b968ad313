import type { GpuContext } from '../gpu-context';
import { type Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
export interface SoftmaxOptions {
    /** Write here instead of a new tensor (buffer reuse across layers); must not be the input. */
    output?: Tensor;
    label?: string;
}
/** Softmax of each row of `input` seen as [rows, last axis]; the output has the input's shape. */
export declare function softmax(context: GpuContext, input: Tensor, options?: SoftmaxOptions): KernelCall<Tensor>;
