// Plain-TS oracle, in double precision, for shaders/matmul-backward.wgsl used as a dense layer's backward
// pass: y[M,N] = x[M,K] W[K,N] + b.

export function dense64(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  b: ArrayLike<number>,
  m: number,
  k: number,
  n: number,
): Float64Array {
  const y = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let sum = b[j]!;
      for (let kk = 0; kk < k; kk++) sum += x[i * k + kk]! * w[kk * n + j]!;
      y[i * n + j] = sum;
    }
  return y;
}

/** dX = dY W^T, dW = x^T dY, dB = column sums of dY. */
export function denseBackwardReference(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  dY: ArrayLike<number>,
  m: number,
  k: number,
  n: number,
) {
  const dX = new Float64Array(m * k);
  const dW = new Float64Array(k * n);
  const dB = new Float64Array(n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      const d = dY[i * n + j]!;
      dB[j]! += d;
      for (let kk = 0; kk < k; kk++) {
        dX[i * k + kk]! += d * w[kk * n + j]!;
        dW[kk * n + j]! += x[i * k + kk]! * d;
      }
    }
  return { dX, dW, dB };
}
