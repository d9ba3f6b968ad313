// Writes YUV4MPEG2 (y4m) files for Chromium's fake webcam (--use-file-for-fake-video-capture) from
// real photos, without ffmpeg. Frames are I420 in BT.709 limited range: with the Vulkan feature flag
// Chromium decodes the fake camera's frames as BT.709, so colours survive the round trip within ±1.
import { readFileSync, writeFileSync } from 'node:fs';
import jpeg from 'jpeg-js';

/** RGBA pixels, row-major, top row first. */
export interface RgbaFrame {
  width: number;
  height: number;
  data: Uint8Array;
}

export function decodeJpeg(path: string): RgbaFrame {
  const image = jpeg.decode(readFileSync(path), { useTArray: true, formatAsRGBA: true });
  return { width: image.width, height: image.height, data: image.data };
}

export function blankFrame(width: number, height: number, rgb: readonly [number, number, number]): RgbaFrame {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = rgb[0];
    data[i + 1] = rgb[1];
    data[i + 2] = rgb[2];
    data[i + 3] = 255;
  }
  return { width, height, data };
}

/** Bilinear sample of `image` at (x, y) in its pixel coordinates, clamped at the edges. */
function sample(image: RgbaFrame, x: number, y: number, channel: number): number {
  const x0 = Math.max(0, Math.min(image.width - 1, Math.floor(x)));
  const y0 = Math.max(0, Math.min(image.height - 1, Math.floor(y)));
  const x1 = Math.min(image.width - 1, x0 + 1);
  const y1 = Math.min(image.height - 1, y0 + 1);
  const fx = Math.max(0, Math.min(1, x - x0));
  const fy = Math.max(0, Math.min(1, y - y0));
  const at = (px: number, py: number) => image.data[(py * image.width + px) * 4 + channel]!;
  const top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
  const bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/**
 * Draws `image` scaled by `scale` (bilinear) onto `canvas`, centred on (`centreX`, `centreY`).
 * Returns the canvas.
 */
export function drawScaled(
  canvas: RgbaFrame,
  image: RgbaFrame,
  scale: number,
  centreX: number,
  centreY: number,
): RgbaFrame {
  const width = Math.round(image.width * scale);
  const height = Math.round(image.height * scale);
  const left = Math.round(centreX - width / 2);
  const top = Math.round(centreY - height / 2);
  for (let y = Math.max(0, top); y < Math.min(canvas.height, top + height); y++) {
    for (let x = Math.max(0, left); x < Math.min(canvas.width, left + width); x++) {
      const sx = (x - left + 0.5) / scale - 0.5;
      const sy = (y - top + 0.5) / scale - 0.5;
      const d = (y * canvas.width + x) * 4;
      for (let c = 0; c < 3; c++) canvas.data[d + c] = Math.round(sample(image, sx, sy, c));
      canvas.data[d + 3] = 255;
    }
  }
  return canvas;
}

/** A photo scaled up to the frame's height and centred on a grey background, as a webcam would frame a face. */
export function centredOnFrame(image: RgbaFrame, width = 640, height = 480): RgbaFrame {
  const scale = Math.min(width / image.width, height / image.height);
  return drawScaled(blankFrame(width, height, [128, 128, 128]), image, scale, width / 2, height / 2);
}

/** A plain wall: a soft diagonal gradient with a little deterministic noise, and no face. */
export function wallFrame(width = 640, height = 480): RgbaFrame {
  const frame = blankFrame(width, height, [0, 0, 0]);
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed / 0x7fffffff - 0.5) * 6;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width) * 0.6 + (y / height) * 0.4;
      const d = (y * width + x) * 4;
      frame.data[d] = Math.round(196 - 50 * t + noise());
      frame.data[d + 1] = Math.round(184 - 46 * t + noise());
      frame.data[d + 2] = Math.round(160 - 40 * t + noise());
    }
  }
  return frame;
}

const clampByte = (value: number) => Math.max(0, Math.min(255, Math.round(value)));

/** I420 planes (Y, then U and V at half resolution, 2×2 averaged) in BT.709 limited range. */
export function rgbaToI420(frame: RgbaFrame): Uint8Array {
  const { width, height, data } = frame;
  if (width % 2 || height % 2) throw new Error('I420 needs even frame dimensions.');
  const kr = 0.2126;
  const kb = 0.0722;
  const kg = 1 - kr - kb;
  const out = new Uint8Array(width * height * 1.5);
  const uOffset = width * height;
  const vOffset = uOffset + (width / 2) * (height / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      const luma = (kr * data[p]! + kg * data[p + 1]! + kb * data[p + 2]!) / 255;
      out[y * width + x] = clampByte(16 + 219 * luma);
    }
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let cb = 0;
      let cr = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const p = ((y + dy) * width + x + dx) * 4;
        const r = data[p]! / 255;
        const g = data[p + 1]! / 255;
        const b = data[p + 2]! / 255;
        const luma = kr * r + kg * g + kb * b;
        cb += (b - luma) / (2 * (1 - kb));
        cr += (r - luma) / (2 * (1 - kr));
      }
      const i = (y / 2) * (width / 2) + x / 2;
      out[uOffset + i] = clampByte(128 + 224 * (cb / 4));
      out[vOffset + i] = clampByte(128 + 224 * (cr / 4));
    }
  }
  return out;
}

/** A y4m file of one frame (Chromium loops it), at `fps` frames per second. */
export function encodeY4m(frame: RgbaFrame, fps = 15): Buffer {
  const header = `YUV4MPEG2 W${frame.width} H${frame.height} F${fps}:1 Ip A1:1 C420jpeg\n`;
  return Buffer.concat([Buffer.from(header, 'ascii'), Buffer.from('FRAME\n', 'ascii'), rgbaToI420(frame)]);
}

export function writeY4m(path: string, frame: RgbaFrame, fps = 15): void {
  writeFileSync(path, encodeY4m(frame, fps));
}
