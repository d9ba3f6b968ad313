// Plain-TS oracle for shaders/global-mean.wgsl: per (image, channel) mean over H and W, in f64.
import type { Shape } from '../tensor';

export function globalMeanReference(input: Float32Array, shape: Shape): { data: Float32Array; shape: number[] } {
  const [n, h, w, channels] = shape as [number, number, number, number];
  const pixels = h * w;
  const out = new Float32Array(n * channels);
  for (let b = 0; b < n; b++) {
    for (let c = 0; c < channels; c++) {
      let sum = 0;
      for (let pixel = 0; pixel < pixels; pixel++) sum += input[(b * pixels + pixel) * channels + c]!;
      out[b * channels + c] = sum / pixels;
    }
  }
  return { data: out, shape: [n, 1, 1, channels] };
}
