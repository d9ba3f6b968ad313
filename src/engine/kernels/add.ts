// add kernel host side: elementwise a + b (residual sums) with an optional fused activation.
import activationWgsl from '../../../shaders/activation.wgsl?raw';
import addWgsl from '../../../shaders/add.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, groupsFor, uniformBuffer, type KernelCall } from './dispatch';
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
  const uniforms = uniformBuffer(
    context,
    [{ u32: count4 }, { f32: activation.kind === 'leaky' ? activation.alpha : 0 }, { u32: activationCode(activation) }, { u32: 0 }],
    `${label}.uniforms`,
  );
  return kernelCall(context, label, pipeline, [a.buffer, b.buffer, output.buffer, uniforms], [groupsFor(context, count4, WG), 1, 1], output);
}
