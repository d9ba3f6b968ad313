// Tiny face detector (face-api's tiny_face_detector, a separable-conv Tiny YOLOv2) on our kernels,
// and its CPU-side decode.
//
// Network (face-api TinyYolov2Base.runMobilenet with the TinyFaceDetector config), input [B,S,S,3],
// S % 32 == 0, already normalised to (RGB - [117.001,114.697,97.404]) / 255:
//   conv0 3x3 VALID 3->16 + bias, leaky 0.1                      (S-2)
//   maxpool 2x2/2 SAME
//   conv1..5: pad 1, depthwise 3x3 VALID, pointwise 1x1, + bias, leaky 0.1  (16->32->64->128->256->512),
//             each followed by maxpool 2x2/2 SAME, except conv5: maxpool 2x2 stride 1 SAME
//   conv8 1x1 512->25 + bias                                          [B,S/32,S/32,25]
// The 25 channels of a cell are 5 anchors x (tx, ty, tw, th, confidence).
//
// Decode (TinyYolov2Base.extractBoxes, detect): score = sigmoid(confidence) > scoreThreshold; centre
// ((col|row) + sigmoid(tx|ty)) / cells, size exp(tw|th) * anchor / cells; NMS IoU 0.4 over all kept boxes.
import type { GpuContext } from '../gpu-context';
import { conv2dOutputShape, uploadConv2dFilter, type Conv2dFilter } from '../kernels/conv2d';
import {
  depthwiseConv2dOutputShape,
  uploadDepthwiseConv2dFilter,
  type DepthwiseConv2dFilter,
} from '../kernels/depthwise-conv2d';
import { pool, poolOutputShape } from '../kernels/pool';
import type { Padding } from '../kernels/padding';
import type { Tensor } from '../tensor';
import { ActivationSlots } from './activation-slots';
import type { RelativeDetection } from './detection';
import { destroyFilters, NetBuilder, type NetRun } from './net-builder';
import { nonMaxSuppression, type Rect } from './non-max-suppression';
import { weightOf, type WeightMap } from './weight-map';

export const TINY_DEFAULT_INPUT_SIZE = 416;
/** face-api tinyFaceDetector/const.ts BOX_ANCHORS, in grid cells: [width, height] per anchor. */
export const TINY_ANCHORS: readonly (readonly [number, number])[] = [
  [1.603231, 2.094468],
  [6.041143, 7.080126],
  [2.882459, 3.518061],
  [4.266906, 5.178857],
  [9.041765, 10.66308],
];
export const TINY_IOU_THRESHOLD = 0.4;
/** Values per anchor: tx, ty, tw, th, confidence. */
const BOX_ENCODING = 5;
const LEAKY = { kind: 'leaky', alpha: 0.1 } as const;
/** Names the model in weight errors. */
const MODEL = 'tiny_face_detector_model';
const SEPARABLE_CHANNELS = [16, 32, 64, 128, 256, 512];

export interface TinyFaceDetectorWeights {
  /** conv0: 3x3 VALID 3->16 + bias, leaky. */
  readonly conv0: Conv2dFilter;
  /** conv1..5: depthwise (no epilogue) then pointwise + bias, leaky. */
  readonly separable: readonly { readonly depthwise: DepthwiseConv2dFilter; readonly pointwise: Conv2dFilter }[];
  /** conv8: 1x1 512 -> 25 + bias. */
  readonly conv8: Conv2dFilter;
}

export function uploadTinyFaceDetectorWeights(context: GpuContext, weights: WeightMap): TinyFaceDetectorWeights {
  const get = (name: string, shape: number[]) => weightOf(weights, MODEL, name, shape);
  const conv0 = uploadConv2dFilter(
    context,
    {
      kH: 3,
      kW: 3,
      inC: 3,
      outC: 16,
      weights: get('conv0/filters', [3, 3, 3, 16]),
      bias: get('conv0/bias', [16]),
      activation: LEAKY,
    },
    'tiny/conv0',
  );
  const separable = [];
  for (let i = 1; i <= 5; i++) {
    const inC = SEPARABLE_CHANNELS[i - 1]!;
    const outC = SEPARABLE_CHANNELS[i]!;
    const depthwise = uploadDepthwiseConv2dFilter(
      context,
      { kH: 3, kW: 3, channels: inC, weights: get(`conv${i}/depthwise_filter`, [3, 3, inC, 1]) },
      `tiny/conv${i}.depthwise`,
    );
    const pointwise = uploadConv2dFilter(
      context,
      {
        kH: 1,
        kW: 1,
        inC,
        outC,
        weights: get(`conv${i}/pointwise_filter`, [1, 1, inC, outC]),
        bias: get(`conv${i}/bias`, [outC]),
        activation: LEAKY,
      },
      `tiny/conv${i}.pointwise`,
    );
    separable.push({ depthwise, pointwise });
  }
  const conv8 = uploadConv2dFilter(
    context,
    { kH: 1, kW: 1, inC: 512, outC: 25, weights: get('conv8/filters', [1, 1, 512, 25]), bias: get('conv8/bias', [25]) },
    'tiny/conv8',
  );
  return { conv0, separable, conv8 };
}

