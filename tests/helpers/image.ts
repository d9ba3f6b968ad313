// Seeded RGBA frames for the image-side kernels, and an absolute-error comparison for their outputs.
import type { GpuContext } from '../../src/engine/gpu-context';
import { createFrameTexture, writeRgbaToTexture, type RgbaImage } from '../../src/engine/frame-texture';
import { seededRandom } from './random';

/** width x height RGBA bytes, every byte uniform in 0..255 (alpha too: kernels must ignore it). */
export function randomRgba(width: number, height: number, seed: number): RgbaImage {
  const next = seededRandom(seed);
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(next() * 256);
  return { width, height, data };
}

export function frameTexture(context: GpuContext, image: RgbaImage): GPUTexture {
  const texture = createFrameTexture(context, image.width, image.height, 'test-frame');
  writeRgbaToTexture(context, texture, image);
  return texture;
}

/** Largest |actual - expected| must not exceed `tolerance`; fails with the first worst index. */
export function expectAbsClose(actual: Float32Array, expected: Float32Array, tolerance: number): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length}, want ${expected.length}`);
  let worst = 0;
  let worstIndex = -1;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i]! - expected[i]!);
    if (!(error <= worst)) {
      worst = error;
      worstIndex = i;
    }
  }
  if (!(worst <= tolerance)) {
    throw new Error(
      `max abs error ${worst} > ${tolerance} at index ${worstIndex}: got ${actual[worstIndex]}, want ${expected[worstIndex]}`,
    );
  }
}
