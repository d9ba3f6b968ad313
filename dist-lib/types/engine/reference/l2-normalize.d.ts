export declare const L2_EPSILON = 1e-12;
export declare function l2Normalize64(x: ArrayLike<number>, cols: number): Float64Array;
