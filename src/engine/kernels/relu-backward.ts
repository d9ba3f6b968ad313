// relu-backward host side: dX = dY where the ReLU's output is positive.
import wgsl from '../../../shaders/relu-backward.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';

const WORKGROUP = 64;

export const RELU_BACKWARD_UNIFORMS = uniformLayout('relu-backward.wgsl', 'Params', {
  count: 'u32',
  _pad0: 'u32',
  _pad1: 'u32',
  _pad2: 'u32',
});

/** `output` is the ReLU's forward output (a conv2d with the fused ReLU). */
export function reluBackward(
  context: GpuContext,
  output: Tensor,
  dOutput: Tensor,
  options: { dInput?: Tensor; label?: string } = {},
): KernelCall<Tensor> {
  const label = options.label ?? 'relu-backward';
  const count = sizeOf(output.shape);
  if (sizeOf(dOutput.shape) !== count)
    throw new Error(`${label}: dOutput [${dOutput.shape}] and output [${output.shape}] differ`);
  const dInput = options.dInput ?? createTensor(context, output.shape, `${label}.out`);
  if (dInput.buffer === dOutput.buffer) throw new Error(`${label}: cannot run in place`);
  const pipeline = context.pipeline('relu-backward', wgsl, { WG: WORKGROUP });
  const uniforms = uniformBuffer(context, RELU_BACKWARD_UNIFORMS, { count }, `${label}.uniforms`);
  return kernelCall(
    context,
    label,
    pipeline,
    [output.buffer, dOutput.buffer, dInput.buffer, uniforms],
    linearGrid(context, count, WORKGROUP),
    dInput,
  );
}
