export declare function softmaxReference(input: Float32Array, cols: number): Float32Array;
