// Plain-TS oracle for shaders/conv2d.wgsl: direct NHWC convolution, HWIO filter, fused epilogue.
import type { Conv2dFilterSource } from '../kernels/conv2d';
import { windowGeometry, type Padding } from '../kernels/padding';
import type { Shape } from '../tensor';
import { epilogueReference } from './epilogue';

export function conv2dReference(
  input: Float32Array,
  shape: Shape,
  filter: Conv2dFilterSource,
  options: { stride?: number; padding: Padding; residual?: Float32Array },
): { data: Float32Array; shape: number[] } {
  const [n, inH, inW, inC] = shape as [number, number, number, number];
  const stride = options.stride ?? 1;
  const { kH, kW, outC, weights } = filter;
  const g = windowGeometry(inH, inW, kH, kW, stride, stride, options.padding);
  const out = new Float32Array(n * g.outH * g.outW * outC);
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < g.outH; oy++) {
      for (let ox = 0; ox < g.outW; ox++) {
        const pixel = (b * g.outH + oy) * g.outW + ox;
        for (let co = 0; co < outC; co++) {
          let acc = 0;
          for (let ky = 0; ky < kH; ky++) {
            const iy = oy * stride - g.padTop + ky;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kW; kx++) {
              const ix = ox * stride - g.padLeft + kx;
              if (ix < 0 || ix >= inW) continue;
              const inBase = ((b * inH + iy) * inW + ix) * inC;
              const wBase = (ky * kW + kx) * inC * outC + co;
              for (let ci = 0; ci < inC; ci++) acc += input[inBase + ci]! * weights[wBase + ci * outC]!;
            }
          }
          const index = pixel * outC + co;
          out[index] = epilogueReference(acc, co, filter, options.residual?.[index] ?? 0);
        }
      }
    }
  }
  return { data: out, shape: [n, g.outH, g.outW, outC] };
}
