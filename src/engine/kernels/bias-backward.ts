// bias-backward host side: column sums of an output gradient, the gradient of a per-channel bias.
import wgsl from '../../../shaders/bias-backward.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { sizeOf, type Tensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';

const WORKGROUP = 64;

export const BIAS_BACKWARD_UNIFORMS = uniformLayout('bias-backward.wgsl', 'Params', {
  rows: 'u32',
  cols: 'u32',
  _pad0: 'u32',
  _pad1: 'u32',
});

/** dBias[c] = sum of dOutput over every axis but the last; written to the first C floats of `dBias`. */
export function biasBackward(
  context: GpuContext,
  dOutput: Tensor,
  dBias: GPUBuffer,
  label = 'bias-backward',
): KernelCall<GPUBuffer> {
  const cols = dOutput.shape[dOutput.shape.length - 1]!;
  const rows = sizeOf(dOutput.shape) / cols;
  const pipeline = context.pipeline('bias-backward', wgsl, { WG: WORKGROUP });
  const uniforms = uniformBuffer(context, BIAS_BACKWARD_UNIFORMS, { rows, cols }, `${label}.uniforms`);
  return kernelCall(context, label, pipeline, [dOutput.buffer, dBias, uniforms], linearGrid(context, cols, 1), dBias);
}