export function destroyTinyFaceDetectorWeights(weights: TinyFaceDetectorWeights): void {
  destroyFilters([weights.conv0, ...weights.separable.flatMap((s) => [s.depthwise, s.pointwise]), weights.conv8]);
}

const PAD_1: Padding = { top: 1, bottom: 1, left: 1, right: 1 };

/**
 * The tiny face detector for `batch` images of S x S (S % 32 == 0): input [batch,S,S,3],
 * output [0] [batch,S/32,S/32,25] raw (5 anchors x tx,ty,tw,th,confidence per cell).
 */
export function buildTinyFaceDetectorRun(
  context: GpuContext,
  weights: TinyFaceDetectorWeights,
  inputSize = TINY_DEFAULT_INPUT_SIZE,
  batch = 1,
): NetRun {
  if (!(Number.isInteger(inputSize) && inputSize >= 32 && inputSize % 32 === 0)) {
    throw new Error(`tiny face detector: input size must be a positive multiple of 32, got ${inputSize}`);
  }
  const b = new NetBuilder(context, 'tiny');
  const input = b.tensor([batch, inputSize, inputSize, 3], 'input');
  // The largest activation is conv0's output, (S-2) x (S-2) x 16.
  const slots = new ActivationSlots(b, batch * (inputSize - 2) * (inputSize - 2) * 16);

  const maxPool = (x: Tensor, stride: number, label: string): Tensor => {
    const options = { kind: 'max', window: 2, stride, padding: 'same' } as const;
    return b.record(
      pool(context, x, {
        ...options,
        output: slots.next(poolOutputShape(x.shape, options), x),
        label: `tiny/${label}`,
      }),
    );
  };

  const conv0Shape = conv2dOutputShape(input.shape, weights.conv0, { padding: 'valid' });
  let x = b.conv(input, weights.conv0, { padding: 'valid', output: slots.next(conv0Shape, input), label: 'conv0' });
  x = maxPool(x, 2, 'pool0');
  weights.separable.forEach(({ depthwise, pointwise }, i) => {
    const n = i + 1;
    const dwShape = depthwiseConv2dOutputShape(x.shape, depthwise, { padding: PAD_1 });
    x = b.depthwise(x, depthwise, { padding: PAD_1, output: slots.next(dwShape, x), label: `conv${n}.depthwise` });
    const pwShape = conv2dOutputShape(x.shape, pointwise, { padding: 'valid' });
    x = b.conv(x, pointwise, { padding: 'valid', output: slots.next(pwShape, x), label: `conv${n}.pointwise` });
    x = maxPool(x, n === 5 ? 1 : 2, `pool${n}`);
  });
  const output = b.conv(x, weights.conv8, { padding: 'valid', label: 'conv8' });
  return b.finish(input, [output]);
}

export interface TinyDecodeOptions {
  /** Keep boxes scoring above this (face-api scoreThreshold, default 0.5). */
  scoreThreshold?: number;
  /** NMS IoU threshold (default 0.4, face-api's). */
  iouThreshold?: number;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * One image's detections from the raw [cells,cells,25] output of an S x S input: boxes relative to
 * the padded square (not clipped, as face-api does not clip them), highest score first. Use
 * `toFrameDetection` (detection.ts) to map them to frame pixels.
 */
export function decodeTinyFaceDetector(
  output: Float32Array,
  inputSize: number,
  options: TinyDecodeOptions = {},
): RelativeDetection[] {
  const { scoreThreshold = 0.5, iouThreshold = TINY_IOU_THRESHOLD } = options;
  const cells = inputSize / 32;
  const anchors = TINY_ANCHORS.length;
  if (output.length < cells * cells * anchors * BOX_ENCODING) {
    throw new Error(`decodeTinyFaceDetector: ${output.length} values for a ${cells}x${cells} grid`);
  }
  const found: RelativeDetection[] = [];
  for (let row = 0; row < cells; row++) {
    for (let col = 0; col < cells; col++) {
      for (let anchor = 0; anchor < anchors; anchor++) {
        const o = ((row * cells + col) * anchors + anchor) * BOX_ENCODING;
        const score = sigmoid(output[o + 4]!);
        if (!(score > scoreThreshold)) continue;
        const centreX = (col + sigmoid(output[o]!)) / cells;
        const centreY = (row + sigmoid(output[o + 1]!)) / cells;
        const width = (Math.exp(output[o + 2]!) * TINY_ANCHORS[anchor]![0]) / cells;
        const height = (Math.exp(output[o + 3]!) * TINY_ANCHORS[anchor]![1]) / cells;
        const x = centreX - width / 2;
        const y = centreY - height / 2;
        found.push({ box: { x, y, width, height }, score });
      }
    }
  }
  // face-api runs NMS on the boxes scaled to input pixels; IoU does not depend on the scale.
  const rects: Rect[] = found.map((d) => d.box);
  return nonMaxSuppression(
    rects,
    found.map((d) => d.score),
    iouThreshold,
  ).map((i) => found[i]!);
}
