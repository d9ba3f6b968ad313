// add kernel host side: elementwise a + b (residual sums) with an optional fused activation.
import activationWgsl from '../../../shaders/activation.wgsl?raw';
import addWgsl from '../../../shaders/add.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, groupsFor, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { activationCode, type Activation } from './epilogue';

const CODE = activationWgsl + addWgsl;
const WG = 64;

/** The activations an elementwise op can fuse: PReLU needs per-channel slopes and is left to the convolutions. */
export type ElementwiseActivation = Exclude<Activation, { kind: 'prelu' }>;

export interface AddOptions {
  activation?: ElementwiseActivation;
  /** Write here instead of a new tensor (buffer reuse across layers); must not be `a` or `b`. */
  output?: Tensor;
  label?: string;
}

/** a + b for tensors with the same number of elements; the output takes `a`'s shape. */
export const ADD_UNIFORMS = uniformLayout('add.wgsl', 'Params', {
  count4: 'u32',
  alpha: 'f32',
  activation: 'u32',
  _pad0: 'u32',
});

export function add(context: GpuContext, a: Tensor, b: Tensor, options: AddOptions = {}): KernelCall<Tensor> {
  const label = options.label ?? 'add';
  const size = sizeOf(a.shape);
  if (sizeOf(b.shape) !== size) throw new Error(`${label}: [${a.shape}] + [${b.shape}] differ in size`);
  const output = options.output ?? createTensor(context, a.shape, `${label}.out`);
  if (sizeOf(output.shape) !== size) throw new Error(`${label}: output tensor has the wrong size`);
  // WebGPU forbids a buffer bound both read-only and writable in one dispatch.
  if (output.buffer === a.buffer || output.buffer === b.buffer) throw new Error(`${label}: cannot add in place`);
  const activation = options.activation ?? { kind: 'none' };
  const count4 = Math.ceil(size / 4);
  const pipeline = context.pipeline('add', CODE, { WG });
  const alpha = activation.kind === 'leaky' ? activation.alpha : 0;
  const uniforms = uniformBuffer(
    context,
    ADD_UNIFORMS,
    { count4, alpha, activation: activationCode(activation) },
    `${label}.uniforms`,
  );
  return kernelCall(
    context,
    label,
    pipeline,
    [a.buffer, b.buffer, output.buffer, uniforms],
    [groupsFor(context, count4, WG), 1, 1],
    output,
  );
}
