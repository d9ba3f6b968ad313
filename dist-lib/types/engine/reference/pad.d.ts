import { type PadAmounts } from '../kernels/pad';
import type { Shape } from '../tensor';
export declare function padReference(input: Float32Array, shape: Shape, pad: PadAmounts): {
    data: Float32Array;
    shape: number[];
};
