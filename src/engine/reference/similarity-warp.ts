// Plain-TS oracle for shaders/similarity-warp.wgsl: float64 affine sampling with pixel centres at
// integer coordinates, bilinear over the 4 neighbours, neighbours outside the frame count as 0.
import { applyAffine } from '../alignment';
import type { RgbaImage } from '../frame-texture';
import { channels } from '../kernels/image-to-tensor';
import type { SimilarityWarpOptions } from '../kernels/similarity-warp';

type ReferenceOptions = Pick<SimilarityWarpOptions, 'outH' | 'outW' | 'matrix' | 'normalise' | 'flip'>;

export function similarityWarpReference(image: RgbaImage, options: ReferenceOptions): Float32Array {
  const { outH, outW, matrix } = options;
  const mean = channels(options.normalise.mean);
  const scale = channels(options.normalise.scale);
  const rowBytes = image.bytesPerRow ?? image.width * 4;
  const texel = (x: number, y: number, c: number): number =>
    x < 0 || y < 0 || x >= image.width || y >= image.height ? 0 : image.data[y * rowBytes + x * 4 + c]!;
  const out = new Float32Array(outH * outW * 3);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      // Mirroring the output is reading the mirrored column.
      const [sx, sy] = applyAffine(matrix, [options.flip ? outW - 1 - ox : ox, oy]);
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < 3; c++) {
        const top = texel(x0, y0, c) + (texel(x0 + 1, y0, c) - texel(x0, y0, c)) * fx;
        const bottom = texel(x0, y0 + 1, c) + (texel(x0 + 1, y0 + 1, c) - texel(x0, y0 + 1, c)) * fx;
        out[(oy * outW + ox) * 3 + c] = (top + (bottom - top) * fy - mean[c]!) * scale[c]!;
      }
    }
  }
  return out;
}
