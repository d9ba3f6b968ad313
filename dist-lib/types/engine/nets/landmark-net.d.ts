import type { GpuContext } from '../gpu-context';
import { type Conv2dFilter } from '../kernels/conv2d';
import { type DepthwiseConv2dFilter } from '../kernels/depthwise-conv2d';
import { type MatmulWeights } from '../kernels/matmul';
import { type NetRun } from './net-builder';
import { type WeightMap } from './weight-map';
export declare const LANDMARK_INPUT_SIZE = 112;
export declare const LANDMARK_MEAN_RGB: readonly [122.782, 117.001, 104.298];
export declare const LANDMARK_COUNT = 68;
/** A depthwise 3×3 followed by a pointwise 1×1 with bias (TF separableConv2d + bias). */
interface SeparableConv {
    depthwise: DepthwiseConv2dFilter;
    /** Pointwise conv with bias and ReLU; ReLU is switched off where the block sums first. */
    pointwise: Conv2dFilter;
}
interface DenseBlock {
    name: string;
    /** Block 0 opens with a plain 3×3 conv; the others with a separable conv. */
    first: Conv2dFilter | SeparableConv;
    rest: [SeparableConv, SeparableConv, SeparableConv];
}
export interface LandmarkWeights {
    blocks: DenseBlock[];
    fc: MatmulWeights;
}
export declare function uploadLandmarkWeights(context: GpuContext, weights: WeightMap): LandmarkWeights;
export declare function destroyLandmarkWeights(weights: LandmarkWeights): void;
/**
 * Records the network for `batch` crops. Input [batch,112,112,3], already (RGB - mean) / 255.
 * Output [batch,136]: x0,y0,x1,y1,... in [0,1] of the crop.
 */
export declare function buildLandmarkRun(context: GpuContext, weights: LandmarkWeights, batch: number): NetRun;
export {};
