import type { MatmulWeightsSource } from '../kernels/matmul';
/** `input` holds M rows of `weights.k` features (any tensor, flattened); the result is [M,N]. */
export declare function matmulReference(input: Float32Array, weights: MatmulWeightsSource): {
    data: Float32Array;
    shape: number[];
};
