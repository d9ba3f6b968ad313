import type { GpuContext } from '../gpu-context';
import { type Tensor } from '../tensor';
import { type KernelCall, type UniformField } from './dispatch';
/** An integer pixel rectangle of the frame; it may reach outside the frame (those pixels read 0). */
export interface PixelRect {
    x: number;
    y: number;
    width: number;
    height: number;
}
/** The zero canvas the crop is placed on: its size and where the crop's top-left corner lands. */
export interface CanvasPlacement {
    width: number;
    height: number;
    padLeft: number;
    padTop: number;
}
export type Channels = readonly [number, number, number];
/** out = (v - mean) * scale per RGB channel, v in 0..255. */
export interface Normalisation {
    mean: number | Channels;
    scale: number | Channels;
}
/** The preprocessing of the models in docs/model-map.md table 1a. */
export declare const NORMALISATIONS: {
    /** face_recognition_model and face_landmark_68: (RGB - mean) / 255. */
    readonly faceApi: {
        readonly mean: readonly [122.782, 117.001, 104.298];
        readonly scale: number;
    };
    /** tiny_face_detector: (RGB - mean) / 255. */
    readonly tinyFaceDetector: {
        readonly mean: readonly [117.001, 114.697, 97.404];
        readonly scale: number;
    };
    /** ssd_mobilenetv1: x / 127.5 - 1. */
    readonly ssdMobilenet: {
        readonly mean: 127.5;
        readonly scale: number;
    };
    /** Byte values unchanged (0..255). */
    readonly raw: {
        readonly mean: 0;
        readonly scale: 1;
    };
};
export declare const channels: (value: number | Channels) => Channels;
/**
 * Where a width x height crop sits on the square canvas face-api's padToSquare builds: 'bottom-right'
 * appends all the padding (detectors), 'centred' appends round(diff/2) and prepends the rest
 * (landmark and recognition nets).
 */
export declare function padToSquare(width: number, height: number, mode: 'centred' | 'bottom-right'): CanvasPlacement;
export interface ImageToTensorOptions {
    outH: number;
    outW: number;
    /** Part of the frame to use; the whole frame by default. */
    crop?: PixelRect;
    /** The zero canvas around the crop; the crop itself (no padding) by default. */
    canvas?: CanvasPlacement;
    normalise: Normalisation;
    /** Mirror the output left-right (flip test-time augmentation). */
    flip?: boolean;
    /** Write into image `batchIndex` of this [B,outH,outW,3] tensor instead of a new [1,outH,outW,3]. */
    output?: Tensor;
    batchIndex?: number;
    label?: string;
}
/** The per-run part of the options: what `update` can change without a new bind group. */
export type ImageToTensorGeometry = Pick<ImageToTensorOptions, 'crop' | 'canvas' | 'normalise' | 'flip'>;
export interface ResolvedImageGeometry {
    outH: number;
    outW: number;
    crop: PixelRect;
    canvas: CanvasPlacement;
    mean: Channels;
    scale: Channels;
    flip: boolean;
}
/** Fills the defaults and checks the numbers; shared by the kernel and the reference. */
export declare function resolveImageGeometry(frameWidth: number, frameHeight: number, options: Pick<ImageToTensorOptions, 'outH' | 'outW'> & ImageToTensorGeometry, label?: string): ResolvedImageGeometry;
export interface ImageToTensorCall extends KernelCall<Tensor> {
    /** Rewrites the uniforms for a new crop/canvas/normalisation/flip on the same frame texture. */
    update(geometry: ImageToTensorGeometry): void;
}
/** Rewrites a uniform buffer made by uniformBuffer() with new values (same layout). */
export declare function writeUniformFields(context: GpuContext, buffer: GPUBuffer, fields: readonly UniformField[]): void;
/** Checks (or creates) the [B,outH,outW,3] output and the slot written. */
export declare function batchOutput(context: GpuContext, outH: number, outW: number, output: Tensor | undefined, batchIndex: number, label: string): Tensor;
export declare function imageToTensor(context: GpuContext, frame: GPUTexture, options: ImageToTensorOptions): ImageToTensorCall;
