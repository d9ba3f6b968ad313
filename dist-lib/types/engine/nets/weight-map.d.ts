import type { WeightMap } from '../weights/manifest';
export type { WeightMap } from '../weights/manifest';
/** The float32 values of `name`, checked against `shape` (a model file that does not match is corrupt). */
export declare function weightOf(weights: WeightMap, model: string, name: string, shape: readonly number[]): Float32Array;
