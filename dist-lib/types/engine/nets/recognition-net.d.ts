import type { GpuContext } from '../gpu-context';
import { type Conv2dFilter } from '../kernels/conv2d';
import { type MatmulWeights } from '../kernels/matmul';
import { type NetRun } from './net-builder';
import { type WeightMap } from './weight-map';
export declare const RECOGNITION_INPUT_SIZE = 150;
export declare const RECOGNITION_VECTOR_LENGTH = 128;
/** Per-channel mean subtracted before dividing by 255 (face-api's normalisation). */
export declare const RECOGNITION_MEAN_RGB: readonly [122.782, 117.001, 104.298];
export interface RecognitionWeights {
    stem: Conv2dFilter;
    blocks: {
        name: string;
        channels: number;
        down: boolean;
        conv1: Conv2dFilter;
        conv2: Conv2dFilter;
    }[];
    fc: MatmulWeights;
}
export declare function uploadRecognitionWeights(context: GpuContext, weights: WeightMap): RecognitionWeights;
export declare function destroyRecognitionWeights(weights: RecognitionWeights): void;
/**
 * Records the network for `batch` faces. Input: [batch,150,150,3], already (RGB - mean) / 255.
 * Output: [batch,128].
 */
export declare function buildRecognitionRun(context: GpuContext, weights: RecognitionWeights, batch: number): NetRun;
