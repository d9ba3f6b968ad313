// Face detection with a detector network, across views of the frame. face-api runs its detector once
// on the frame padded bottom/right to a square, and misses faces that fill the frame (about 10% of LFW
// and most webcam selfies: docs/networks.md). Here the detector can also see the frame centred on a zero
// canvas ZOOM_OUT times its size, where a large face looks like the faces it was trained on. Detections
// of both views are mapped to frame pixels and merged by non-max suppression. 'both' runs the two views
// as one batch; 'adaptive' runs the zoomed-out view only when the first view found no face containing
// the frame's centre (where a person looking into the camera puts theirs), which halves the work on
// most frames.
import type { GpuContext } from '../gpu-context';
import type { CanvasPlacement } from '../kernels/image-to-tensor';
import type { DetectorNetwork, UploadedDetector, Uploader } from '../networks/network';
import { boxContains, toFrameDetection, type Detection } from '../nets/detection';
import { nonMaxSuppression } from '../nets/non-max-suppression';
import type { WeightMap } from '../weights/manifest';
import { NetworkStage } from './network-stage';
import type { PreparedInputs } from './prepared-inputs';

export interface DetectorOptions {
  /** Keep faces scoring above this (the network's default: face-api's 0.5). */
  minConfidence: number;
  /** Non-max suppression IoU within and across views (the network's default). */
  iouThreshold: number;
  /**
   * Which views the detector sees: 'frame' (face-api's padded square only), 'both' (also the frame on
   * a canvas twice its size, which finds large faces), 'adaptive' (the second view only when the first
   * found no face containing the frame's centre).
   */
  views: DetectorViews;
}

export type DetectorViews = 'frame' | 'both' | 'adaptive';

export const DEFAULT_VIEWS: DetectorViews = 'adaptive';

/** How much larger than the frame's longer side the zoomed-out canvas is. */
export const ZOOM_OUT = 2;

interface View extends CanvasPlacement {
  /** face-api's padded square maps back through its own rounding (toFrameDetection). */
  kind: 'face-api' | 'zoomed-out';
}

export class DetectionStage extends NetworkStage<UploadedDetector> {
  readonly options: DetectorOptions;

  private constructor(
    context: GpuContext,
    private readonly descriptor: DetectorNetwork,
    uploaded: UploadedDetector,
    inputs: PreparedInputs,
    options: Partial<DetectorOptions>,
  ) {
    super(context, descriptor.id, uploaded, inputs);
    this.options = { ...descriptor.defaults, views: DEFAULT_VIEWS, ...options };
  }

  static create(
    context: GpuContext,
    descriptor: DetectorNetwork,
    upload: Uploader<UploadedDetector>,
    weights: WeightMap,
    inputs: PreparedInputs,
    options: Partial<DetectorOptions> = {},
  ): DetectionStage {
    return new DetectionStage(context, descriptor, upload(context, weights), inputs, options);
  }

  /** The batch one detection runs: 2 when both views go through the detector at once. */
  get batchForViews(): number {
    return this.options.views === 'both' ? 2 : 1;
  }

  override prime(): void {
    super.prime(this.batchForViews);
  }

  async detect(frame: GPUTexture): Promise<Detection[]> {
    const { width, height } = frame;
    const side = Math.max(width, height);
    const zoomed = ZOOM_OUT * side;
    const faceApiView: View = { kind: 'face-api', width: side, height: side, padLeft: 0, padTop: 0 };
    const zoomedOutView: View = {
      kind: 'zoomed-out',
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

  /** The detector on the given views of the frame as one batch; detections in frame pixels, view by view. */
  private async run(frame: GPUTexture, views: readonly View[]): Promise<Detection[]> {
    const batch = views.length;
    const { normalise, inputSize } = this.descriptor;
    const prepare = views.map(({ kind: _kind, ...canvas }, slot) =>
      this.inputs.crop(frame, this.slot(batch, slot), { canvas, normalise, flip: false }),
    );
    const outputs = await this.execute(batch, prepare);
    return views.flatMap((view, slot) =>
      this.network.decode(outputs, slot, this.options).map((detection) => {
        if (view.kind === 'face-api') return toFrameDetection(detection, frame.width, frame.height, inputSize);
        const { x, y, width: w, height: h } = detection.box;
        return {
          score: detection.score,
          box: {
            x: x * view.width - view.padLeft,
            y: y * view.height - view.padTop,
            width: w * view.width,
            height: h * view.height,
          },
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
}
