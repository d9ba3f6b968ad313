// Face detection across scales with SSD MobileNetV1. The reference runs SSD once on the frame padded
// bottom/right to a square, and misses faces that fill the frame (10% of LFW, most webcam selfies:
// model-map.md §6). Here one batched run sees the frame twice: (0) face-api's view, (1) the frame
// centred on a zero canvas twice its size, where a large face looks like the faces SSD was trained
// on. Detections of both are mapped to frame pixels and merged by non-max suppression.
import type { GpuContext } from './gpu-context';
import { imageToTensor, NORMALISATIONS, type ImageToTensorCall } from './kernels/image-to-tensor';
import { NetStage } from './net-stage';
import { toFrameDetection, type Detection } from './nets/detection';
import { nonMaxSuppression } from './nets/non-max-suppression';
import {
  batchSlice,
  buildSsdRun,
  decodeSsd,
  destroySsdWeights,
  SSD_ANCHOR_COUNT,
  SSD_BOX_SIZE,
  SSD_CLASS_COUNT,
  SSD_INPUT_SIZE,
  uploadSsdWeights,
  type SsdWeights,
} from './nets/ssd-mobilenet-v1';
import type { WeightMap } from './weights/manifest';

export interface DetectorOptions {
  /** Keep faces scoring above this (face-api's default 0.5). */
  minConfidence: number;
  /** Non-max suppression IoU within and across scales. */
  iouThreshold: number;
  /** Also look at the frame on a canvas twice its size (finds large faces). */
  multiScale: boolean;
}

export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = { minConfidence: 0.5, iouThreshold: 0.5, multiScale: true };

/** How much larger than the frame's longer side the zoomed-out canvas is. */
const ZOOM_OUT = 2;

export class DetectionStage {
  private readonly stage: NetStage;
  private readonly inputs = new Map<number, ImageToTensorCall>();

  private constructor(
    private readonly context: GpuContext,
    private readonly weights: SsdWeights,
    readonly options: DetectorOptions,
  ) {
    this.stage = new NetStage(context, 'ssd', (batch) => buildSsdRun(context, weights, batch));
    this.stage.at(this.views);
  }

  static upload(context: GpuContext, weights: WeightMap, options: Partial<DetectorOptions> = {}): DetectionStage {
    return new DetectionStage(context, uploadSsdWeights(context, weights), { ...DEFAULT_DETECTOR_OPTIONS, ...options });
  }

  private get views(): number {
    return this.options.multiScale ? 2 : 1;
  }

  /** The frame texture was recreated: the input dispatches bound to the old one must go. */
  frameChanged(): void {
    this.inputs.clear();
  }

  async detect(frame: GPUTexture): Promise<Detection[]> {
    const { width, height } = frame;
    const side = Math.max(width, height);
    const zoomed = ZOOM_OUT * side;
    const placements = [
      // (0) face-api's input: pad bottom/right to a square.
      { width: side, height: side, padLeft: 0, padTop: 0 },
      // (1) centred on a canvas ZOOM_OUT times larger.
      { width: zoomed, height: zoomed, padLeft: Math.round((zoomed - width) / 2), padTop: Math.round((zoomed - height) / 2) },
    ].slice(0, this.views);
    const batch = this.views;
    const prepare = placements.map((canvas, slot) => {
      const geometry = { canvas, normalise: NORMALISATIONS.ssdMobilenet, flip: false };
      let call = this.inputs.get(slot);
      if (call) {
        call.update(geometry);
      } else {
        call = imageToTensor(this.context, frame, {
          ...geometry,
          outH: SSD_INPUT_SIZE,
          outW: SSD_INPUT_SIZE,
          output: this.stage.at(batch).run.input,
          batchIndex: slot,
          label: `ssd-input[${slot}]`,
        });
        this.inputs.set(slot, call);
      }
      return call.dispatch;
    });
    const [boxEncodings, classLogits] = (await this.stage.execute(batch, prepare)) as [Float32Array, Float32Array];
    const found: Detection[] = [];
    placements.forEach((canvas, slot) => {
      const relative = decodeSsd(
        batchSlice(boxEncodings, slot, SSD_ANCHOR_COUNT, SSD_BOX_SIZE),
        batchSlice(classLogits, slot, SSD_ANCHOR_COUNT, SSD_CLASS_COUNT),
        this.weights.anchors,
        { minConfidence: this.options.minConfidence, iouThreshold: this.options.iouThreshold },
      );
      for (const detection of relative) {
        if (slot === 0) {
          found.push(toFrameDetection(detection, width, height, SSD_INPUT_SIZE));
        } else {
          const { x, y, width: w, height: h } = detection.box;
          found.push({
            score: detection.score,
            box: { x: x * canvas.width - canvas.padLeft, y: y * canvas.height - canvas.padTop, width: w * canvas.width, height: h * canvas.height },
          });
        }
      }
    });
    if (this.views === 1) return found;
    const keep = nonMaxSuppression(
      found.map((d) => d.box),
      found.map((d) => d.score),
      this.options.iouThreshold,
    );
    return keep.map((i) => found[i]!);
  }

  destroy(): void {
    this.stage.destroy();
    destroySsdWeights(this.weights);
  }
}
