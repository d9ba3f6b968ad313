// FaceEngine: the facade everything above the engine uses. It loads the networks (fetch → decode →
// upload → compile → warm-up), serialises calls, and rebuilds itself when the GPU device is lost; the
// work itself is done by the stages (stages/), which it holds in one FaceStages per device.
import { DeviceLostError, EngineDisposedError, EngineError, GpuError } from './errors';
import type { Box, DetectedFace, FaceAnalysis, FaceEmbedding, FrameSource, LoadProgress } from './face-engine-types';
import { boxFromLandmarks } from './landmark-box';
import { GpuContext, type AdapterDescription, type GpuResourceCount } from './gpu-context';
import {
  DEFAULT_NETWORKS,
  detectorNetwork,
  embeddingNetwork,
  landmarkNetwork,
  type DetectorId,
  type EmbeddingNetworkId,
  type LandmarkNetworkId,
} from './networks/registry';
import type { Detection } from './nets/detection';
import type { DetectorOptions } from './stages/detection-stage';
import type { EmbedOptions } from './stages/embedding-stage';
import { FaceStages, type LoadedNetworks, type StageNetworks } from './stages/face-stages';
import { keepingSource, loadNetworks, loadWeightMaps } from './load-networks';
import { fetchSource } from './weights/fetch-source';
import type { ModelFileSource } from './weights/manifest';

export type { EmbedOptions } from './stages/embedding-stage';

export interface FaceEngineOptions {
  /** Where the model files are served (browser), e.g. '/models/'. */
  modelBaseUrl?: string;
  /** Or any source of model files (Node: nodeFileSource(dir)). */
  source?: ModelFileSource;
  onProgress?: (progress: LoadProgress) => void;
  /** navigator.gpu by default. */
  gpu?: GPU;
  /** Which registered network does each job (src/engine/networks/registry.ts); DEFAULT_NETWORKS otherwise. */
  networks?: { detector?: DetectorId; landmarks?: LandmarkNetworkId; embedding?: EmbeddingNetworkId };
  detector?: Partial<DetectorOptions>;
  /**
   * Chooses networks and detector options once the adapter is known, over `networks` and `detector`:
   * e.g. a lighter detector where WebGPU renders on the CPU. The device opens before any model loads.
   */
  forAdapter?: (adapter: AdapterDescription) => Pick<FaceEngineOptions, 'networks' | 'detector'>;
  /** Largest batch `embedMany` and `landmarksFor` run at once (default 8). */
  maxBatch?: number;
}

export interface AnalyzeOptions {
  /**
   * A second landmark pass on the box the first landmarks imply (landmark-box.ts), which frames the face
   * the way the landmark net expects whatever box the detector gave; the face's box becomes that box.
   */
  refineLandmarks?: boolean;
}

/**
 * What the engine says about itself after it was created (engine.onStatus):
 * - 'recovering': the GPU device was lost; the engine is opening a new one and rebuilding on it. Calls
 *   made meanwhile wait; the call that was running when the device went is retried once.
 * - 'recovered': the engine works again, with the same results as before.
 * - 'failed': the engine cannot go on (`error.code`: 'device-lost' when the device was lost again within
 *   RECOVERY_WINDOW_MS of the last loss, 'device-failed' when no new device could be opened, or the
 *   code of what failed while rebuilding). Every later call rejects with `error`; reloading the page
 *   is the way out.
 */
export type EngineStatus = { state: 'recovering' } | { state: 'recovered' } | { state: 'failed'; error: EngineError };

/** A second device loss within this time of the last one is taken as a GPU that will not hold. */
export const RECOVERY_WINDOW_MS = 60_000;

/**
 * The share of the load progress bar each stage has reached when it starts. Downloads fill most of the
 * bar (0 → FETCHED): on a first visit they are most of the wait.
 */
export const LOAD_PROGRESS = { fetched: 0.7, uploading: 0.75, compiling: 0.8, warmingUp: 0.9, ready: 1 } as const;

/** How long a failed call waits to learn whether its device was lost before it reports the failure. */
const LOSS_NOTICE_MS = 1_000;

const DEFAULT_MAX_BATCH = 8;

