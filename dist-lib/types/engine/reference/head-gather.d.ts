import type { HeadGatherOptions } from '../kernels/head-gather';
import type { Shape } from '../tensor';
export declare function headGatherReference(input: Float32Array, shape: Shape, output: Float32Array, rows: number, options: Omit<HeadGatherOptions, 'label'>): void;
