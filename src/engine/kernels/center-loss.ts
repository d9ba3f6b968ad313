// center-loss host side (Wen et al. 2016): the loss's gradient, added to the features' gradient, and the
// update of the class centres (center-update.wgsl), in that order.
import lossWgsl from '../../../shaders/center-loss.wgsl?raw';
import updateWgsl from '../../../shaders/center-update.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';

const WORKGROUP = 64;

export const CENTER_LOSS_UNIFORMS = uniformLayout('center-loss.wgsl', 'Params', {
  rows: 'u32',
  dims: 'u32',
  lambda: 'f32',
  scale: 'f32',
});
export const CENTER_UPDATE_UNIFORMS = uniformLayout('center-update.wgsl', 'Params', {
  rows: 'u32',
  dims: 'u32',
  classes: 'u32',
  alpha: 'f32',
});

export interface CenterLossOptions {
  /** Weight of the center loss against the softmax loss. */
  lambda: number;
  /** Rate of the centres' update, in (0, 1]. */
  alpha: number;
  /** Gradient scale; 1/batch (the default) for the batch-mean loss. */
  scale?: number;
  loss?: Tensor;
  label?: string;
}

/** Two calls: dFeatures += lambda*scale*(x - c_y) with per-row loss, then the centres' update. */
export function centerLoss(
  context: GpuContext,
  features: Tensor,
  labels: GPUBuffer,
  centres: Tensor,
  dFeatures: Tensor,
  options: CenterLossOptions,
): [KernelCall<Tensor>, KernelCall<Tensor>] {
  const label = options.label ?? 'center-loss';
  const dims = features.shape[features.shape.length - 1]!;
  const rows = sizeOf(features.shape) / dims;
  const classes = sizeOf(centres.shape) / dims;
  if (centres.shape[centres.shape.length - 1] !== dims)
    throw new Error(`${label}: centres [${centres.shape}] do not have ${dims} dims`);
  if (sizeOf(dFeatures.shape) !== sizeOf(features.shape)) throw new Error(`${label}: dFeatures and features differ`);
  const loss = options.loss ?? createTensor(context, [rows], `${label}.loss`);
  const lossUniforms = uniformBuffer(
    context,
    CENTER_LOSS_UNIFORMS,
    { rows, dims, lambda: options.lambda, scale: options.scale ?? 1 / rows },
    `${label}.uniforms`,
  );
  const updateUniforms = uniformBuffer(
    context,
    CENTER_UPDATE_UNIFORMS,
    { rows, dims, classes, alpha: options.alpha },
    `${label}.update.uniforms`,
  );
  return [
    kernelCall(
      context,
      label,
      context.pipeline('center-loss', lossWgsl, { WG: WORKGROUP }),
      [features.buffer, labels, centres.buffer, dFeatures.buffer, loss.buffer, lossUniforms],
      linearGrid(context, rows, WORKGROUP),
      loss,
    ),
    kernelCall(
      context,
      `${label}.update`,
      context.pipeline('center-update', updateWgsl, { WG: WORKGROUP }),
      [features.buffer, labels, centres.buffer, updateUniforms],
      linearGrid(context, classes * dims, WORKGROUP),
      centres,
    ),
  ];
}
