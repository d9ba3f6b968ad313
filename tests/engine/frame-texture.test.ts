// Frame texture: RGBA bytes go in exactly (packed and padded rows; checked on RGB, alpha is unused), the texture is reused while the size
// holds, and external sources report the size they are copied at. copyExternalImageToTexture itself
// needs a browser and is exercised by the e2e tests.
import { describe, expect, it } from 'vitest';
import { externalFrameSize, FrameTexture, type ExternalFrame, type RgbaImage } from '../../src/engine/frame-texture';
import type { GpuContext } from '../../src/engine/gpu-context';
import { imageToTensor, NORMALISATIONS } from '../../src/engine/kernels/image-to-tensor';
import { expectExact } from '../helpers/compare';
import { runKernel, testContext } from '../helpers/gpu';
import { randomRgba } from '../helpers/image';

/** The texture's RGB bytes, read through image-to-tensor with no crop, no resize and raw values
 *  (the frame texture has no COPY_SRC usage, on purpose). */
async function readRgb(context: GpuContext, texture: GPUTexture): Promise<Float32Array> {
  const { data } = await runKernel(context, () =>
    imageToTensor(context, texture, { outH: texture.height, outW: texture.width, normalise: NORMALISATIONS.raw }),
  );
  return data;
}

const rgbOf = (image: RgbaImage): Float32Array =>
  Float32Array.from({ length: image.width * image.height * 3 }, (_, i) => image.data[Math.floor(i / 3) * 4 + (i % 3)]!);

describe('FrameTexture', () => {
  it('uploads packed RGBA rows exactly (13x7, a row of 52 bytes)', async () => {
    const context = await testContext();
    const frames = new FrameTexture(context);
    const image = randomRgba(13, 7, 1);
    const texture = frames.uploadRgba(image);
    expect(texture.format).toBe('rgba8unorm');
    expectExact(await readRgb(context, texture), rgbOf(image));
    frames.destroy();
  });

  it('uploads rows with a larger bytesPerRow exactly (70x5, stride 300)', async () => {
    const context = await testContext();
    const frames = new FrameTexture(context);
    const packed = randomRgba(70, 5, 2);
    const data = new Uint8ClampedArray(300 * 5).fill(9);
    for (let y = 0; y < 5; y++) data.set(packed.data.subarray(y * 280, (y + 1) * 280), y * 300);
    const texture = frames.uploadRgba({ width: 70, height: 5, data, bytesPerRow: 300 });
    expectExact(await readRgb(context, texture), rgbOf(packed));
    frames.destroy();
  });

  it('reuses the texture while the size holds and recreates it when it changes', async () => {
    const context = await testContext();
    const frames = new FrameTexture(context);
    const a = frames.uploadRgba(randomRgba(8, 6, 3));
    const b = frames.uploadRgba(randomRgba(8, 6, 4));
    expect(b).toBe(a);
    expect(frames.generation).toBe(1);
    const c = frames.uploadRgba(randomRgba(9, 6, 5));
    expect(c).not.toBe(a);
    expect(frames.generation).toBe(2);
    expect([c.width, c.height]).toEqual([9, 6]);
    frames.destroy();
    expect(frames.current).toBeUndefined();
  });

  it('rejects short data and bad strides', async () => {
    const context = await testContext();
    const frames = new FrameTexture(context);
    expect(() => frames.uploadRgba({ width: 4, height: 4, data: new Uint8Array(63) })).toThrow(/bytes/);
    expect(() => frames.uploadRgba({ width: 4, height: 4, data: new Uint8Array(64), bytesPerRow: 12 })).toThrow(
      /bytesPerRow/,
    );
    frames.destroy();
  });
});

describe('externalFrameSize', () => {
  it('reads the size each source kind is copied at', () => {
    const as = (o: object) => o as unknown as ExternalFrame;
    expect(externalFrameSize(as({ displayWidth: 640, displayHeight: 480, codedWidth: 656, codedHeight: 496 }))).toEqual(
      { width: 640, height: 480 },
    );
    expect(externalFrameSize(as({ videoWidth: 1280, videoHeight: 720, width: 300, height: 150 }))).toEqual({
      width: 1280,
      height: 720,
    });
    expect(externalFrameSize(as({ naturalWidth: 250, naturalHeight: 250, width: 100, height: 100 }))).toEqual({
      width: 250,
      height: 250,
    });
    expect(externalFrameSize(as({ width: 320, height: 240 }))).toEqual({ width: 320, height: 240 });
  });
});
