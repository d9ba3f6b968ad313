// Pixel statistics of the face region of a camera frame, from a small canvas: the quality gates need
// brightness and sharpness, and a 96×96 sample is plenty for both.
import type { Box } from './engine-facade';
import { regionStats, rgbaToGrey, type RegionStats } from './logic/pixel-stats';

const SAMPLE_SIZE = 96;
let context: OffscreenCanvasRenderingContext2D | null = null;

export function measureFaceRegion(frame: ImageBitmap, box: Box): RegionStats | null {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const width = Math.min(frame.width, Math.ceil(box.x + box.width)) - x;
  const height = Math.min(frame.height, Math.ceil(box.y + box.height)) - y;
  if (width < 3 || height < 3) return null;
  context ??= new OffscreenCanvas(SAMPLE_SIZE, SAMPLE_SIZE).getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(frame, x, y, width, height, 0, 0, SAMPLE_SIZE, SAMPLE_SIZE);
  const pixels = context.getImageData(0, 0, SAMPLE_SIZE, SAMPLE_SIZE).data;
  return regionStats(rgbaToGrey(pixels), SAMPLE_SIZE, SAMPLE_SIZE);
}
