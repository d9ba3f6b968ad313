// Plain-TS oracle, in double precision, for shaders/relu-backward.wgsl and prelu-backward.wgsl.

export const relu64 = (x: ArrayLike<number>): Float64Array => Float64Array.from(x, (v) => Math.max(v, 0));

/** `y` is the ReLU's output. */
export function reluBackwardReference(y: ArrayLike<number>, dY: ArrayLike<number>): Float64Array {
  return Float64Array.from(dY, (d, i) => (y[i]! > 0 ? d : 0));
}

export function prelu64(x: ArrayLike<number>, alpha: ArrayLike<number>): Float64Array {
  return Float64Array.from(x, (v, i) => (v >= 0 ? v : alpha[i % alpha.length]! * v));
}

export function preluBackwardReference(x: ArrayLike<number>, alpha: ArrayLike<number>, dY: ArrayLike<number>) {
  const channels = alpha.length;
  const dX = new Float64Array(x.length);
  const dAlpha = new Float64Array(channels);
  for (let i = 0; i < x.length; i++) {
    const c = i % channels;
    dX[i] = x[i]! >= 0 ? dY[i]! : alpha[c]! * dY[i]!;
    if (x[i]! < 0) dAlpha[c]! += dY[i]! * x[i]!;
  }
  return { dX, dAlpha };
}
