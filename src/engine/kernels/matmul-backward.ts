// matmul-backward host side: C = op(A) op(B) with leading dimensions, for a dense layer's dX = dY W^T
// and dW = x^T dY (see denseBackward).
import wgsl from '../../../shaders/matmul-backward.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';

const WORKGROUP = 64;

export const MATMUL_BACKWARD_UNIFORMS = uniformLayout('matmul-backward.wgsl', 'Params', {
  m: 'u32',
  n: 'u32',
  k: 'u32',
  lda: 'u32',
  ldb: 'u32',
  ldc: 'u32',
  threads: 'u32',
  _pad0: 'u32',
});

export interface ProductOperand {
  buffer: GPUBuffer;
  /** Floats between consecutive rows of the stored matrix. */
  ld: number;
  transposed: boolean;
}

/** C[i*ldc + j] = sum_k op(A)[i,k] op(B)[k,j] for i < m, j < n. */
export function matmulBackward(
  context: GpuContext,
  a: ProductOperand,
  b: ProductOperand,
  c: { buffer: GPUBuffer; ld: number },
  sizes: { m: number; n: number; k: number },
  label = 'matmul-backward',
): KernelCall<GPUBuffer> {
  const threads = sizes.m * sizes.n;
  if (c.ld < sizes.n || c.buffer.size < ((sizes.m - 1) * c.ld + sizes.n) * 4)
    throw new Error(`${label}: output buffer too small`);
  const pipeline = context.pipeline('matmul-backward', wgsl, {
    WG: WORKGROUP,
    TRANS_A: a.transposed ? 1 : 0,
    TRANS_B: b.transposed ? 1 : 0,
  });
  const uniforms = uniformBuffer(
    context,
    MATMUL_BACKWARD_UNIFORMS,
    { m: sizes.m, n: sizes.n, k: sizes.k, lda: a.ld, ldb: b.ld, ldc: c.ld, threads },
    `${label}.uniforms`,
  );
  return kernelCall(
    context,
    label,
    pipeline,
    [a.buffer, b.buffer, c.buffer, uniforms],
    linearGrid(context, threads, WORKGROUP),
    c.buffer,
  );
}

/**
 * A dense layer y[M,N] = x[M,K] W (W stored [K, wStride], wStride >= N): dX[M,K] = dY W^T and
 * dW[K, wStride] = x^T dY (padding columns untouched). dX is skipped when `dInput` is absent.
 */
export function denseBackward(
  context: GpuContext,
  layer: { m: number; k: number; n: number; wStride: number },
  buffers: { input: GPUBuffer; weights: GPUBuffer; dOutput: GPUBuffer; dWeights: GPUBuffer; dInput?: GPUBuffer },
  label = 'dense-backward',
): KernelCall<GPUBuffer>[] {
  const { m, k, n, wStride } = layer;
  const calls = [
    matmulBackward(
      context,
      { buffer: buffers.input, ld: k, transposed: true },
      { buffer: buffers.dOutput, ld: n, transposed: false },
      { buffer: buffers.dWeights, ld: wStride },
      { m: k, n, k: m },
      `${label}.dW`,
    ),
  ];
  if (buffers.dInput) {
    calls.push(
      matmulBackward(
        context,
        { buffer: buffers.dOutput, ld: n, transposed: false },
        { buffer: buffers.weights, ld: wStride, transposed: true },
        { buffer: buffers.dInput, ld: k },
        { m, n: k, k: n },
        `${label}.dX`,
      ),
    );
  }
  return calls;
}
