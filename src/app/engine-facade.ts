// The app's only door to the face engine. Components get a FaceService from here and never import
// src/engine themselves. The engine module is loaded on demand, after the WebGPU check, so a browser
// without WebGPU never downloads it or the models.
import type {
  AdapterDescription,
  DetectedFace,
  DetectorId,
  FaceEngineOptions,
  EngineStatus,
  FaceAnalysis,
  FaceEmbedding,
  FaceEngine,
  FaceTracker,
  GpuResourceCount,
  LoadProgress,
} from '../engine/index';

export type {
  Box,
  DetectedFace,
  EngineStatus,
  FaceAnalysis,
  FaceEmbedding,
  FaceTracker,
  LoadProgress,
  LoadStage,
} from '../engine/index';

/**
 * How the app runs the engine: named as the LFW tool names its variants (tools/lfw/variants.ts), which
 * is what a calibration file's threshold holds for (src/calibration/; a test checks that they agree).
 */
export interface Pipeline {
  /** The LFW variant: detector, views, face choice, landmark passes, alignment, flip. */
  id: string;
  /** What it does, in a few words for Settings. */
  summary: string;
  detector: DetectorId;
  /** Average the descriptors of the chip and its mirror image (two passes of the embedding net). */
  flip: boolean;
  /**
   * Follow a single face from frame to frame with the landmark net (FrameChecker), detecting only every
   * REDETECT_INTERVAL_MS or when the track is lost, instead of detecting on every frame.
   */
  track: boolean;
}

export const PIPELINES = {
  /**
   * Where WebGPU runs on a graphics processor: SSD MobileNet with adaptive views, the central face, a
   * second landmark pass, the dlib chip, chip and mirror image averaged, a detection on every frame.
   */
  gpu: {
    id: 'as-centre-refine-chip-flip',
    summary: 'Full: SSD MobileNet on every frame, the face and its mirror image embedded',
    detector: 'ssd_mobilenetv1',
    flip: true,
    track: false,
  },
  /**
   * Where WebGPU runs on the processor, where SSD alone took 4-7 s a frame in Chromium: the tiny face
   * detector and tracking between detections (bench/results/browser-*.md). The mirror image stays: on
   * LFW it is worth 0.35 points of accuracy and 1.8 of TAR at FAR 1e-3 for 0.4 s a descriptor here
   * (results/lfw-software-2026-11-29.md).
   */
  software: {
    id: 'tiny-as-centre-refine-chip-flip',
    summary:
      'Light, for processors: the tiny face detector, the face followed between detections, the face and its mirror image embedded',
    detector: 'tiny_face_detector',
    flip: true,
    track: true,
  },
} as const satisfies Record<string, Pipeline>;

/**
 * FaceEngineOptions.forAdapter for the app's pipelines: the software pipeline's detector where the
 * adapter renders on the processor, the GPU pipeline's elsewhere; or `pipeline`'s whatever the adapter.
 */
export const pipelineNetworks =
  (pipeline?: keyof typeof PIPELINES) =>
  ({ software }: AdapterDescription): Pick<FaceEngineOptions, 'networks'> => ({
    networks: { detector: PIPELINES[pipeline ?? (software ? 'software' : 'gpu')].detector },
  });

/** The pipeline for an engine: the software one when the engine runs its detector. */
export const pipelineFor = (detector: DetectorId): Pipeline =>
  detector === PIPELINES.software.detector ? PIPELINES.software : PIPELINES.gpu;

const ANALYZE_OPTIONS = { refineLandmarks: true } as const;

/** Face detection, landmarks and embeddings for camera frames, on the GPU. */
export class FaceService {
  /**
   * The service around an engine: the app's (FaceService.load) or a page's own (the packaged elements).
   * The engine module's FaceTracker comes from the caller, so that this module never loads the engine.
   */
  constructor(
    private readonly engine: FaceEngine,
    private readonly Tracker: typeof FaceTracker,
  ) {
    this.pipeline = pipelineFor(engine.detectorId);
  }

  /** How this service runs the engine; its id names the calibration that holds. */
  readonly pipeline: Pipeline;

  /**
   * Loads the engine and its models from this app's own origin. Rejects with an engine error whose
   * `code` describeEngineError (messages.ts) turns into words.
   */
  static async load(
    onProgress?: (progress: LoadProgress) => void,
    /** The pipeline whatever the adapter (benchmarks compare them); by default the adapter's own. */
    pipeline?: keyof typeof PIPELINES,
  ): Promise<FaceService> {
    const { FaceEngine, FaceTracker } = await import('../engine/index');
    const engine = await FaceEngine.create({
      modelBaseUrl: `${import.meta.env.BASE_URL}models/`,
      onProgress,
      detector: { views: 'adaptive' },
      forAdapter: pipelineNetworks(pipeline),
    });
    return new FaceService(engine, FaceTracker);
  }

  /** Identifies the model; embeddings from different models are never compared. */
  get modelId(): string {
    return this.engine.modelId;
  }

  get vectorLength(): number {
    return this.engine.vectorLength;
  }

  /** WebGPU runs on the CPU here (no graphics acceleration): each check takes seconds, not milliseconds. */
  get runsInSoftware(): boolean {
    return this.engine.describeAdapter().software;
  }

  /** Every face in the frame, with 68 landmarks each; `target` is the one a person means. */
  analyze(frame: ImageBitmap): Promise<FaceAnalysis> {
    return this.engine.analyze(frame, ANALYZE_OPTIONS);
  }

  /** The embedding of `face` (found in this same frame by analyze), tagged with its model. */
  embed(frame: ImageBitmap, face: DetectedFace): Promise<FaceEmbedding> {
    return this.engine.embed(frame, face, { alignment: 'dlib-chip', flip: this.pipeline.flip });
  }

  /**
   * The engine's life after loading (FaceEngine.onStatus): 'recovering' while it rebuilds after a GPU
   * device loss (calls wait, and the one interrupted is retried), 'recovered', or 'failed' with an error
   * for describeEngineError (every later call rejects with it). Returns the function that stops it.
   */
  onStatus(listener: (status: EngineStatus) => void): () => void {
    return this.engine.onStatus(listener);
  }

  /** GPU buffers, bytes, textures and pipelines alive on the current device (leak checks). */
  gpuResources(): GpuResourceCount & { pipelines: number } {
    return this.engine.gpuResources();
  }

  /** Destroys the GPU device as a driver reset would (FaceEngine.simulateDeviceLoss); for test-hooks.ts only. */
  simulateDeviceLoss(): void {
    this.engine.simulateDeviceLoss();
  }

  /** Follows one face from frame to frame with the landmark net alone (the liveness challenge). */
  createTracker(): FaceTracker {
    return new this.Tracker(this.engine);
  }

  dispose(): void {
    this.engine.dispose();
  }
}

/** False where the browser has no WebGPU at all; the engine need not be loaded to know. */
export function hasWebGpuApi(): boolean {
  return typeof navigator !== 'undefined' && 'gpu' in navigator && Boolean(navigator.gpu);
}
