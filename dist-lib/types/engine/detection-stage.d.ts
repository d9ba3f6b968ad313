import type { GpuContext } from './gpu-context';
import { type Detection } from './nets/detection';
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
export declare const DEFAULT_DETECTOR_OPTIONS: DetectorOptions;
export declare class DetectionStage {
    private readonly context;
    private readonly weights;
    readonly options: DetectorOptions;
    private readonly stage;
    /** Input dispatches by batch size and slot (slot 0 of batch 1 serves either view in 'adaptive'). */
    private readonly inputs;
    private constructor();
    /** The batch one detection runs: 2 when both views go through SSD at once. */
    private get batchForViews();
    /** Queues the detector's first-use GPU work (NetStage.prime) and returns at once. */
    prime(): void;
    static upload(context: GpuContext, weights: WeightMap, options?: Partial<DetectorOptions>): DetectionStage;
    /** The frame texture was recreated: the input dispatches bound to the old one must go. */
    frameChanged(): void;
    detect(frame: GPUTexture): Promise<Detection[]>;
    /** SSD on the given views of the frame as one batch; detections in frame pixels, view by view. */
    private run;
    /** Non-max suppression across views. */
    private merge;
    destroy(): void;
}
