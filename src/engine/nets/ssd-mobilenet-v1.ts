// SSD MobileNetV1 face detector (face-api's ssd_mobilenetv1) on our kernels, and its CPU-side decode.
//
// Network (face-api ssdMobilenetv1/mobileNetV1.ts, predictionLayer.ts), input [B,512,512,3] already
// normalised to x/127.5 - 1:
//   conv 3x3/2 SAME 3->32 + bn_offset, relu6                                   256x256x32
//   13 x [dw 3x3 SAME (stride 2 at pairs 2,4,6,12) + batch norm, relu6;
//         pw 1x1 + bn_offset, relu6]                       pair 11 -> conv11 32x32x512, pair 13 -> 16x16x1024
//   extra layers, all conv + bn_offset, relu6: 1x1 ->256, 3x3/2 ->512 (8x8), 1x1 ->128, 3x3/2 ->256 (4x4),
//         1x1 ->128, 3x3/2 ->256 (2x2), 1x1 ->64, 3x3/2 ->128 (1x1)
//   box predictors (1x1 conv + bias) on conv11 (3 anchors per cell), conv13, extra 1, 3, 5, 7 (6 each);
//   each head reshaped to [B,-1,4] / [B,-1,3] and concatenated in that order: 5118 anchors.
// Here each level's box and class predictors run as one conv (filters concatenated along Cout) and a
// gather kernel writes the two concatenated outputs.
//
// Decode (face-api ssdMobilenetv1/outputLayer.ts, nonMaxSuppression.ts, SsdMobilenetv1.locateFaces):
// anchors [ymin,xmin,ymax,xmax] from `Output/extra_dim`, variances 10,10,5,5; score = sigmoid(class
// logit 1); NMS (IoU 0.5) over the unclipped boxes; kept boxes clipped to [0,1] of the padded square.
import type { GpuContext } from '../gpu-context';
import { conv2dOutputShape, uploadConv2dFilter, type Conv2dFilter } from '../kernels/conv2d';
import {
  depthwiseConv2dOutputShape,
  uploadDepthwiseConv2dFilter,
  type DepthwiseConv2dFilter,
} from '../kernels/depthwise-conv2d';
import { headGather } from '../kernels/head-gather';
import { sizeOf, type Tensor } from '../tensor';
import { ActivationSlots } from './activation-slots';
import type { RelativeDetection } from './detection';
import { destroyFilters, NetBuilder, type NetRun } from './net-builder';
import { nonMaxSuppressionSsd } from './non-max-suppression';
import { weightOf, type WeightMap } from './weight-map';

export const SSD_INPUT_SIZE = 512;
export const SSD_ANCHOR_COUNT = 5118;
/** Box encoding values and class logits per anchor (background, face, and a third unused class). */
export const SSD_BOX_SIZE = 4;
export const SSD_CLASS_COUNT = 3;
/** face-api's batch-norm epsilon for the depthwise layers (the float32 value of 1e-3). */
const BATCH_NORM_EPSILON = 0.0010000000474974513;
/** Pairs whose depthwise conv has stride 2. */
const STRIDE_2_PAIRS = new Set([2, 4, 6, 12]);
/** Names the model in weight errors. */
const MODEL = 'ssd_mobilenetv1_model';

const RELU6 = { kind: 'relu6' } as const;

