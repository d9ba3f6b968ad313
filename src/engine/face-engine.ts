// FaceEngine: the facade everything above the engine uses. Loads the models (fetch → decode → upload
// → compile → warm-up), then per frame: detect faces across scales, 68 landmarks, a dlib-aligned
// 150×150 chip and the 128-d descriptor. Pipelines are compiled once; buffers are reused across
// frames; each network run is one command encoder and one readback.
import { getFaceChipDetails, type Point } from './alignment';
import { boxFromLandmarks } from './landmark-box';
import {
  ModelLoadError,
  type Box,
  type DetectedFace,
  type FaceAnalysis,
  type FaceEmbedding,
  type FrameSource,
  type LoadProgress,
  type RgbaImage,
} from './face-engine-types';
import { FrameTexture } from './frame-texture';
import { GpuContext, type AdapterDescription } from './gpu-context';
import { imageToTensor, NORMALISATIONS, padToSquare, type ImageToTensorCall, type PixelRect } from './kernels/image-to-tensor';
import { similarityWarp, type SimilarityWarpCall } from './kernels/similarity-warp';
import { DetectionStage, type DetectorOptions } from './detection-stage';
import { boxContains, type Detection } from './nets/detection';
import {
  buildLandmarkRun,
  LANDMARK_COUNT,
  LANDMARK_INPUT_SIZE,
  uploadLandmarkWeights,
} from './nets/landmark-net';
import {
  buildRecognitionRun,
  RECOGNITION_INPUT_SIZE,
  RECOGNITION_VECTOR_LENGTH,
  uploadRecognitionWeights,
} from './nets/recognition-net';
import { NetStage } from './net-stage';
import { loadModelWeights, type ModelFileSource, type WeightMap } from './weights/manifest';
import { fetchSource } from './weights/fetch-source';
import { MODEL_SOURCE, modelBytes, type ModelId } from './weights/model-files';

export interface FaceEngineOptions {
  /** Where the model files are served (browser), e.g. '/models/'. */
  modelBaseUrl?: string;
  /** Or any source of model files (Node: nodeFileSource(dir)). */
  source?: ModelFileSource;
  onProgress?: (progress: LoadProgress) => void;
  /** navigator.gpu by default. */
  gpu?: GPU;
  detector?: Partial<DetectorOptions>;
  /** Largest batch `embedMany` and `landmarksMany` run at once (default 8). */
  maxBatch?: number;
}

export interface AnalyzeOptions {
  /**
   * A second landmark pass on the box the first landmarks imply (landmark-box.ts), which frames the face
   * the way the landmark net expects whatever box the detector gave; the face's box becomes that box.
   */
  refineLandmarks?: boolean;
}

export interface EmbedOptions {
  /** Average the descriptors of the chip and its mirror image (test-time augmentation). */
  flip?: boolean;
  /** 'dlib-chip' (default): similarity-aligned 150×150 chip; 'face-api-crop': face-api's axis-aligned crop. */
  alignment?: 'dlib-chip' | 'face-api-crop';
}

const MODELS: readonly ModelId[] = ['ssd_mobilenetv1', 'face_landmark_68', 'face_recognition'];
const RECOGNITION_MODEL_NAME = 'dlib_face_recognition_resnet_model_v1';

