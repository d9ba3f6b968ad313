// Decoded test images (jpeg-js, RGBA) and the demo photos that ship in the pinned face-api package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import type { RgbaImage } from '../../src/engine/face-engine-types';
import { faceApiDir } from './models';

export function decodeJpeg(path: string): RgbaImage {
  const decoded = jpeg.decode(readFileSync(path), { useTArray: true, formatAsRGBA: true });
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

export const demoPhoto = (name: string): RgbaImage => decodeJpeg(join(faceApiDir(), 'demo', name));
