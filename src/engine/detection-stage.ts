// Face detection across scales with SSD MobileNetV1. The reference runs SSD once on the frame padded
// bottom/right to a square, and misses faces that fill the frame (10% of LFW, most webcam selfies:
// model-map.md §6). Here SSD can also see (1) the frame centred on a zero canvas twice its size, where
// a large face looks like the faces SSD was trained on. Detections of both views are mapped to frame
// pixels and merged by non-max suppression. 'both' runs the two views as one batch; 'adaptive' runs the
// zoomed-out view only when face-api's view found no face containing the frame's centre (the face a
// person looking into the camera puts there), which halves the work on most frames.
import type { GpuContext } from './gpu-context';
import { imageToTensor, NORMALISATIONS, type ImageToTensorCall } from './kernels/image-to-tensor';
import { NetStage } from './net-stage';
import { boxContains, toFrameDetection, type Detection } from './nets/detection';
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
  /**
   * Which views SSD sees: 'frame' (face-api's padded square only), 'both' (also the frame on a canvas
   * twice its size, which finds large faces), 'adaptive' (the second view only when the first found no
   * face containing the frame's centre).
   */
  views: DetectorViews;
}

export type DetectorViews = 'frame' | 'both' | 'adaptive';

export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = { minConfidence: 0.5, iouThreshold: 0.5, views: 'adaptive' };

interface Placement {
  /** face-api's padded square maps back through its own convention (toFrameDetection). */
  view: 'face-api' | 'zoomed-out';
  width: number;
  height: number;
  padLeft: number;
  padTop: number;
}

/** How much larger than the frame's longer side the zoomed-out canvas is. */
const ZOOM_OUT = 2;

export class DetectionStage {
  private readonly stage: NetStage;
  /** Input dispatches by batch size and slot (slot 0 of batch 1 serves either view in 'adaptive'). */
  private readonly inputs = new Map<string, ImageToTensorCall>();

  private constructor(
    private readonly context: GpuContext,
    private readonly weights: SsdWeights,
    readonly options: DetectorOptions,
  ) {
    this.stage = new NetStage(context, 'ssd', (batch) => buildSsdRun(context, weights, batch));
    this.stage.at(this.batchForViews);
  }

  /** The batch one detection runs: 2 when both views go through SSD at once. */
  private get batchForViews(): number {
    return this.options.views === 'both' ? 2 : 1;
  }

  /** Queues the detector's first-use GPU work (NetStage.prime) and returns at once. */
  prime(): void {
    this.stage.prime(this.batchForViews);
  }

  static upload(context: GpuContext, weights: WeightMap, options: Partial<DetectorOptions> = {}): DetectionStage {
    return new DetectionStage(context, uploadSsdWeights(context, weights), { ...DEFAULT_DETECTOR_OPTIONS, ...options });
  }

  /** The frame texture was recreated: the input dispatches bound to the old one must go. */
  frameChanged(): void {
    this.inputs.clear();
  }

  async detect(frame: GPUTexture): Promise<Detection[]> {
    const { width, height } = frame;
    const side = Math.max(width, height);
    const zoomed = ZOOM_OUT * side;
    // (0) face-api's input: pad bottom/right to a square.
    const faceApiView: Placement = { view: 'face-api', width: side, height: side, padLeft: 0, padTop: 0 };
    // (1) centred on a canvas ZOOM_OUT times larger.
    const zoomedOutView: Placement = {
      view: 'zoomed-out',
      width: zoomed,
      height: zoomed,
      padLeft: Math.round((zoomed - width) / 2),
      padTop: Math.round((zoomed - height) / 2),
    };
    switch (this.options.views) {
      case 'frame':
        return this.run(frame, [faceApiView]);
      case 'both':
        return this.merge(await this.run(frame, [faceApiView, zoomedOutView]));
      case 'adaptive': {
        const first = await this.run(frame, [faceApiView]);
        if (first.some(({ box }) => boxContains(box, width / 2, height / 2))) return first;
        return this.merge([...first, ...(await this.run(frame, [zoomedOutView]))]);
      }
    }
  }

  /** SSD on the given views of the frame as one batch; detections in frame pixels, view by view. */
  private async run(frame: GPUTexture, placements: readonly Placement[]): Promise<Detection[]> {
    const batch = placements.length;
    const prepare = placements.map(({ view: _view, ...canvas }, slot) => {
      const geometry = { canvas, normalise: NORMALISATIONS.ssdMobilenet, flip: false };
      const key = `${batch}:${slot}`;
      let call = this.inputs.get(key);
      if (call) {
        call.update(geometry);
      } else {
        call = imageToTensor(this.context, frame, {
          ...geometry,
          outH: SSD_INPUT_SIZE,
          outW: SSD_INPUT_SIZE,
          output: this.stage.at(batch).run.input,
          batchIndex: slot,
          label: `ssd-input[${key}]`,
        });
        this.inputs.set(key, call);
      }
      return call.dispatch;
    });
    const [boxEncodings, classLogits] = (await this.stage.execute(batch, prepare)) as [Float32Array, Float32Array];
    return placements.flatMap((canvas, slot) =>
      decodeSsd(
        batchSlice(boxEncodings, slot, SSD_ANCHOR_COUNT, SSD_BOX_SIZE),
        batchSlice(classLogits, slot, SSD_ANCHOR_COUNT, SSD_CLASS_COUNT),
        this.weights.anchors,
        { minConfidence: this.options.minConfidence, iouThreshold: this.options.iouThreshold },
      ).map((detection) => {
        if (canvas.view === 'face-api') {
          return toFrameDetection(detection, frame.width, frame.height, SSD_INPUT_SIZE);
        }
        const { x, y, width: w, height: h } = detection.box;
        return {
          score: detection.score,
          box: { x: x * canvas.width - canvas.padLeft, y: y * canvas.height - canvas.padTop, width: w * canvas.width, height: h * canvas.height },
        };
      }),
    );
  }

  /** Non-max suppression across views. */
  private merge(found: readonly Detection[]): Detection[] {
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
