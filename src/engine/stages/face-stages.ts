// Everything the engine keeps on one GPU device: the frame texture, the prepared-input cache and the
// three stages. Built from decoded weights; after a device loss the engine builds a new one.
import type { Box, DetectedFace, FrameSource, RgbaImage } from '../face-engine-types';
import { InvalidFrameError } from '../errors';
import { targetOrder } from '../face-geometry';
import { FrameTexture } from '../frame-texture';
import type { GpuContext } from '../gpu-context';
import type {
  DetectorNetwork,
  EmbeddingNetwork,
  LandmarkNetwork,
  UploadedDetector,
  UploadedEmbeddingNetwork,
  UploadedLandmarkNetwork,
  Uploader,
} from '../networks/network';
import type { Detection } from '../nets/detection';
import type { WeightMap } from '../weights/manifest';
import { DetectionStage, type DetectorOptions } from './detection-stage';
import { EmbeddingStage, type EmbedOptions } from './embedding-stage';
import { LandmarkStage } from './landmark-stage';
import { PreparedInputs } from './prepared-inputs';

export interface StageNetworks {
  detector: DetectorNetwork;
  landmarks: LandmarkNetwork;
  embedding: EmbeddingNetwork;
}

/** Each network's code (NetworkDescriptor.load) and decoded weights. */
export interface LoadedNetworks {
  uploaders: {
    detector: Uploader<UploadedDetector>;
    landmarks: Uploader<UploadedLandmarkNetwork>;
    embedding: Uploader<UploadedEmbeddingNetwork>;
  };
  weights: ReadonlyMap<string, WeightMap>;
}

export interface StageOptions {
  detector: Partial<DetectorOptions>;
  /** Largest batch a landmark or embedding run takes. */
  maxBatch: number;
}

export class FaceStages {
  /** The device everything here lives on. */
  readonly device: GPUDevice;
  private readonly frame: FrameTexture;
  private readonly inputs: PreparedInputs;
  private lastFrame: FrameSource | undefined;

  private constructor(
    context: GpuContext,
    readonly detection: DetectionStage,
    readonly landmarks: LandmarkStage,
    readonly embedding: EmbeddingStage,
    inputs: PreparedInputs,
  ) {
    this.device = context.device;
    this.frame = new FrameTexture(context, 'frame');
    this.inputs = inputs;
  }

  /** Uploads every network's weights and queues the detector's first-use work (NetworkStage.prime). */
  static upload(
    context: GpuContext,
    networks: StageNetworks,
    loaded: LoadedNetworks,
    options: StageOptions,
  ): FaceStages {
    const inputs = new PreparedInputs(context);
    const { uploaders } = loaded;
    const weightsOf = (id: string) => {
      const found = loaded.weights.get(id);
      if (!found) throw new RangeError(`FaceStages: no weights loaded for ${id}`);
      return found;
    };
    const { detector, landmarks, embedding } = networks;
    const detection = DetectionStage.create(
      context,
      detector,
      uploaders.detector,
      weightsOf(detector.id),
      inputs,
      options.detector,
    );
    // The detector's first-use GPU work overlaps the other two uploads.
    detection.prime();
    return new FaceStages(
      context,
      detection,
      LandmarkStage.create(context, landmarks, uploaders.landmarks, weightsOf(landmarks.id), inputs, options.maxBatch),
      EmbeddingStage.create(context, embedding, uploaders.embedding, weightsOf(embedding.id), inputs, options.maxBatch),
      inputs,
    );
  }

  /** Builds and primes the batch-1 runs a webcam frame needs; larger batches are built on first use. */
  prime(): void {
    this.landmarks.prime();
    this.embedding.prime();
  }

  /** The frame on the GPU; a frame given again (not a live source) is not uploaded twice. */
  async upload(frame: FrameSource): Promise<GPUTexture> {
    if (frame === this.lastFrame && this.frame.current && !isLiveSource(frame)) return this.frame.current;
    let texture: GPUTexture;
    if (isRgbaImage(frame)) {
      if (frame.data.length !== frame.width * frame.height * 4) {
        throw new InvalidFrameError(`RGBA image of ${frame.width}×${frame.height} has ${frame.data.length} bytes`);
      }
      texture = this.frame.uploadRgba(frame);
    } else {
      const source = await toExternalSource(frame);
      texture = this.frame.uploadExternal(source);
      // A bitmap made here holds a decoded copy of the frame until closed.
      if (source !== frame && source instanceof ImageBitmap) source.close();
    }
    this.lastFrame = frame;
    return texture;
  }

  /** Detections, the target (largest, most central) first. */
  async detect(frame: GPUTexture): Promise<Detection[]> {
    const detections = await this.detection.detect(frame);
    return targetOrder(
      detections.map((d) => d.box),
      frame.width,
      frame.height,
    ).map((i) => detections[i]!);
  }

  landmarksFor(frame: GPUTexture, boxes: readonly Box[]): Promise<Float32Array[]> {
    return this.landmarks.landmarks(frame, boxes);
  }

  embed(frame: GPUTexture, faces: readonly DetectedFace[], options: EmbedOptions): Promise<Float32Array[]> {
    return this.embedding.embed(frame, faces, options);
  }

  destroy(): void {
    this.inputs.clear();
    this.frame.destroy();
    this.detection.destroy();
    this.landmarks.destroy();
    this.embedding.destroy();
  }
}

const isRgbaImage = (frame: FrameSource): frame is RgbaImage =>
  typeof (frame as RgbaImage).data === 'object' &&
  typeof (frame as RgbaImage).width === 'number' &&
  !(typeof HTMLCanvasElement !== 'undefined' && frame instanceof HTMLCanvasElement);

const isLiveSource = (frame: FrameSource): boolean =>
  (typeof HTMLVideoElement !== 'undefined' && frame instanceof HTMLVideoElement) ||
  (typeof HTMLCanvasElement !== 'undefined' && frame instanceof HTMLCanvasElement) ||
  (typeof OffscreenCanvas !== 'undefined' && frame instanceof OffscreenCanvas);

async function toExternalSource(frame: Exclude<FrameSource, RgbaImage>): Promise<GPUCopyExternalImageSource> {
  // copyExternalImageToTexture from a <video> fails on some software adapters; an ImageBitmap of the
  // current frame always works.
  if (typeof HTMLVideoElement !== 'undefined' && frame instanceof HTMLVideoElement) return createImageBitmap(frame);
  if (typeof HTMLImageElement !== 'undefined' && frame instanceof HTMLImageElement) return createImageBitmap(frame);
  return frame as GPUCopyExternalImageSource;
}
