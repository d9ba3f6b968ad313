// relu-backward host side: dX = dY where the ReLU's output is positive.
import wgsl from '../../../shaders/relu-backward.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, uniformBuffer, type KernelCall } from './dispatch';
import { linearGrid } from './grid';

const WORKGROUP = 64;

/** `output` is the ReLU's forward output (a conv2d with the fused ReLU). */
export function reluBackward(
  context: GpuContext,
  output: Tensor,
  dOutput: Tensor,
  options: { dInput?: Tensor; label?: string } = {},
): KernelCall<Tensor> {
  const label = options.label ?? 'relu-backward';
  const count = sizeOf(output.shape);
  if (sizeOf(dOutput.shape) !== count) throw new Error(`${label}: dOutput [${dOutput.shape}] and output [${output.shape}] differ`);
  const dInput = options.dInput ?? createTensor(context, output.shape, `${label}.out`);
  if (dInput.buffer === dOutput.buffer) throw new Error(`${label}: cannot run in place`);
  const pipeline = context.pipeline('relu-backward', wgsl, { WG: WORKGROUP });
  const uniforms = uniformBuffer(context, [{ u32: count }, { u32: 0 }, { u32: 0 }, { u32: 0 }], `${label}.uniforms`);
  return kernelCall(context, label, pipeline, [output.buffer, dOutput.buffer, dInput.buffer, uniforms], linearGrid(context, count, WORKGROUP), dInput);
}
