// Plain-TS oracle, in double precision, of per-row L2 normalisation y = x / sqrt(max(sum x^2, 1e-12)):
// the forward function whose gradient shaders/l2-normalize-backward.wgsl computes (its finite-difference check).
export const L2_EPSILON = 1e-12;

export function l2Normalize64(x: ArrayLike<number>, cols: number): Float64Array {
  const y = new Float64Array(x.length);
  for (let base = 0; base < x.length; base += cols) {
    let sumSq = 0;
    for (let c = 0; c < cols; c++) sumSq += x[base + c]! ** 2;
    const norm = Math.sqrt(Math.max(sumSq, L2_EPSILON));
    for (let c = 0; c < cols; c++) y[base + c] = x[base + c]! / norm;
  }
  return y;
}
