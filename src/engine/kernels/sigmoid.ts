// sigmoid kernel host side: elementwise 1 / (1 + exp(-x)).
import sigmoidWgsl from '../../../shaders/sigmoid.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, groupsFor, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';

const WG = 64;

export interface SigmoidOptions {
  /** Write here instead of a new tensor (buffer reuse across layers); must not be the input. */
  output?: Tensor;
  label?: string;
}

export const SIGMOID_UNIFORMS = uniformLayout('sigmoid.wgsl', 'Params', {
  count4: 'u32',
  _pad0: 'u32',
  _pad1: 'u32',
  _pad2: 'u32',
});

export function sigmoid(context: GpuContext, input: Tensor, options: SigmoidOptions = {}): KernelCall<Tensor> {
  const label = options.label ?? 'sigmoid';
  const size = sizeOf(input.shape);
  const output = options.output ?? createTensor(context, input.shape, `${label}.out`);
  if (sizeOf(output.shape) !== size) throw new Error(`${label}: output tensor has the wrong size`);
  if (output.buffer === input.buffer) throw new Error(`${label}: cannot run in place`);
  const count4 = Math.ceil(size / 4);
  const pipeline = context.pipeline('sigmoid', sigmoidWgsl, { WG });
  const uniforms = uniformBuffer(context, SIGMOID_UNIFORMS, { count4 }, `${label}.uniforms`);
  return kernelCall(
    context,
    label,
    pipeline,
    [input.buffer, output.buffer, uniforms],
    [groupsFor(context, count4, WG), 1, 1],
    output,
  );
}
