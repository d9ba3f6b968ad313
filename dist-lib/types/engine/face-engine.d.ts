import { EngineError } from './errors';
import type { Box, DetectedFace, FaceAnalysis, FaceEmbedding, FrameSource, LoadProgress } from './face-engine-types';
import { GpuContext, type AdapterDescription, type GpuResourceCount } from './gpu-context';
import { type DetectorId, type EmbeddingNetworkId, type LandmarkNetworkId } from './networks/registry';
import type { Detection } from './nets/detection';
import type { DetectorOptions } from './stages/detection-stage';
import type { EmbedOptions } from './stages/embedding-stage';
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
    networks?: {
        detector?: DetectorId;
        landmarks?: LandmarkNetworkId;
        embedding?: EmbeddingNetworkId;
    };
    detector?: Partial<DetectorOptions>;
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
export type EngineStatus = {
    state: 'recovering';
} | {
    state: 'recovered';
} | {
    state: 'failed';
    error: EngineError;
};
/** A second device loss within this time of the last one is taken as a GPU that will not hold. */
export declare const RECOVERY_WINDOW_MS = 60000;
/**
 * The share of the load progress bar each stage has reached when it starts. Downloads fill most of the
 * bar (0 → FETCHED): on a first visit they are most of the wait.
 */
export declare const LOAD_PROGRESS: {
    readonly fetched: 0.7;
    readonly uploading: 0.75;
    readonly compiling: 0.8;
    readonly warmingUp: 0.9;
    readonly ready: 1;
};
export declare class FaceEngine {
    readonly context: GpuContext;
    private stages;
    private readonly networks;
    /** The model files as loaded, kept to rebuild after a device loss without downloading again. */
    private readonly keptFiles;
    private readonly stageOptions;
    /** The embedding network's model id, stored with every embedding. */
    readonly modelId: string;
    readonly vectorLength: number;
    private readonly mutex;
    private readonly listeners;
    /** Pending while the engine rebuilds after a device loss; rejects when it cannot. */
    private recovery;
    private failure;
    private lastLossAt;
    private disposed;
    private constructor();
    private readonly uploaders;
    static create(options?: FaceEngineOptions): Promise<FaceEngine>;
    /**
     * Calls `listener` with every status change (see EngineStatus) until the returned function is called.
     * An engine that was never lost never calls it.
     */
    onStatus(listener: (status: EngineStatus) => void): () => void;
    describeAdapter(): AdapterDescription;
    /** GPU buffers, bytes and textures alive on the current device, and pipelines compiled on it (leak checks). */
    gpuResources(): GpuResourceCount & {
        pipelines: number;
    };
    /** Face boxes only (no landmarks), the target (largest, most central) first. */
    detect(frame: FrameSource): Promise<Detection[]>;
    /** Detects faces and their landmarks; the target (largest, most central) first. */
    analyze(frame: FrameSource, options?: AnalyzeOptions): Promise<FaceAnalysis>;
    /** Landmarks for given boxes (face-api's crop of the box, padded centred to a square). */
    landmarksFor(frame: FrameSource, boxes: readonly Box[]): Promise<Float32Array[]>;
    /** The descriptor of one face, tagged with the model that made it. */
    embed(frame: FrameSource, face: DetectedFace, options?: EmbedOptions): Promise<FaceEmbedding>;
    /** Descriptors of several faces of one frame, in batches of up to maxBatch. */
    embedMany(frame: FrameSource, faces: readonly DetectedFace[], options?: EmbedOptions): Promise<Float32Array[]>;
    /**
     * Destroys the GPU device as a driver reset or a GPU process crash would; the engine then recovers
     * as from a real loss. For tests and soak runs.
     */
    simulateDeviceLoss(): void;
    dispose(): void;
    /**
     * Runs `task` on the current stages, after any recovery in progress. When the device is lost under
     * it, it runs once more on the rebuilt stages.
     */
    private call;
    /** The stages to run on: waits for a recovery, throws when the engine failed or was disposed. */
    private ready;
    /** Whether the device `stages` run on was lost (now, or within LOSS_NOTICE_MS). */
    private wasLost;
    private warmUp;
    private emit;
    /** GpuContext's onDeviceLost: recover, unless the last loss was too recent. */
    private deviceLost;
    private finishRecovery;
    /** GpuContext's onDeviceRecreated: the same networks, rebuilt on the new device. */
    private rebuild;
    /** The engine cannot go on: every later call rejects with `error`. */
    private fail;
    private settle;
}
