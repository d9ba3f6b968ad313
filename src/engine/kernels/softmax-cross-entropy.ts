// softmax-cross-entropy host side: per-row loss and the batch-mean loss's gradient w.r.t. the logits.
import wgsl from '../../../shaders/softmax-cross-entropy.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';

const WORKGROUP = 64;

export const SOFTMAX_CROSS_ENTROPY_UNIFORMS = uniformLayout('softmax-cross-entropy.wgsl', 'Params', {
  rows: 'u32',
  classes: 'u32',
  scale: 'f32',
  _pad0: 'u32',
});

export function softmaxCrossEntropy(
  context: GpuContext,
  logits: Tensor,
  labels: GPUBuffer,
  options: { dLogits?: Tensor; loss?: Tensor; scale?: number; label?: string } = {},
): KernelCall<{ dLogits: Tensor; loss: Tensor }> {
  const label = options.label ?? 'softmax-cross-entropy';
  const classes = logits.shape[logits.shape.length - 1]!;
  const rows = sizeOf(logits.shape) / classes;
  const dLogits = options.dLogits ?? createTensor(context, logits.shape, `${label}.dLogits`);
  const loss = options.loss ?? createTensor(context, [rows], `${label}.loss`);
  const pipeline = context.pipeline('softmax-cross-entropy', wgsl, { WG: WORKGROUP });
  const uniforms = uniformBuffer(
    context,
    SOFTMAX_CROSS_ENTROPY_UNIFORMS,
    { rows, classes, scale: options.scale ?? 1 / rows },
    `${label}.uniforms`,
  );
  return kernelCall(
    context,
    label,
    pipeline,
    [logits.buffer, labels, dLogits.buffer, loss.buffer, uniforms],
    linearGrid(context, rows, WORKGROUP),
    { dLogits, loss },
  );
}
