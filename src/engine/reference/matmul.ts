// Plain-TS oracle for shaders/matmul.wgsl: [M,K] x [K,N] in double precision, then the fused epilogue.
import type { MatmulWeightsSource } from '../kernels/matmul';
import { epilogueReference } from './epilogue';

/** `input` holds M rows of `weights.k` features (any tensor, flattened); the result is [M,N]. */
export function matmulReference(
  input: Float32Array,
  weights: MatmulWeightsSource,
): { data: Float32Array; shape: number[] } {
  const { k, n } = weights;
  if (input.length % k !== 0) throw new Error(`matmulReference: ${input.length} values are not rows of ${k}`);
  const m = input.length / k;
  const out = new Float32Array(m * n);
  const acc = new Float64Array(n);
  for (let row = 0; row < m; row++) {
    acc.fill(0);
    for (let i = 0; i < k; i++) {
      const a = input[row * k + i]!;
      const wRow = i * n;
      for (let col = 0; col < n; col++) acc[col]! += a * weights.weights[wRow + col]!;
    }
    for (let col = 0; col < n; col++) out[row * n + col] = epilogueReference(acc[col]!, col, weights);
  }
  return { data: out, shape: [m, n] };
}
