export declare function sigmoidReference(input: Float32Array): Float32Array;