export interface SsdWeights {
  /** MobilenetV1/Conv2d_0: 3x3/2, 3->32. */
  readonly conv0: Conv2dFilter;
  /** MobilenetV1/Conv2d_1..13: depthwise (batch norm folded into scale/shift) + pointwise. */
  readonly pairs: readonly { readonly depthwise: DepthwiseConv2dFilter; readonly pointwise: Conv2dFilter }[];
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

const mobilenetChannels = [32, 64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024];
/** Prediction/Conv2d_M: [kernel, in, out, stride]. */
const extraLayers: [number, number, number, number][] = [
  [1, 1024, 256, 1],
  [3, 256, 512, 2],
  [1, 512, 128, 1],
  [3, 128, 256, 2],
  [1, 256, 128, 1],
  [3, 128, 256, 2],
  [1, 256, 64, 1],
  [3, 64, 128, 2],
];
/** Box predictor P: input channels and anchors per cell. */
const headLayers: [number, number][] = [
  [512, 3],
  [1024, 6],
  [512, 6],
  [256, 6],
  [256, 6],
  [128, 6],
];

/** Uploads every filter once from the decoded weights, folding the depthwise batch norms into scale/shift. */
export function uploadSsdWeights(context: GpuContext, weights: WeightMap): SsdWeights {
  const get = (name: string, shape: number[]) => weightOf(weights, MODEL, name, shape);
  const pointwise = (prefix: string, k: number, inC: number, outC: number): Conv2dFilter =>
    uploadConv2dFilter(
      context,
      {
        kH: k,
        kW: k,
        inC,
        outC,
        weights: get(`${prefix}/weights`, [k, k, inC, outC]),
        bias: get(`${prefix}/convolution_bn_offset`, [outC]),
        activation: RELU6,
      },
      prefix,
    );

  const conv0 = pointwise('MobilenetV1/Conv2d_0_pointwise', 3, 3, 32);
  const pairs = [];
  for (let i = 1; i <= 13; i++) {
    const inC = mobilenetChannels[i - 1]!;
    const outC = mobilenetChannels[i]!;
    const prefix = `MobilenetV1/Conv2d_${i}_depthwise`;
    const gamma = get(`${prefix}/BatchNorm/gamma`, [inC]);
    const beta = get(`${prefix}/BatchNorm/beta`, [inC]);
    const mean = get(`${prefix}/BatchNorm/moving_mean`, [inC]);
    const variance = get(`${prefix}/BatchNorm/moving_variance`, [inC]);
    // (x - mean) * gamma / sqrt(var + eps) + beta = x * scale + shift
    const scale = new Float32Array(inC);
    const shift = new Float32Array(inC);
    for (let c = 0; c < inC; c++) {
      const s = gamma[c]! / Math.sqrt(variance[c]! + BATCH_NORM_EPSILON);
      scale[c] = s;
      shift[c] = beta[c]! - mean[c]! * s;
    }
    const depthwise = uploadDepthwiseConv2dFilter(
      context,
      {
        kH: 3,
        kW: 3,
        channels: inC,
        weights: get(`${prefix}/depthwise_weights`, [3, 3, inC, 1]),
        scale,
        shift,
        activation: RELU6,
      },
      prefix,
    );
    pairs.push({ depthwise, pointwise: pointwise(`MobilenetV1/Conv2d_${i}_pointwise`, 1, inC, outC) });
  }

  const extras = extraLayers.map(([k, inC, outC], m) => pointwise(`Prediction/Conv2d_${m}_pointwise`, k, inC, outC));

  const heads = headLayers.map(([inC, anchors], p): SsdHead => {
    const prefix = `Prediction/BoxPredictor_${p}`;
    const boxC = SSD_BOX_SIZE * anchors;
    const classC = SSD_CLASS_COUNT * anchors;
    const box = get(`${prefix}/BoxEncodingPredictor/weights`, [1, 1, inC, boxC]);
    const cls = get(`${prefix}/ClassPredictor/weights`, [1, 1, inC, classC]);
    const outC = boxC + classC;
    const merged = new Float32Array(inC * outC);
    for (let c = 0; c < inC; c++) {
      merged.set(box.subarray(c * boxC, (c + 1) * boxC), c * outC);
      merged.set(cls.subarray(c * classC, (c + 1) * classC), c * outC + boxC);
    }
    const bias = new Float32Array(outC);
    bias.set(get(`${prefix}/BoxEncodingPredictor/biases`, [boxC]));
    bias.set(get(`${prefix}/ClassPredictor/biases`, [classC]), boxC);
    return { filter: uploadConv2dFilter(context, { kH: 1, kW: 1, inC, outC, weights: merged, bias }, prefix), anchors };
  });

  const anchors = get('Output/extra_dim', [1, SSD_ANCHOR_COUNT, 4]).slice();
  return { conv0, pairs, extras, heads, anchors };
}

export function destroySsdWeights(weights: SsdWeights): void {
  destroyFilters([
    weights.conv0,
    ...weights.pairs.flatMap((pair) => [pair.depthwise, pair.pointwise]),
    ...weights.extras,
    ...weights.heads.map((head) => head.filter),
  ]);
}

/**
 * The SSD network for `batch` images: input [batch,512,512,3] (x/127.5 - 1), outputs
 * [0] box encodings [batch,5118,4] (dy,dx,dh,dw before the variances) and
 * [1] class logits [batch,5118,3], rows in face-api's concatenation order.
 */
export function buildSsdRun(context: GpuContext, weights: SsdWeights, batch = 1): NetRun {
  const b = new NetBuilder(context, 'ssd');
  const input = b.tensor([batch, SSD_INPUT_SIZE, SSD_INPUT_SIZE, 3], 'input');
  // The largest activations: conv0's and pair 1's outputs (256x256x32, 256x256x64).
  const slots = new ActivationSlots(b, batch * 256 * 256 * 64);

  const conv = (x: Tensor, filter: Conv2dFilter, stride: number, label: string, keep = false): Tensor => {
    const shape = conv2dOutputShape(x.shape, filter, { stride, padding: 'same' });
    const output = keep ? b.tensor(shape, label) : slots.next(shape, x);
    return b.conv(x, filter, { stride, padding: 'same', output, label });
  };

  let x = conv(input, weights.conv0, 2, 'conv0');
  let conv11: Tensor | undefined;
  weights.pairs.forEach((pair, i) => {
    const index = i + 1;
    const stride = STRIDE_2_PAIRS.has(index) ? 2 : 1;
    const shape = depthwiseConv2dOutputShape(x.shape, pair.depthwise, { stride, padding: 'same' });
    x = b.depthwise(x, pair.depthwise, { stride, padding: 'same', output: slots.next(shape, x), label: `dw${index}` });
    x = conv(x, pair.pointwise, 1, `pw${index}`, index === 11 || index === 13);
    if (index === 11) conv11 = x;
  });
  const conv13 = x;

  const taps: Tensor[] = [conv11!, conv13];
  weights.extras.forEach((filter, m) => {
    const stride = extraLayers[m]![3];
    x = conv(x, filter, stride, `extra${m}`, stride === 2);
    if (stride === 2) taps.push(x);
  });

  const boxes = b.tensor([batch, SSD_ANCHOR_COUNT, SSD_BOX_SIZE], 'boxEncodings');
  const classes = b.tensor([batch, SSD_ANCHOR_COUNT, SSD_CLASS_COUNT], 'classLogits');
  let rowOffset = 0;
  weights.heads.forEach((head, p) => {
    const feature = taps[p]!;
    const out = conv(feature, head.filter, 1, `head${p}`);
    const { anchors } = head;
    b.record(
      headGather(context, out, boxes, {
        anchors,
        width: SSD_BOX_SIZE,
        channelOffset: 0,
        rowOffset,
        label: `ssd/head${p}.box`,
      }),
    );
    b.record(
      headGather(context, out, classes, {
        anchors,
        width: SSD_CLASS_COUNT,
        channelOffset: SSD_BOX_SIZE * anchors,
        rowOffset,
        label: `ssd/head${p}.class`,
      }),
    );
    rowOffset += (sizeOf(feature.shape) / feature.shape[3]! / batch) * anchors;
  });
  if (rowOffset !== SSD_ANCHOR_COUNT)
    throw new Error(`ssd: heads give ${rowOffset} anchors, expected ${SSD_ANCHOR_COUNT}`);
  return b.finish(input, [boxes, classes]);
}

export interface SsdDecodeOptions {
  /** Keep boxes scoring above this (face-api minConfidence, default 0.5). */
  minConfidence?: number;
  /** At most this many boxes (face-api maxResults, default 100). */
  maxResults?: number;
  /** NMS IoU threshold (face-api uses 0.5). */
  iouThreshold?: number;
}

const f32 = Math.fround;

/**
 * Decodes `count` anchors' box encodings to [ymin,xmin,ymax,xmax] (relative to the padded square),
 * in float32 step by step as face-api's tfjs ops do (outputLayer.ts decodeBoxesLayer).
 */
export function decodeSsdBoxes(
  boxEncodings: Float32Array,
  anchors: Float32Array,
  count = SSD_ANCHOR_COUNT,
): Float32Array {
  if (boxEncodings.length < count * 4 || anchors.length < count * 4) {
    throw new Error(
      `decodeSsdBoxes: need ${count * 4} values, got ${boxEncodings.length} encodings and ${anchors.length} anchor values`,
    );
  }
  const out = new Float32Array(count * 4);
  for (let i = 0; i < count; i++) {
    const o = i * 4;
    const sizeY = f32(anchors[o + 2]! - anchors[o]!);
    const sizeX = f32(anchors[o + 3]! - anchors[o + 1]!);
    const centerY = f32(anchors[o]! + f32(sizeY / 2));
    const centerX = f32(anchors[o + 1]! + f32(sizeX / 2));
    const halfH = f32(f32(f32(Math.exp(f32(boxEncodings[o + 2]! / 5))) * sizeY) / 2);
    const midY = f32(f32(f32(boxEncodings[o]! / 10) * sizeY) + centerY);
    const halfW = f32(f32(f32(Math.exp(f32(boxEncodings[o + 3]! / 5))) * sizeX) / 2);
    const midX = f32(f32(f32(boxEncodings[o + 1]! / 10) * sizeX) + centerX);
    out[o] = midY - halfH;
    out[o + 1] = midX - halfW;
    out[o + 2] = midY + halfH;
    out[o + 3] = midX + halfW;
  }
  return out;
}

/** Face scores sigmoid(logit of class 1) for `count` anchors of [count,3] class logits. */
export function ssdScores(classLogits: Float32Array, count = SSD_ANCHOR_COUNT): Float32Array {
  if (classLogits.length < count * SSD_CLASS_COUNT)
    throw new Error(`ssdScores: need ${count * 3} logits, got ${classLogits.length}`);
  const scores = new Float32Array(count);
  for (let i = 0; i < count; i++) scores[i] = 1 / (1 + Math.exp(-classLogits[i * SSD_CLASS_COUNT + 1]!));
  return scores;
}

/**
 * One image's detections from its raw outputs (face-api's locateFaces before the frame mapping):
 * boxes relative to the padded 512x512 square, clipped to [0,1], highest score first. Use
 * `toFrameDetection` (detection.ts) to map them to frame pixels.
 */
export function decodeSsd(
  boxEncodings: Float32Array,
  classLogits: Float32Array,
  anchors: Float32Array,
  options: SsdDecodeOptions = {},
): RelativeDetection[] {
  const { minConfidence = 0.5, maxResults = 100, iouThreshold = 0.5 } = options;
  const boxes = decodeSsdBoxes(boxEncodings, anchors);
  const scores = ssdScores(classLogits);
  const kept = nonMaxSuppressionSsd(boxes, scores, maxResults, iouThreshold, minConfidence);
  return kept.map((i) => {
    const top = Math.max(0, boxes[i * 4]!);
    const left = Math.max(0, boxes[i * 4 + 1]!);
    const bottom = Math.min(1, boxes[i * 4 + 2]!);
    const right = Math.min(1, boxes[i * 4 + 3]!);
    return { box: { x: left, y: top, width: right - left, height: bottom - top }, score: scores[i]! };
  });
}

/** The slice of a batched output [B,rows,width] that belongs to image `index`. */
export function batchSlice(data: Float32Array, index: number, rows: number, width: number): Float32Array {
  return data.subarray(index * rows * width, (index + 1) * rows * width);
}
