import type { Shape } from '../tensor';
export declare function globalMeanReference(input: Float32Array, shape: Shape): {
    data: Float32Array;
    shape: number[];
};
