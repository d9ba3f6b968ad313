// Vector arithmetic for embeddings. Vectors of different lengths are refused: those come from different
// models and must never be compared.

/** Euclidean distance, the metric the dlib descriptor was trained for. */
export function euclideanDistance(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`Cannot compare vectors of length ${a.length} and ${b.length}.`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  return Math.sqrt(sum);
}
