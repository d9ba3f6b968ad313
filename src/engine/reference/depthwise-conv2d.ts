// Plain-TS oracle for shaders/depthwise-conv2d.wgsl: direct NHWC depthwise convolution (multiplier 1),
// filter [kH,kW,C], fused epilogue.
import type { DepthwiseConv2dFilterSource } from '../kernels/depthwise-conv2d';
import { windowGeometry, type Padding } from '../kernels/padding';
import type { Shape } from '../tensor';
import { epilogueReference } from './epilogue';

export function depthwiseConv2dReference(
  input: Float32Array,
  shape: Shape,
  filter: DepthwiseConv2dFilterSource,
  options: { stride?: number | [number, number]; padding: Padding; residual?: Float32Array; reluInput?: boolean },
): { data: Float32Array; shape: number[] } {
  const [n, inH, inW, channels] = shape as [number, number, number, number];
  const [strideH, strideW] =
    typeof options.stride === 'object' ? options.stride : [options.stride ?? 1, options.stride ?? 1];
  const { kH, kW, weights } = filter;
  const g = windowGeometry(inH, inW, kH, kW, strideH, strideW, options.padding);
  const out = new Float32Array(n * g.outH * g.outW * channels);
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < g.outH; oy++) {
      for (let ox = 0; ox < g.outW; ox++) {
        const pixel = (b * g.outH + oy) * g.outW + ox;
        for (let c = 0; c < channels; c++) {
          let acc = 0;
          for (let ky = 0; ky < kH; ky++) {
            const iy = oy * strideH - g.padTop + ky;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kW; kx++) {
              const ix = ox * strideW - g.padLeft + kx;
              if (ix < 0 || ix >= inW) continue;
              const value = input[((b * inH + iy) * inW + ix) * channels + c]!;
              acc += (options.reluInput ? Math.max(0, value) : value) * weights[(ky * kW + kx) * channels + c]!;
            }
          }
          const index = pixel * channels + c;
          out[index] = epilogueReference(acc, c, filter, options.residual?.[index] ?? 0);
        }
      }
    }
  }
  return { data: out, shape: [n, g.outH, g.outW, channels] };
}
