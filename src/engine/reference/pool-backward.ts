// Plain-TS oracle, in double precision, for shaders/pool-backward.wgsl (and the forward pool it
// differentiates): TF windows; max sends a window's gradient to its first maximum in row order.
import { windowGeometry } from '../kernels/padding';

export interface PoolShape {
  n: number;
  h: number;
  w: number;
  c: number;
  kind: 'max' | 'average';
  k: number;
  stride: number;
  padding: 'same' | 'valid';
}

/** Calls visit(outputIndex, inputIndices) for every window. */
function eachWindow(s: PoolShape, visit: (out: number, inputs: number[]) => void): void {
  const g = windowGeometry(s.h, s.w, s.k, s.k, s.stride, s.stride, s.padding);
  for (let n = 0; n < s.n; n++)
    for (let oy = 0; oy < g.outH; oy++)
      for (let ox = 0; ox < g.outW; ox++)
        for (let c = 0; c < s.c; c++) {
          const inputs: number[] = [];
          for (let y = oy * s.stride - g.padTop; y < oy * s.stride - g.padTop + s.k; y++)
            for (let x = ox * s.stride - g.padLeft; x < ox * s.stride - g.padLeft + s.k; x++)
              if (y >= 0 && x >= 0 && y < s.h && x < s.w) inputs.push(((n * s.h + y) * s.w + x) * s.c + c);
          visit(((n * g.outH + oy) * g.outW + ox) * s.c + c, inputs);
        }
}

const argmax = (x: ArrayLike<number>, inputs: number[]): number =>
  inputs.reduce((best, i) => (x[i]! > x[best]! ? i : best), inputs[0]!);

export function pool64(x: ArrayLike<number>, s: PoolShape): Float64Array {
  const g = windowGeometry(s.h, s.w, s.k, s.k, s.stride, s.stride, s.padding);
  const y = new Float64Array(s.n * g.outH * g.outW * s.c);
  eachWindow(s, (out, inputs) => {
    y[out] = s.kind === 'max' ? x[argmax(x, inputs)]! : inputs.reduce((sum, i) => sum + x[i]!, 0) / inputs.length;
  });
  return y;
}

export function poolBackwardReference(x: ArrayLike<number>, dY: ArrayLike<number>, s: PoolShape): Float64Array {
  const dX = new Float64Array(x.length);
  eachWindow(s, (out, inputs) => {
    if (s.kind === 'max') dX[argmax(x, inputs)]! += dY[out]!;
    else for (const i of inputs) dX[i]! += dY[out]! / inputs.length;
  });
  return dX;
}