/** Serialises calls: the engine's buffers are shared between runs. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

const isRgbaImage = (frame: FrameSource): frame is RgbaImage =>
  typeof (frame as RgbaImage).data === 'object' && typeof (frame as RgbaImage).width === 'number' &&
  !(typeof HTMLCanvasElement !== 'undefined' && frame instanceof HTMLCanvasElement);

export class FaceEngine {
  readonly modelId = `${MODEL_SOURCE}/${RECOGNITION_MODEL_NAME}`;
  readonly vectorLength = RECOGNITION_VECTOR_LENGTH;

  private readonly frame: FrameTexture;
  private frameSize = { width: 0, height: 0 };
  private lastFrame: FrameSource | undefined;
  private preparedGeneration = -1;
  private readonly landmarkInputs = new Map<string, ImageToTensorCall>();
  private readonly chipInputs = new Map<string, SimilarityWarpCall>();
  private readonly cropInputs = new Map<string, ImageToTensorCall>();
  private readonly mutex = new Mutex();
  private disposed = false;

  private constructor(
    readonly context: GpuContext,
    private readonly detection: DetectionStage,
    private readonly landmarkStage: NetStage,
    private readonly recognitionStage: NetStage,
    readonly maxBatch: number,
  ) {
    this.frame = new FrameTexture(context, 'frame');
  }

  static async create(options: FaceEngineOptions = {}): Promise<FaceEngine> {
    const onProgress = options.onProgress ?? (() => undefined);
    // The models load concurrently, so one may still be downloading after another is decoded: the
    // fraction reported never goes back.
    let reached = 0;
    const report = (progress: LoadProgress) => {
      reached = Math.max(reached, progress.fraction);
      onProgress({ ...progress, fraction: reached });
    };
    // A browser without the WebGPU API fails here, before downloading megabytes of weights.
    const gpu = GpuContext.api(options.gpu);
    const totalBytes = modelBytes(MODELS);
    const loadedByFile = new Map<string, number>();
    const source =
      options.source ??
      fetchSource(options.modelBaseUrl ?? '/models/', ({ file, loaded }) => {
        loadedByFile.set(file, loaded);
        let sum = 0;
        for (const bytes of loadedByFile.values()) sum += bytes;
        report({ stage: 'fetch', fraction: 0.7 * Math.min(1, sum / totalBytes), detail: file });
      });
    report({ stage: 'fetch', fraction: 0 });
    // Opening the device and loading the three models overlap: reading, checking and decoding one model
    // runs while another's bytes arrive or are hashed, and the adapter and device requests are
    // asynchronous. A failure of either is reported as it was; the other's result is dropped.
    const loading = Promise.all(
      MODELS.map(async (id) => {
        const weightMap = await loadModelWeights(source, id);
        report({ stage: 'decode', fraction: 0.7, detail: id });
        return [id, weightMap] as const;
      }),
    );
    // Handled below (awaited after the device opens); this keeps an early failure from being reported as
    // an unhandled rejection in the meantime.
    loading.catch(() => undefined);
    const context = await GpuContext.create({ gpu });
    try {
      const weights = new Map<ModelId, WeightMap>(await loading);
      report({ stage: 'upload', fraction: 0.75 });
      const uploaded = await context.checked('upload weights', () => {
        const detection = DetectionStage.upload(context, weights.get('ssd_mobilenetv1')!, options.detector);
        // The detector's first-use GPU work overlaps the other two uploads (see NetStage.prime).
        detection.prime();
        return {
          detection,
          landmarks: uploadLandmarkWeights(context, weights.get('face_landmark_68')!),
          recognition: uploadRecognitionWeights(context, weights.get('face_recognition')!),
        };
      });
      report({ stage: 'compile', fraction: 0.8 });
      const maxBatch = options.maxBatch ?? 8;
      const engine = await context.checked('compile', () => {
        const landmarkStage = new NetStage(context, 'landmarks', (batch) =>
          buildLandmarkRun(context, uploaded.landmarks, batch),
        );
        const recognitionStage = new NetStage(context, 'recognition', (batch) =>
          buildRecognitionRun(context, uploaded.recognition, batch),
        );
        // Batch 1 is what a webcam frame needs; larger batches are built on first use.
        landmarkStage.prime(1);
        recognitionStage.prime(1);
        return new FaceEngine(context, uploaded.detection, landmarkStage, recognitionStage, maxBatch);
      });
      report({ stage: 'warmup', fraction: 0.9 });
      await engine.warmUp();
      report({ stage: 'ready', fraction: 1 });
      return engine;
    } catch (error) {
      context.dispose();
      if (error instanceof ModelLoadError) throw error;
      throw error;
    }
  }

  /**
   * Waits until the weight uploads and the networks' first-use work (NetStage.prime: pipeline compiles,
   * buffer clears) have finished on the GPU. No network is run in full on a dummy frame: that would only
   * add its compute time (seconds for SSD on a software adapter) before the first real result.
   */
  private async warmUp(): Promise<void> {
    await this.context.device.queue.onSubmittedWorkDone();
  }

  describeAdapter(): AdapterDescription {
    return this.context.describeAdapter();
  }

  static distance(a: Float32Array, b: Float32Array): number {
    if (a.length !== b.length) throw new Error(`distance: vectors of length ${a.length} and ${b.length}`);
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
    return Math.sqrt(sum);
  }

  /** Face boxes only (no landmarks), the target (largest, most central) first. */
  detect(frame: FrameSource): Promise<Detection[]> {
    return this.mutex.run(async () => this.detectOrdered(await this.upload(frame)));
  }

  private async detectOrdered(texture: GPUTexture): Promise<Detection[]> {
    const detections = await this.detection.detect(texture);
    const order = targetOrder(detections.map((d) => d.box), texture.width, texture.height);
    return order.map((i) => detections[i]!);
  }

  /** Detects faces and their 68 landmarks; the target (largest, most central) first. */
  analyze(frame: FrameSource, options: AnalyzeOptions = {}): Promise<FaceAnalysis> {
    return this.mutex.run(async () => {
      const texture = await this.upload(frame);
      const ordered = (await this.detectOrdered(texture)).slice(0, this.maxBatch);
      let boxes = ordered.map((d) => d.box);
      let landmarks = boxes.length ? await this.runLandmarks(texture, boxes) : [];
      if (options.refineLandmarks && boxes.length) {
        boxes = landmarks.map((points) => boxFromLandmarks(points));
        landmarks = await this.runLandmarks(texture, boxes);
      }
      const faces: DetectedFace[] = ordered.map((d, i) => ({ box: boxes[i]!, score: d.score, landmarks: landmarks[i]! }));
      return {
        frameWidth: this.frameSize.width,
        frameHeight: this.frameSize.height,
        faces,
        target: faces[0] ?? null,
      };
    });
  }

  /** 68 landmarks for given boxes (face-api's crop of the box, padded centred to a square). */
  landmarksFor(frame: FrameSource, boxes: readonly Box[]): Promise<Float32Array[]> {
    return this.mutex.run(async () => this.runLandmarks(await this.upload(frame), boxes));
  }

  /** The 128-d descriptor of one face. */
  async embed(frame: FrameSource, face: DetectedFace, options: EmbedOptions = {}): Promise<FaceEmbedding> {
    const [vector] = await this.embedMany(frame, [face], options);
    return { vector: vector!, modelId: this.modelId };
  }

  /** Descriptors of several faces of one frame, in batches of up to maxBatch. */
  embedMany(frame: FrameSource, faces: readonly DetectedFace[], options: EmbedOptions = {}): Promise<Float32Array[]> {
    return this.mutex.run(async () => {
      const texture = await this.upload(frame);
      const copies = options.flip ? 2 : 1;
      const perBatch = Math.max(1, Math.floor(this.maxBatch / copies));
      const result: Float32Array[] = [];
      for (let start = 0; start < faces.length; start += perBatch) {
        const chunk = faces.slice(start, start + perBatch);
        const batch = batchSizeFor(chunk.length * copies);
        const prepare = chunk.flatMap((face, i) =>
          Array.from({ length: copies }, (_, copy) =>
            this.recognitionInput(texture, batch, i * copies + copy, face, options.alignment ?? 'dlib-chip', copy === 1),
          ),
        );
        const [output] = (await this.recognitionStage.execute(batch, prepare)) as [Float32Array];
        chunk.forEach((_, i) => {
          const vector = new Float32Array(RECOGNITION_VECTOR_LENGTH);
          for (let copy = 0; copy < copies; copy++) {
            const offset = (i * copies + copy) * RECOGNITION_VECTOR_LENGTH;
            for (let k = 0; k < RECOGNITION_VECTOR_LENGTH; k++) vector[k]! += output[offset + k]! / copies;
          }
          result.push(vector);
        });
      }
      return result;
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.frame.destroy();
    this.detection.destroy();
    this.landmarkStage.destroy();
    this.recognitionStage.destroy();
    this.context.dispose();
  }

  // --- internals -------------------------------------------------------------------------------

  private async upload(frame: FrameSource): Promise<GPUTexture> {
    if (this.disposed) throw new Error('FaceEngine: used after dispose()');
    let texture: GPUTexture;
    if (frame === this.lastFrame && this.frame.current && !isLiveSource(frame)) {
      texture = this.frame.current;
    } else if (isRgbaImage(frame)) {
      if (frame.data.length !== frame.width * frame.height * 4) {
        throw new Error(`FaceEngine: RGBA image of ${frame.width}×${frame.height} has ${frame.data.length} bytes`);
      }
      texture = this.frame.uploadRgba(frame);
    } else {
      texture = this.frame.uploadExternal(await toExternalSource(frame));
    }
    this.lastFrame = frame;
    this.frameSize = { width: texture.width, height: texture.height };
    if (this.preparedGeneration !== this.frame.generation) {
      // Preparation dispatches bind the old texture: rebuild them on the new one.
      this.landmarkInputs.clear();
      this.chipInputs.clear();
      this.cropInputs.clear();
      this.detection.frameChanged();
      this.preparedGeneration = this.frame.generation;
    }
    return texture;
  }

  private async runLandmarks(texture: GPUTexture, boxes: readonly Box[]): Promise<Float32Array[]> {
    const result: Float32Array[] = [];
    for (let start = 0; start < boxes.length; start += this.maxBatch) {
      const chunk = boxes.slice(start, start + this.maxBatch);
      const batch = batchSizeFor(chunk.length);
      const crops = chunk.map((box) => faceApiCrop(box, texture.width, texture.height));
      const prepare = crops.map((crop, slot) => {
        const key = `${batch}:${slot}`;
        const geometry = {
          crop,
          canvas: padToSquare(crop.width, crop.height, 'centred'),
          normalise: NORMALISATIONS.faceApi,
          flip: false,
        };
        let call = this.landmarkInputs.get(key);
        if (call) {
          call.update(geometry);
        } else {
          call = imageToTensor(this.context, texture, {
            ...geometry,
            outH: LANDMARK_INPUT_SIZE,
            outW: LANDMARK_INPUT_SIZE,
            output: this.landmarkStage.at(batch).run.input,
            batchIndex: slot,
            label: `landmark-input[${slot}]`,
          });
          this.landmarkInputs.set(key, call);
        }
        return call.dispatch;
      });
      const [output] = (await this.landmarkStage.execute(batch, prepare)) as [Float32Array];
      crops.forEach((crop, i) => result.push(landmarksToFrame(output.subarray(i * 136, (i + 1) * 136), crop, chunk[i]!)));
    }
    return result;
  }

  private recognitionInput(
    texture: GPUTexture,
    batch: number,
    slot: number,
    face: DetectedFace,
    alignment: 'dlib-chip' | 'face-api-crop',
    flip: boolean,
  ) {
    const key = `${batch}:${slot}`;
    const output = this.recognitionStage.at(batch).run.input;
    if (alignment === 'dlib-chip') {
      const geometry = {
        matrix: getFaceChipDetails(toPoints(face.landmarks), RECOGNITION_INPUT_SIZE, 0.25).matrix,
        normalise: NORMALISATIONS.faceApi,
        flip,
      };
      let call = this.chipInputs.get(key);
      if (call) {
        call.update(geometry);
      } else {
        call = similarityWarp(this.context, texture, {
          ...geometry,
          outH: RECOGNITION_INPUT_SIZE,
          outW: RECOGNITION_INPUT_SIZE,
          output,
          batchIndex: slot,
          label: `chip[${slot}]`,
        });
        this.chipInputs.set(key, call);
      }
      return call.dispatch;
    }
    const crop = faceApiCrop(faceApiAlignedBox(face.landmarks, texture.width, texture.height), texture.width, texture.height);
    const geometry = { crop, canvas: padToSquare(crop.width, crop.height, 'centred'), normalise: NORMALISATIONS.faceApi, flip };
    let call = this.cropInputs.get(key);
    if (call) {
      call.update(geometry);
    } else {
      call = imageToTensor(this.context, texture, {
        ...geometry,
        outH: RECOGNITION_INPUT_SIZE,
        outW: RECOGNITION_INPUT_SIZE,
        output,
        batchIndex: slot,
        label: `crop[${slot}]`,
      });
      this.cropInputs.set(key, call);
    }
    return call.dispatch;
  }
}

// --- geometry (pure; exported for tests) ---------------------------------------------------------

/** Batch sizes that get their own compiled run: 1, 2, 4, 8, 16, 32. */
export function batchSizeFor(count: number): number {
  let batch = 1;
  while (batch < count) batch *= 2;
  return batch;
}

/** face-api's Box.clipAtImageBorders(...).floor(): the integer crop a detector box gives. */
export function faceApiCrop(box: Box, frameWidth: number, frameHeight: number): PixelRect {
  const x = Math.max(box.x, 0);
  const y = Math.max(box.y, 0);
  const width = Math.min(box.x + box.width - x, frameWidth - x);
  const height = Math.min(box.y + box.height - y, frameHeight - y);
  return {
    x: Math.floor(x),
    y: Math.floor(y),
    width: Math.max(1, Math.floor(width)),
    height: Math.max(1, Math.floor(height)),
  };
}

/**
 * Landmark-net output ([0,1] of the centred square around the crop) → frame pixels, as face-api maps
 * it: scaled by the integer crop's size but shifted by the detector box's unrounded origin.
 */
export function landmarksToFrame(output: ArrayLike<number>, crop: PixelRect, origin: { x: number; y: number }): Float32Array {
  const side = Math.max(crop.width, crop.height);
  const padX = crop.width < crop.height ? (crop.height - crop.width) / 2 : 0;
  const padY = crop.height < crop.width ? (crop.width - crop.height) / 2 : 0;
  const points = new Float32Array(2 * LANDMARK_COUNT);
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    points[2 * i] = origin.x + output[2 * i]! * side - padX;
    points[2 * i + 1] = origin.y + output[2 * i + 1]! * side - padY;
  }
  return points;
}

