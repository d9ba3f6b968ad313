import type { DepthwiseConv2dFilterSource } from '../kernels/depthwise-conv2d';
import { type Padding } from '../kernels/padding';
import type { Shape } from '../tensor';
export declare function depthwiseConv2dReference(input: Float32Array, shape: Shape, filter: DepthwiseConv2dFilterSource, options: {
    stride?: number | [number, number];
    padding: Padding;
    residual?: Float32Array;
    reluInput?: boolean;
}): {
    data: Float32Array;
    shape: number[];
};
