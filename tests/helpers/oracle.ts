// The reference outputs of face-api (subset of ../shared/oracle copied into tests/fixtures/oracle).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../fixtures/oracle/', import.meta.url));

export interface GoldenBox {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface GoldenSsdFace {
  score: number;
  box: GoldenBox;
  landmarks68: [number, number][];
  descriptorCropRect: GoldenBox;
  descriptor: number[];
  descriptorDlibChip150pad025: number[];
  recInputFile: string;
}
export interface GoldenImage {
  image: string;
  width: number;
  height: number;
  ssd: GoldenSsdFace[];
  tiny: { score: number; box: GoldenBox; landmarks68: [number, number][] }[];
}

export const golden: { images: GoldenImage[] } = JSON.parse(readFileSync(`${dir}golden-faces.json`, 'utf8'));

/** The exact recognition-net input (150×150×3 RGB 0..255, f32) for a face whose file was copied. */
export function recognitionInput(recInputFile: string): Float32Array {
  const name = recInputFile.replace(/^golden\//, '');
  const bytes = readFileSync(`${dir}${name}`);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export const COPIED_RECOGNITION_INPUTS = ['sample1_ssd_face0', 'sample4_ssd_face3', 'sample6_ssd_face2'];