export function toPoints(landmarks: Float32Array): Point[] {
  return Array.from({ length: landmarks.length / 2 }, (_, i) => [landmarks[2 * i]!, landmarks[2 * i + 1]!] as const);
}

/** face-api's FaceLandmarks.align(null, {useDlibAlignment: true}): the box its descriptors crop. */
export function faceApiAlignedBox(landmarks: Float32Array, frameWidth: number, frameHeight: number): Box {
  const centre = (from: number, to: number): Point => {
    let x = 0;
    let y = 0;
    for (let i = from; i <= to; i++) {
      x += landmarks[2 * i]!;
      y += landmarks[2 * i + 1]!;
    }
    return [x / (to - from + 1), y / (to - from + 1)];
  };
  const leftEye = centre(36, 41);
  const rightEye = centre(42, 47);
  const mouth = centre(48, 67);
  const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const eyeToMouth = (dist(mouth, leftEye) + dist(mouth, rightEye)) / 2;
  const size = Math.floor(eyeToMouth / 0.45);
  const ref: Point = [(leftEye[0] + rightEye[0] + mouth[0]) / 3, (leftEye[1] + rightEye[1] + mouth[1]) / 3];
  const x = Math.floor(Math.max(0, ref[0] - 0.5 * size));
  const y = Math.floor(Math.max(0, ref[1] - 0.43 * size));
  return { x, y, width: Math.min(size, frameWidth + x), height: Math.min(size, frameHeight + y) };
}

/**
 * Which face a person means, best first: faces that contain the frame centre come first (LFW's
 * convention, and a webcam user sits in the middle), the larger the better; then the others by size
 * discounted by their distance from the centre.
 */
export function targetOrder(boxes: readonly Box[], frameWidth: number, frameHeight: number): number[] {
  const cx = frameWidth / 2;
  const cy = frameHeight / 2;
  const diagonal = Math.hypot(frameWidth, frameHeight) / 2;
  const rank = (b: Box) => {
    const containsCentre = boxContains(b, cx, cy);
    const distance = Math.hypot(b.x + b.width / 2 - cx, b.y + b.height / 2 - cy) / diagonal;
    return (containsCentre ? 1 : 0) * 1e12 + b.width * b.height * (1 - Math.min(1, distance)) ** 2;
  };
  return boxes.map((b, i) => [rank(b), i] as const).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
}

// --- browser frame sources -------------------------------------------------------------------------

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
