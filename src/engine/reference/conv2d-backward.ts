// Plain-TS oracle, in double precision, for shaders/conv2d-backward-input.wgsl and
// conv2d-backward-filter.wgsl. Filters here are unpadded HWIO [kH,kW,Cin,Cout].
import { windowGeometry, type Padding } from '../kernels/padding';

export interface ConvShape {
  n: number;
  inH: number;
  inW: number;
  inC: number;
  kH: number;
  kW: number;
  outC: number;
  stride: number;
  padding: Padding;
}

export function convGeometry(s: ConvShape) {
  return windowGeometry(s.inH, s.inW, s.kH, s.kW, s.stride, s.stride, s.padding);
}

/** Calls visit(inputIndex, outputIndex, filterIndex) for every multiply of the forward convolution. */
function eachTap(s: ConvShape, visit: (x: number, y: number, w: number) => void): void {
  const g = convGeometry(s);
  for (let n = 0; n < s.n; n++)
    for (let oy = 0; oy < g.outH; oy++)
      for (let ox = 0; ox < g.outW; ox++)
        for (let ky = 0; ky < s.kH; ky++) {
          const iy = oy * s.stride - g.padTop + ky;
          if (iy < 0 || iy >= s.inH) continue;
          for (let kx = 0; kx < s.kW; kx++) {
            const ix = ox * s.stride - g.padLeft + kx;
            if (ix < 0 || ix >= s.inW) continue;
            for (let ci = 0; ci < s.inC; ci++) {
              const xi = ((n * s.inH + iy) * s.inW + ix) * s.inC + ci;
              const wi = ((ky * s.kW + kx) * s.inC + ci) * s.outC;
              const yi = ((n * g.outH + oy) * g.outW + ox) * s.outC;
              for (let co = 0; co < s.outC; co++) visit(xi, yi + co, wi + co);
            }
          }
        }
}

/** y = conv(x, W) + bias (no activation): the forward pass the gradients below belong to. */
export function conv2dForward64(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  bias: ArrayLike<number>,
  s: ConvShape,
): Float64Array {
  const g = convGeometry(s);
  const y = new Float64Array(s.n * g.outH * g.outW * s.outC);
  for (let i = 0; i < y.length; i++) y[i] = bias[i % s.outC]!;
  eachTap(s, (xi, yi, wi) => (y[yi]! += x[xi]! * w[wi]!));
  return y;
}

export function conv2dBackwardInputReference(dY: ArrayLike<number>, w: ArrayLike<number>, s: ConvShape): Float64Array {
  const dX = new Float64Array(s.n * s.inH * s.inW * s.inC);
  eachTap(s, (xi, yi, wi) => (dX[xi]! += dY[yi]! * w[wi]!));
  return dX;
}

export function conv2dBackwardFilterReference(x: ArrayLike<number>, dY: ArrayLike<number>, s: ConvShape): Float64Array {
  const dW = new Float64Array(s.kH * s.kW * s.inC * s.outC);
  eachTap(s, (xi, yi, wi) => (dW[wi]! += x[xi]! * dY[yi]!));
  return dW;
}

/** Column sums of dY seen as [rows, cols]: the bias gradient (shaders/bias-backward.wgsl). */
export function biasBackwardReference(dY: ArrayLike<number>, cols: number): Float64Array {
  const dB = new Float64Array(cols);
  for (let i = 0; i < dY.length; i++) dB[i % cols]! += dY[i]!;
  return dB;
}
