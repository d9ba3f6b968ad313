import type { GpuContext } from '../gpu-context';
import { type Conv2dFilter } from '../kernels/conv2d';
import { type DepthwiseConv2dFilter } from '../kernels/depthwise-conv2d';
import type { RelativeDetection } from './detection';
import { type NetRun } from './net-builder';
import { type WeightMap } from './weight-map';
export declare const TINY_DEFAULT_INPUT_SIZE = 416;
/** face-api tinyFaceDetector/const.ts BOX_ANCHORS, in grid cells: [width, height] per anchor. */
export declare const TINY_ANCHORS: readonly (readonly [number, number])[];
export declare const TINY_IOU_THRESHOLD = 0.4;
export interface TinyFaceDetectorWeights {
    /** conv0: 3x3 VALID 3->16 + bias, leaky. */
    readonly conv0: Conv2dFilter;
    /** conv1..5: depthwise (no epilogue) then pointwise + bias, leaky. */
    readonly separable: readonly {
        readonly depthwise: DepthwiseConv2dFilter;
        readonly pointwise: Conv2dFilter;
    }[];
    /** conv8: 1x1 512 -> 25 + bias. */
    readonly conv8: Conv2dFilter;
}
export declare function uploadTinyFaceDetectorWeights(context: GpuContext, weights: WeightMap): TinyFaceDetectorWeights;
export declare function destroyTinyFaceDetectorWeights(weights: TinyFaceDetectorWeights): void;
/**
 * The tiny face detector for `batch` images of S x S (S % 32 == 0): input [batch,S,S,3],
 * output [0] [batch,S/32,S/32,25] raw (5 anchors x tx,ty,tw,th,confidence per cell).
 */
export declare function buildTinyFaceDetectorRun(context: GpuContext, weights: TinyFaceDetectorWeights, inputSize?: number, batch?: number): NetRun;
export interface TinyDecodeOptions {
    /** Keep boxes scoring above this (face-api scoreThreshold, default 0.5). */
    scoreThreshold?: number;
    /** NMS IoU threshold (default 0.4, face-api's). */
    iouThreshold?: number;
}
/**
 * One image's detections from the raw [cells,cells,25] output of an S x S input: boxes relative to
 * the padded square (not clipped, as face-api does not clip them), highest score first. Use
 * `toFrameDetection` (detection.ts) to map them to frame pixels.
 */
export declare function decodeTinyFaceDetector(output: Float32Array, inputSize: number, options?: TinyDecodeOptions): RelativeDetection[];
