// Plain-TS oracle for shaders/softmax.wgsl: softmax of each row of [rows, cols], in double precision.
export function softmaxReference(input: Float32Array, cols: number): Float32Array {
  const out = new Float32Array(input.length);
  for (let base = 0; base < input.length; base += cols) {
    let max = -Infinity;
    for (let c = 0; c < cols; c++) max = Math.max(max, input[base + c]!);
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += Math.exp(input[base + c]! - max);
    for (let c = 0; c < cols; c++) out[base + c] = Math.exp(input[base + c]! - max) / sum;
  }
  return out;
}
