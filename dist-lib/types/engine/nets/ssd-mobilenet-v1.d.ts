import type { GpuContext } from '../gpu-context';
import { type Conv2dFilter } from '../kernels/conv2d';
import { type DepthwiseConv2dFilter } from '../kernels/depthwise-conv2d';
import type { RelativeDetection } from './detection';
import { type NetRun } from './net-builder';
import { type WeightMap } from './weight-map';
export declare const SSD_INPUT_SIZE = 512;
export declare const SSD_ANCHOR_COUNT = 5118;
/** Box encoding values and class logits per anchor (background, face, and a third unused class). */
export declare const SSD_BOX_SIZE = 4;
export declare const SSD_CLASS_COUNT = 3;
export interface SsdWeights {
    /** MobilenetV1/Conv2d_0: 3x3/2, 3->32. */
    readonly conv0: Conv2dFilter;
    /** MobilenetV1/Conv2d_1..13: depthwise (batch norm folded into scale/shift) + pointwise. */
    readonly pairs: readonly {
        readonly depthwise: DepthwiseConv2dFilter;
        readonly pointwise: Conv2dFilter;
    }[];
    /** Prediction/Conv2d_0..7. */
    readonly extras: readonly Conv2dFilter[];
    /** Prediction/BoxPredictor_0..5, box (4A channels) and class (3A channels) filters side by side. */
    readonly heads: readonly SsdHead[];
    /** Output/extra_dim: 5118 anchors x [ymin,xmin,ymax,xmax] in [0,1]. */
    readonly anchors: Float32Array;
}
export interface SsdHead {
    readonly filter: Conv2dFilter;
    /** Anchors per cell: 3 for the first head, 6 for the others. */
    readonly anchors: number;
}
/** Uploads every filter once from the decoded weights, folding the depthwise batch norms into scale/shift. */
export declare function uploadSsdWeights(context: GpuContext, weights: WeightMap): SsdWeights;
export declare function destroySsdWeights(weights: SsdWeights): void;
/**
 * The SSD network for `batch` images: input [batch,512,512,3] (x/127.5 - 1), outputs
 * [0] box encodings [batch,5118,4] (dy,dx,dh,dw before the variances) and
 * [1] class logits [batch,5118,3], rows in face-api's concatenation order.
 */
export declare function buildSsdRun(context: GpuContext, weights: SsdWeights, batch?: number): NetRun;
export interface SsdDecodeOptions {
    /** Keep boxes scoring above this (face-api minConfidence, default 0.5). */
    minConfidence?: number;
    /** At most this many boxes (face-api maxResults, default 100). */
    maxResults?: number;
    /** NMS IoU threshold (face-api uses 0.5). */
    iouThreshold?: number;
}
/**
 * Decodes `count` anchors' box encodings to [ymin,xmin,ymax,xmax] (relative to the padded square),
 * in float32 step by step as face-api's tfjs ops do (outputLayer.ts decodeBoxesLayer).
 */
export declare function decodeSsdBoxes(boxEncodings: Float32Array, anchors: Float32Array, count?: number): Float32Array;
/** Face scores sigmoid(logit of class 1) for `count` anchors of [count,3] class logits. */
export declare function ssdScores(classLogits: Float32Array, count?: number): Float32Array;
/**
 * One image's detections from its raw outputs (face-api's locateFaces before the frame mapping):
 * boxes relative to the padded 512x512 square, clipped to [0,1], highest score first. Use
 * `toFrameDetection` (detection.ts) to map them to frame pixels.
 */
export declare function decodeSsd(boxEncodings: Float32Array, classLogits: Float32Array, anchors: Float32Array, options?: SsdDecodeOptions): RelativeDetection[];
/** The slice of a batched output [B,rows,width] that belongs to image `index`. */
export declare function batchSlice(data: Float32Array, index: number, rows: number, width: number): Float32Array;
