// Plain-TS oracle for shaders/image-to-tensor.wgsl: builds the cropped, zero-padded image and resizes it
// with the arithmetic of tfjs's cpu ResizeBilinear (alignCorners=false, halfPixelCenters=false; float64
// coordinates, float32 result), then normalises and optionally mirrors.
import type { RgbaImage } from '../frame-texture';
import { resolveImageGeometry, type ImageToTensorOptions } from '../kernels/image-to-tensor';

type ReferenceOptions = Pick<ImageToTensorOptions, 'outH' | 'outW' | 'crop' | 'canvas' | 'normalise' | 'flip'>;

/** The virtual source (crop on a zero canvas) as float RGB [srcH,srcW,3]. */
export function cropAndPadReference(
  image: RgbaImage,
  options: ReferenceOptions,
): { data: Float32Array; height: number; width: number } {
  const g = resolveImageGeometry(image.width, image.height, options);
  const { width, height } = g.canvas;
  const rowBytes = image.bytesPerRow ?? image.width * 4;
  const data = new Float32Array(width * height * 3);
  for (let sy = 0; sy < height; sy++) {
    for (let sx = 0; sx < width; sx++) {
      const cx = sx - g.canvas.padLeft;
      const cy = sy - g.canvas.padTop;
      if (cx < 0 || cy < 0 || cx >= g.crop.width || cy >= g.crop.height) continue;
      const fx = g.crop.x + cx;
      const fy = g.crop.y + cy;
      if (fx < 0 || fy < 0 || fx >= image.width || fy >= image.height) continue;
      for (let c = 0; c < 3; c++) data[(sy * width + sx) * 3 + c] = image.data[fy * rowBytes + fx * 4 + c]!;
    }
  }
  return { data, height, width };
}

/** tf.image.resizeBilinear(x, [outH,outW], false, false) for one HxWx3 image, as the cpu backend does it. */
export function resizeBilinearReference(
  source: Float32Array,
  height: number,
  width: number,
  outH: number,
  outW: number,
): Float32Array {
  const out = new Float32Array(outH * outW * 3);
  const rowRatio = height / outH;
  const colRatio = width / outW;
  for (let r = 0; r < outH; r++) {
    const fr = rowRatio * r;
    const r0 = Math.max(0, Math.floor(fr));
    const dr = fr - r0;
    const r1 = Math.min(height - 1, Math.ceil(fr));
    for (let c = 0; c < outW; c++) {
      const fc = colRatio * c;
      const c0 = Math.max(0, Math.floor(fc));
      const dc = fc - c0;
      const c1 = Math.min(width - 1, Math.ceil(fc));
      for (let d = 0; d < 3; d++) {
        const tl = source[(r0 * width + c0) * 3 + d]!;
        const tr = source[(r0 * width + c1) * 3 + d]!;
        const bl = source[(r1 * width + c0) * 3 + d]!;
        const br = source[(r1 * width + c1) * 3 + d]!;
        const top = tl + (tr - tl) * dc;
        const bottom = bl + (br - bl) * dc;
        out[(r * outW + c) * 3 + d] = top + (bottom - top) * dr;
      }
    }
  }
  return out;
}

/** The [1,outH,outW,3] tensor image-to-tensor writes for `image`. */
export function imageToTensorReference(image: RgbaImage, options: ReferenceOptions): Float32Array {
  const g = resolveImageGeometry(image.width, image.height, options);
  const source = cropAndPadReference(image, options);
  const resized = resizeBilinearReference(source.data, source.height, source.width, g.outH, g.outW);
  const out = new Float32Array(resized.length);
  for (let y = 0; y < g.outH; y++) {
    for (let x = 0; x < g.outW; x++) {
      const from = (y * g.outW + (g.flip ? g.outW - 1 - x : x)) * 3;
      const to = (y * g.outW + x) * 3;
      for (let c = 0; c < 3; c++) out[to + c] = (resized[from + c]! - g.mean[c]!) * g.scale[c]!;
    }
  }
  return out;
}
