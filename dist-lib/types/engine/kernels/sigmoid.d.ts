import type { GpuContext } from '../gpu-context';
import { type Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
export interface SigmoidOptions {
    /** Write here instead of a new tensor (buffer reuse across layers); must not be the input. */
    output?: Tensor;
    label?: string;
}
export declare function sigmoid(context: GpuContext, input: Tensor, options?: SigmoidOptions): KernelCall<Tensor>;
