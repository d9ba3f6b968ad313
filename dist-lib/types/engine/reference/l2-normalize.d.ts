export declare const L2_EPSILON = 1e-12;
export declare function l2NormalizeReference(input: Float32Array, cols: number): Float32Array;
