// Brightness and sharpness of a face region, from a small grey sample of it (see frame-sampling.ts for
// how the sample is taken from a camera frame).

export interface RegionStats {
  /** Mean luma, 0–255. */
  brightness: number;
  /** Variance of the 4-neighbour Laplacian: low when the region is blurred. */
  sharpness: number;
}

/** BT.709 luma of RGBA pixels, one byte per pixel out. */
export function rgbaToGrey(rgba: Uint8Array | Uint8ClampedArray): Float32Array {
  const grey = new Float32Array(rgba.length / 4);
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) {
    grey[i] = 0.2126 * rgba[p] + 0.7152 * rgba[p + 1] + 0.0722 * rgba[p + 2];
  }
  return grey;
}

export function regionStats(grey: Float32Array, width: number, height: number): RegionStats {
  if (grey.length !== width * height) throw new Error(`Expected ${width * height} pixels, got ${grey.length}.`);
  if (width < 3 || height < 3) throw new Error('The region must be at least 3×3 pixels.');
  let brightness = 0;
  for (let i = 0; i < grey.length; i++) brightness += grey[i];
  brightness /= grey.length;

  let sum = 0;
  let sumSquares = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const laplacian = grey[i - width] + grey[i + width] + grey[i - 1] + grey[i + 1] - 4 * grey[i];
      sum += laplacian;
      sumSquares += laplacian * laplacian;
    }
  }
  const n = (width - 2) * (height - 2);
  const mean = sum / n;
  return { brightness, sharpness: sumSquares / n - mean * mean };
}
