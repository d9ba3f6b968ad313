import type { GpuContext } from '../gpu-context';
import { type Channels, type Normalisation } from '../normalisation';
import { type Tensor } from '../tensor';
import { type Dispatch, type KernelCall } from './dispatch';
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
export { channels, NORMALISATIONS, type Channels, type Normalisation } from '../normalisation';
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
export declare const IMAGE_TO_TENSOR_UNIFORMS: import("./uniforms").UniformLayout<{
    readonly outH: "u32";
    readonly outW: "u32";
    readonly srcH: "u32";
    readonly srcW: "u32";
    readonly cropX: "i32";
    readonly cropY: "i32";
    readonly cropW: "i32";
    readonly cropH: "i32";
    readonly padTop: "i32";
    readonly padLeft: "i32";
    readonly batch: "u32";
    readonly flip: "u32";
    readonly mean: "vec4<f32>";
    readonly scale: "vec4<f32>";
}>;
/** Checks (or creates) the [B,outH,outW,3] output and the slot written. */
export declare function batchOutput(context: GpuContext, outH: number, outW: number, output: Tensor | undefined, batchIndex: number, label: string): Tensor;
export declare function imageToTensor(context: GpuContext, frame: GPUTexture, options: ImageToTensorOptions): ImageToTensorCall;
/**
 * The dispatch of a kernel that reads the frame texture and writes one [outH, outW] image of `output`
 * (image-to-tensor, similarity-warp): bindings 0 frame, 1 output, 2 uniforms; one thread per pixel.
 */
export declare function frameDispatch(context: GpuContext, label: string, pipeline: GPUComputePipeline, frame: GPUTexture, output: Tensor, uniforms: GPUBuffer, [wgX, wgY]: readonly [number, number]): Dispatch;
