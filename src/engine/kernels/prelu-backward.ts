// prelu-backward host side: dX and dAlpha of PReLU (per-channel alpha over the last axis).
import wgsl from '../../../shaders/prelu-backward.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';

const WORKGROUP = 64;

export const PRELU_BACKWARD_UNIFORMS = uniformLayout('prelu-backward.wgsl', 'Params', {
  rows: 'u32',
  channels: 'u32',
  _pad0: 'u32',
  _pad1: 'u32',
});

export function preluBackward(
  context: GpuContext,
  input: Tensor,
  alpha: GPUBuffer,
  dOutput: Tensor,
  options: { dInput?: Tensor; dAlpha?: Tensor; label?: string } = {},
): KernelCall<{ dInput: Tensor; dAlpha: Tensor }> {
  const label = options.label ?? 'prelu-backward';
  const channels = input.shape[input.shape.length - 1]!;
  const rows = sizeOf(input.shape) / channels;
  if (sizeOf(dOutput.shape) !== sizeOf(input.shape))
    throw new Error(`${label}: dOutput [${dOutput.shape}] and input [${input.shape}] differ`);
  const dInput = options.dInput ?? createTensor(context, input.shape, `${label}.dInput`);
  const dAlpha = options.dAlpha ?? createTensor(context, [channels], `${label}.dAlpha`);
  const pipeline = context.pipeline('prelu-backward', wgsl, { WG: WORKGROUP });
  const uniforms = uniformBuffer(context, PRELU_BACKWARD_UNIFORMS, { rows, channels }, `${label}.uniforms`);
  return kernelCall(
    context,
    label,
    pipeline,
    [input.buffer, alpha, dOutput.buffer, dInput.buffer, dAlpha.buffer, uniforms],
    linearGrid(context, channels, 1),
    { dInput, dAlpha },
  );
}
