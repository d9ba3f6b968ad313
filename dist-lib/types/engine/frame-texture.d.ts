import type { GpuContext } from './gpu-context';
/** Decoded RGBA pixels, row after row (ImageData has this shape). */
export interface RgbaImage {
    readonly width: number;
    readonly height: number;
    readonly data: Uint8Array | Uint8ClampedArray;
    /** Bytes from one row to the next; width*4 when rows are packed (the default). */
    readonly bytesPerRow?: number;
}
export declare const FRAME_FORMAT: GPUTextureFormat;
export declare function createFrameTexture(context: GpuContext, width: number, height: number, label?: string): GPUTexture;
/** Copies RGBA bytes into the top-left width x height of `texture`. */
export declare function writeRgbaToTexture(context: GpuContext, texture: GPUTexture, image: RgbaImage): void;
/** Browser sources for copyExternalImageToTexture: ImageBitmap, VideoFrame, canvas, video, img, ImageData. */
export type ExternalFrame = GPUCopyExternalImageSource;
/** Width and height an external source will be copied at. */
export declare function externalFrameSize(source: ExternalFrame): {
    width: number;
    height: number;
};
/**
 * One frame texture that follows the input: recreated when the frame size (or the device, after a
 * device loss) changes, kept otherwise. Kernel calls bind the texture itself, so a caller that built
 * dispatches on it rebuilds them when `generation` changes.
 */
export declare class FrameTexture {
    private readonly context;
    private readonly label;
    private texture;
    private device;
    /** Counts texture (re)creations. */
    generation: number;
    constructor(context: GpuContext, label?: string);
    get current(): GPUTexture | undefined;
    /** A texture of exactly width x height on the current device. */
    ensure(width: number, height: number): GPUTexture;
    /** Uploads decoded RGBA bytes (Node, tests, a decoded JPEG). */
    uploadRgba(image: RgbaImage): GPUTexture;
    /** Uploads a browser image source straight on the GPU (no readback through a 2D canvas). */
    uploadExternal(source: ExternalFrame): GPUTexture;
    destroy(): void;
}
