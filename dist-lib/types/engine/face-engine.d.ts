import { type Point } from './alignment';
import { type Box, type DetectedFace, type FaceAnalysis, type FaceEmbedding, type FrameSource, type LoadProgress } from './face-engine-types';
import { GpuContext, type AdapterDescription } from './gpu-context';
import { type PixelRect } from './kernels/image-to-tensor';
import { type DetectorOptions } from './detection-stage';
import { type Detection } from './nets/detection';
import { type ModelFileSource } from './weights/manifest';
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
export declare class FaceEngine {
    readonly context: GpuContext;
    private readonly detection;
    private readonly landmarkStage;
    private readonly recognitionStage;
    readonly maxBatch: number;
    readonly modelId: string;
    readonly vectorLength = 128;
    private readonly frame;
    private frameSize;
    private lastFrame;
    private preparedGeneration;
    private readonly landmarkInputs;
    private readonly chipInputs;
    private readonly cropInputs;
    private readonly mutex;
    private disposed;
    private constructor();
    static create(options?: FaceEngineOptions): Promise<FaceEngine>;
    /**
     * Waits until the weight uploads and the networks' first-use work (NetStage.prime: pipeline compiles,
     * buffer clears) have finished on the GPU. No network is run in full on a dummy frame: that would only
     * add its compute time (seconds for SSD on a software adapter) before the first real result.
     */
    private warmUp;
    describeAdapter(): AdapterDescription;
    static distance(a: Float32Array, b: Float32Array): number;
    /** Face boxes only (no landmarks), the target (largest, most central) first. */
    detect(frame: FrameSource): Promise<Detection[]>;
    private detectOrdered;
    /** Detects faces and their 68 landmarks; the target (largest, most central) first. */
    analyze(frame: FrameSource, options?: AnalyzeOptions): Promise<FaceAnalysis>;
    /** 68 landmarks for given boxes (face-api's crop of the box, padded centred to a square). */
    landmarksFor(frame: FrameSource, boxes: readonly Box[]): Promise<Float32Array[]>;
    /** The 128-d descriptor of one face. */
    embed(frame: FrameSource, face: DetectedFace, options?: EmbedOptions): Promise<FaceEmbedding>;
    /** Descriptors of several faces of one frame, in batches of up to maxBatch. */
    embedMany(frame: FrameSource, faces: readonly DetectedFace[], options?: EmbedOptions): Promise<Float32Array[]>;
    dispose(): void;
    private upload;
    private runLandmarks;
    private recognitionInput;
}
/** Batch sizes that get their own compiled run: 1, 2, 4, 8, 16, 32. */
export declare function batchSizeFor(count: number): number;
/** face-api's Box.clipAtImageBorders(...).floor(): the integer crop a detector box gives. */
export declare function faceApiCrop(box: Box, frameWidth: number, frameHeight: number): PixelRect;
/**
 * Landmark-net output ([0,1] of the centred square around the crop) → frame pixels, as face-api maps
 * it: scaled by the integer crop's size but shifted by the detector box's unrounded origin.
 */
export declare function landmarksToFrame(output: ArrayLike<number>, crop: PixelRect, origin: {
    x: number;
    y: number;
}): Float32Array;
export declare function toPoints(landmarks: Float32Array): Point[];
/** face-api's FaceLandmarks.align(null, {useDlibAlignment: true}): the box its descriptors crop. */
export declare function faceApiAlignedBox(landmarks: Float32Array, frameWidth: number, frameHeight: number): Box;
/**
 * Which face a person means, best first: faces that contain the frame centre come first (LFW's
 * convention, and a webcam user sits in the middle), the larger the better; then the others by size
 * discounted by their distance from the centre.
 */
export declare function targetOrder(boxes: readonly Box[], frameWidth: number, frameHeight: number): number[];
