// The camera or photo frame on the GPU: one rgba8unorm texture, reused while the frame size stays the
// same, filled from decoded RGBA bytes (Node, tests) or from a browser image source without a CPU copy.
// The image-side kernels (image-to-tensor, similarity-warp) read it with textureLoad.
import { InvalidFrameError } from './errors';
import type { GpuContext } from './gpu-context';

/** Decoded RGBA pixels, row after row (ImageData has this shape). */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array | Uint8ClampedArray;
  /** Bytes from one row to the next; width*4 when rows are packed (the default). */
  readonly bytesPerRow?: number;
}

export const FRAME_FORMAT: GPUTextureFormat = 'rgba8unorm';

/** RENDER_ATTACHMENT is required by copyExternalImageToTexture. */
const frameUsage = (): GPUTextureUsageFlags =>
  GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.COPY_DST | GPUTextureUsage.RENDER_ATTACHMENT;

export function createFrameTexture(context: GpuContext, width: number, height: number, label = 'frame'): GPUTexture {
  if (!(width >= 1 && height >= 1) || !Number.isInteger(width) || !Number.isInteger(height)) {
    throw new InvalidFrameError(`${label}: invalid frame size ${width}x${height}`);
  }
  const limit = context.limits.maxTextureDimension2D;
  if (width > limit || height > limit) {
    throw new InvalidFrameError(`${label}: frame ${width}x${height} exceeds the device's texture limit ${limit}`);
  }
  return context.createTexture({ size: [width, height], format: FRAME_FORMAT, usage: frameUsage(), label });
}

/** Copies RGBA bytes into the top-left width x height of `texture`. */
export function writeRgbaToTexture(context: GpuContext, texture: GPUTexture, image: RgbaImage): void {
  const { width, height, data } = image;
  const bytesPerRow = image.bytesPerRow ?? width * 4;
  if (bytesPerRow < width * 4)
    throw new InvalidFrameError(`frame: bytesPerRow ${bytesPerRow} < width*4 (${width * 4})`);
  const needed = bytesPerRow * (height - 1) + width * 4;
  if (data.length < needed)
    throw new InvalidFrameError(`frame: ${data.length} bytes for a ${width}x${height} RGBA image (${needed} needed)`);
  if (width > texture.width || height > texture.height) {
    throw new InvalidFrameError(
      `frame: ${width}x${height} image does not fit the ${texture.width}x${texture.height} texture`,
    );
  }
  context.device.queue.writeTexture(
    { texture },
    // WebGPU takes views on any ArrayBuffer, shared or not; the DOM typings only list non-shared ones.
    data as GPUAllowSharedBufferSource,
    { bytesPerRow, rowsPerImage: height },
    { width, height },
  );
}

/** Browser sources for copyExternalImageToTexture: ImageBitmap, VideoFrame, canvas, video, img, ImageData. */
export type ExternalFrame = GPUCopyExternalImageSource;

/** Width and height an external source will be copied at. */
export function externalFrameSize(source: ExternalFrame): { width: number; height: number } {
  if ('displayWidth' in source) return { width: source.displayWidth, height: source.displayHeight }; // VideoFrame
  if ('videoWidth' in source) return { width: source.videoWidth, height: source.videoHeight }; // <video>
  if ('naturalWidth' in source) return { width: source.naturalWidth, height: source.naturalHeight }; // <img>
  return { width: source.width, height: source.height };
}

/**
 * One frame texture that follows the input: recreated when the frame size (or the device, after a
 * device loss) changes, kept otherwise. Kernel calls bind the texture itself, so a caller that built
 * dispatches on it rebuilds them when `generation` changes.
 */
export class FrameTexture {
  private texture: GPUTexture | undefined;
  private device: GPUDevice | undefined;
  /** Counts texture (re)creations. */
  generation = 0;

  constructor(
    private readonly context: GpuContext,
    private readonly label = 'frame',
  ) {}

  get current(): GPUTexture | undefined {
    return this.texture;
  }

  /** A texture of exactly width x height on the current device. */
  ensure(width: number, height: number): GPUTexture {
    const t = this.texture;
    if (t && this.device === this.context.device && t.width === width && t.height === height) return t;
    t?.destroy();
    this.texture = createFrameTexture(this.context, width, height, this.label);
    this.device = this.context.device;
    this.generation++;
    return this.texture;
  }

  /** Uploads decoded RGBA bytes (Node, tests, a decoded JPEG). */
  uploadRgba(image: RgbaImage): GPUTexture {
    const texture = this.ensure(image.width, image.height);
    writeRgbaToTexture(this.context, texture, image);
    return texture;
  }

  /** Uploads a browser image source straight on the GPU (no readback through a 2D canvas). */
  uploadExternal(source: ExternalFrame): GPUTexture {
    const { width, height } = externalFrameSize(source);
    const texture = this.ensure(width, height);
    this.context.device.queue.copyExternalImageToTexture(
      { source, flipY: false },
      // Straight (unpremultiplied) sRGB bytes, like the decoded JPEG pixels the models were fed.
      { texture, colorSpace: 'srgb', premultipliedAlpha: false },
      { width, height },
    );
    return texture;
  }

  destroy(): void {
    this.texture?.destroy();
    this.texture = undefined;
    this.device = undefined;
  }
}
