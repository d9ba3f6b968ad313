// Plain-TS oracle for shaders/l2-normalize.wgsl: x / sqrt(max(sum x^2, 1e-12)) per row, in double precision.
export const L2_EPSILON = 1e-12;

export function l2NormalizeReference(input: Float32Array, cols: number): Float32Array {
  const out = new Float32Array(input.length);
  for (let base = 0; base < input.length; base += cols) {
    let sumSq = 0;
    for (let c = 0; c < cols; c++) sumSq += input[base + c]! ** 2;
    const norm = Math.sqrt(Math.max(sumSq, L2_EPSILON));
    for (let c = 0; c < cols; c++) out[base + c] = input[base + c]! / norm;
  }
  return out;
}
