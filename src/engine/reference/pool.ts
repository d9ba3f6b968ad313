// Plain-TS oracle for shaders/pool.wgsl: max / average pooling with TF SAME/VALID semantics. The
// average is summed in f32 in the shader's order (row by row) and divided once, as the shader does.
import { windowGeometry } from '../kernels/padding';
import type { PoolOptions } from '../kernels/pool';
import type { Shape } from '../tensor';

export function poolReference(
  input: Float32Array,
  shape: Shape,
  options: Pick<PoolOptions, 'kind' | 'window' | 'stride' | 'padding'>,
): { data: Float32Array; shape: number[] } {
  const [n, inH, inW, channels] = shape as [number, number, number, number];
  const [kH, kW] = typeof options.window === 'number' ? [options.window, options.window] : options.window;
  const stride = options.stride ?? 1;
  const [strideH, strideW] = typeof stride === 'number' ? [stride, stride] : stride;
  const g = windowGeometry(inH, inW, kH, kW, strideH, strideW, options.padding);
  const out = new Float32Array(n * g.outH * g.outW * channels);
  let index = 0;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < g.outH; oy++) {
      for (let ox = 0; ox < g.outW; ox++) {
        for (let c = 0; c < channels; c++) {
          let result = options.kind === 'max' ? -Infinity : 0;
          let count = 0;
          for (let ky = 0; ky < kH; ky++) {
            const iy = oy * strideH - g.padTop + ky;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kW; kx++) {
              const ix = ox * strideW - g.padLeft + kx;
              if (ix < 0 || ix >= inW) continue;
              const v = input[((b * inH + iy) * inW + ix) * channels + c]!;
              result = options.kind === 'max' ? Math.max(result, v) : Math.fround(result + v);
              count++;
            }
          }
          out[index++] = options.kind === 'max' ? result : Math.fround(result / count);
        }
      }
    }
  }
  return { data: out, shape: [n, g.outH, g.outW, channels] };
}
