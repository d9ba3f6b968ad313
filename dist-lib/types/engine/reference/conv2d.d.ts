import type { Conv2dFilterSource } from '../kernels/conv2d';
import { type Padding } from '../kernels/padding';
import type { Shape } from '../tensor';
export declare function conv2dReference(input: Float32Array, shape: Shape, filter: Conv2dFilterSource, options: {
    stride?: number;
    padding: Padding;
    residual?: Float32Array;
}): {
    data: Float32Array;
    shape: number[];
};
