// Plain-TS oracle for shaders/sigmoid.wgsl, in double precision.
export function sigmoidReference(input: Float32Array): Float32Array {
  return input.map((x) => 1 / (1 + Math.exp(-x)));
}
