// Vector arithmetic for embeddings. Both functions refuse vectors of different lengths: those come from
// different models and must never be compared.

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

/** Element-wise mean of one or more vectors of equal length. */
export function meanVector(vectors: readonly Float32Array[]): Float32Array {
  const first = vectors[0];
  if (!first) throw new Error('The mean of no vectors is undefined.');
  const sum = new Float64Array(first.length);
  for (const v of vectors) {
    if (v.length !== first.length) throw new Error(`Cannot average vectors of length ${first.length} and ${v.length}.`);
    for (let i = 0; i < v.length; i++) sum[i] += v[i];
  }
  const mean = new Float32Array(first.length);
  for (let i = 0; i < mean.length; i++) mean[i] = sum[i] / vectors.length;
  return mean;
}
