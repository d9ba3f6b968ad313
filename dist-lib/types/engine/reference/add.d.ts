import type { ElementwiseActivation } from '../kernels/add';
export declare function addReference(a: Float32Array, b: Float32Array, activation?: ElementwiseActivation): Float32Array;
