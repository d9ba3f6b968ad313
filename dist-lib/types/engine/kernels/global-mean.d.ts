import type { GpuContext } from '../gpu-context';
import { type Shape, type Tensor } from '../tensor';
import { type KernelCall } from './dispatch';
export interface GlobalMeanOptions {
    /** Write here instead of a new tensor (buffer reuse across layers). */
    output?: Tensor;
    label?: string;
}
export declare const globalMeanOutputShape: (input: Shape) => readonly [number, 1, 1, number];
export declare function globalMean(context: GpuContext, input: Tensor, options?: GlobalMeanOptions): KernelCall<Tensor>;