/** Serialises calls: the engine's buffers are shared between runs. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export class FaceEngine {
  /** The embedding network's model id, stored with every embedding. */
  readonly modelId: string;
  readonly vectorLength: number;
  /** The detector network this engine runs (chosen at creation, see FaceEngineOptions.forAdapter). */
  readonly detectorId: DetectorId;

  private readonly mutex = new Mutex();
  private readonly listeners = new Set<(status: EngineStatus) => void>();
  /** Pending while the engine rebuilds after a device loss; rejects when it cannot. */
  private recovery: Promise<void> | undefined;
  private failure: EngineError | undefined;
  private lastLossAt = -Infinity;
  private disposed = false;

  private constructor(
    readonly context: GpuContext,
    private stages: FaceStages,
    private readonly networks: StageNetworks,
    /** The networks' code and weights: freed after the first build, reloaded from `keptFiles` to rebuild. */
    loaded: LoadedNetworks,
    /** The model files as loaded, kept to rebuild after a device loss without downloading again. */
    private readonly keptFiles: ModelFileSource,
    private readonly stageOptions: { detector: Partial<DetectorOptions>; maxBatch: number },
  ) {
    this.modelId = networks.embedding.modelId;
    this.vectorLength = networks.embedding.vectorLength;
    this.detectorId = networks.detector.id as DetectorId;
    this.uploaders = loaded.uploaders;
  }

  private readonly uploaders: LoadedNetworks['uploaders'];

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
    // The loss handlers need the engine, which needs the context: they reach it through this holder.
    let engine: FaceEngine | undefined;
    // The device opens first: which networks to load may depend on the adapter (forAdapter).
    const context = await GpuContext.create({
      gpu,
      onDeviceLost: () => engine?.deviceLost() ?? 'give-up',
      onDeviceRecreated: () => void engine?.rebuild(),
      onDeviceUnrecoverable: (error) => engine?.fail(error),
    });
    try {
      const chosen = options.forAdapter?.(context.describeAdapter()) ?? {};
      const chosenNetworks = { ...options.networks, ...chosen.networks };
      const networks: StageNetworks = {
        detector: detectorNetwork(chosenNetworks.detector ?? DEFAULT_NETWORKS.detector),
        landmarks: landmarkNetwork(chosenNetworks.landmarks ?? DEFAULT_NETWORKS.landmarks),
        embedding: embeddingNetwork(chosenNetworks.embedding ?? DEFAULT_NETWORKS.embedding),
      };
      const files = Object.values(networks).flatMap(({ files: { manifest, shards } }) => [manifest, ...shards]);
      const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
      const loadedByFile = new Map<string, number>();
      const { reader, kept } = keepingSource(
        options.source ??
          fetchSource(options.modelBaseUrl ?? '/models/', ({ file, loaded }) => {
            loadedByFile.set(file, loaded);
            let sum = 0;
            for (const bytes of loadedByFile.values()) sum += bytes;
            report({ stage: 'fetch', fraction: LOAD_PROGRESS.fetched * Math.min(1, sum / totalBytes), detail: file });
          }),
      );
      report({ stage: 'fetch', fraction: 0 });
      // Reading, checking and decoding one model runs while another's bytes arrive or are hashed.
      const loaded = await loadNetworks(reader, networks, (id) =>
        report({ stage: 'decode', fraction: LOAD_PROGRESS.fetched, detail: id }),
      );
      const stageOptions = {
        detector: { ...options.detector, ...chosen.detector },
        maxBatch: options.maxBatch ?? DEFAULT_MAX_BATCH,
      };
      report({ stage: 'upload', fraction: LOAD_PROGRESS.uploading });
      const stages = await context.checked('upload weights', () =>
        FaceStages.upload(context, networks, loaded, stageOptions),
      );
      report({ stage: 'compile', fraction: LOAD_PROGRESS.compiling });
      await context.checked('compile', () => stages.prime());
      engine = new FaceEngine(context, stages, networks, loaded, kept, stageOptions);
      report({ stage: 'warmup', fraction: LOAD_PROGRESS.warmingUp });
      await engine.warmUp();
      report({ stage: 'ready', fraction: LOAD_PROGRESS.ready });
      return engine;
    } catch (error) {
      context.dispose();
      throw error;
    }
  }

  /**
   * Calls `listener` with every status change (see EngineStatus) until the returned function is called.
   * An engine that was never lost never calls it.
   */
  onStatus(listener: (status: EngineStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  describeAdapter(): AdapterDescription {
    return this.context.describeAdapter();
  }

  /** GPU buffers, bytes and textures alive on the current device, and pipelines compiled on it (leak checks). */
  gpuResources(): GpuResourceCount & { pipelines: number } {
    return { ...this.context.resources, pipelines: this.context.pipelineCount };
  }

  /** Face boxes only (no landmarks), the target (largest, most central) first. */
  detect(frame: FrameSource): Promise<Detection[]> {
    return this.call(async (stages) => stages.detect(await stages.upload(frame)));
  }

  /** Detects faces and their landmarks; the target (largest, most central) first. */
  analyze(frame: FrameSource, options: AnalyzeOptions = {}): Promise<FaceAnalysis> {
    return this.call(async (stages) => {
      const texture = await stages.upload(frame);
      const ordered = (await stages.detect(texture)).slice(0, this.stageOptions.maxBatch);
      let boxes = ordered.map((d) => d.box);
      let landmarks = boxes.length ? await stages.landmarksFor(texture, boxes) : [];
      if (options.refineLandmarks && boxes.length) {
        boxes = landmarks.map((points) => boxFromLandmarks(points));
        landmarks = await stages.landmarksFor(texture, boxes);
      }
      const faces: DetectedFace[] = ordered.map((d, i) => ({
        box: boxes[i]!,
        score: d.score,
        landmarks: landmarks[i]!,
      }));
      return { frameWidth: texture.width, frameHeight: texture.height, faces, target: faces[0] ?? null };
    });
  }

  /** Landmarks for given boxes (face-api's crop of the box, padded centred to a square). */
  landmarksFor(frame: FrameSource, boxes: readonly Box[]): Promise<Float32Array[]> {
    return this.call(async (stages) => stages.landmarksFor(await stages.upload(frame), boxes));
  }

  /** The descriptor of one face, tagged with the model that made it. */
  async embed(frame: FrameSource, face: DetectedFace, options: EmbedOptions = {}): Promise<FaceEmbedding> {
    const [vector] = await this.embedMany(frame, [face], options);
    return { vector: vector!, modelId: this.modelId };
  }

  /** Descriptors of several faces of one frame, in batches of up to maxBatch. */
  embedMany(frame: FrameSource, faces: readonly DetectedFace[], options: EmbedOptions = {}): Promise<Float32Array[]> {
    return this.call(async (stages) => stages.embed(await stages.upload(frame), faces, options));
  }

  /**
   * Destroys the GPU device as a driver reset or a GPU process crash would; the engine then recovers
   * as from a real loss. For tests and soak runs.
   */
  simulateDeviceLoss(): void {
    this.context.loseDevice();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stages.destroy();
    this.context.dispose();
    this.listeners.clear();
  }

  // --- internals -------------------------------------------------------------------------------

  /**
   * Runs `task` on the current stages, after any recovery in progress. When the device is lost under
   * it, it runs once more on the rebuilt stages.
   */
  private call<T>(task: (stages: FaceStages) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      const stages = await this.ready();
      try {
        return await task(stages);
      } catch (error) {
        // The engine's own errors (a bad frame, ...) are not what a lost device looks like.
        if (error instanceof EngineError || !(await this.wasLost(stages))) throw error;
        return task(await this.ready());
      }
    });
  }

  /** The stages to run on: waits for a recovery, throws when the engine failed or was disposed. */
  private async ready(): Promise<FaceStages> {
    if (this.disposed) throw new EngineDisposedError();
    await this.recovery;
    if (this.failure) throw this.failure;
    return this.stages;
  }

  /** Whether the device `stages` run on was lost (now, or within LOSS_NOTICE_MS). */
  private async wasLost(stages: FaceStages): Promise<boolean> {
    if (stages !== this.stages || this.recovery) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const lost = await Promise.race([
      stages.device.lost.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), LOSS_NOTICE_MS))),
    ]);
    clearTimeout(timer);
    return lost;
  }

  private async warmUp(): Promise<void> {
    // The weight uploads and the first-use work primed on the GPU (FaceStages.upload/prime). No network
    // runs in full on a dummy frame: that would only add its compute time before the first real result.
    await this.context.device.queue.onSubmittedWorkDone();
  }

  private emit(status: EngineStatus): void {
    for (const listener of this.listeners) listener(status);
  }

  /** GpuContext's onDeviceLost: recover, unless the last loss was too recent. */
  private deviceLost(): 'reopen' | 'give-up' {
    if (this.disposed) return 'give-up';
    const now = Date.now();
    const tooSoon = now - this.lastLossAt < RECOVERY_WINDOW_MS;
    this.lastLossAt = now;
    if (tooSoon) {
      this.fail(new DeviceLostError(`The GPU device was lost twice within ${RECOVERY_WINDOW_MS / 1000} s.`));
      return 'give-up';
    }
    this.recovery = new Promise<void>((resolve) => (this.finishRecovery = resolve));
    this.emit({ state: 'recovering' });
    return 'reopen';
  }

  private finishRecovery: (() => void) | undefined;

  /** GpuContext's onDeviceRecreated: the same networks, rebuilt on the new device. */
  private async rebuild(): Promise<void> {
    try {
      this.stages.destroy();
      const weights = await loadWeightMaps(this.keptFiles, this.networks);
      const loaded = { uploaders: this.uploaders, weights };
      const stages = await this.context.checked('rebuild', () =>
        FaceStages.upload(this.context, this.networks, loaded, this.stageOptions),
      );
      await this.context.checked('rebuild', () => stages.prime());
      await this.context.device.queue.onSubmittedWorkDone();
      if (this.disposed) {
        stages.destroy();
        return;
      }
      this.stages = stages;
      this.settle();
      this.emit({ state: 'recovered' });
    } catch (error) {
      this.fail(
        error instanceof EngineError
          ? error
          : new GpuError('gpu-validation', `Rebuilding after a device loss failed: ${String(error)}`),
      );
    }
  }

  /** The engine cannot go on: every later call rejects with `error`. */
  private fail(error: EngineError): void {
    if (this.failure) return;
    this.failure = error;
    this.settle();
    this.emit({ state: 'failed', error });
  }

  private settle(): void {
    this.finishRecovery?.();
    this.finishRecovery = undefined;
    this.recovery = undefined;
  }
}
