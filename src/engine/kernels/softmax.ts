// softmax kernel host side: numerically stable softmax over the last axis.
import softmaxWgsl from '../../../shaders/softmax.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, uniformBuffer, type KernelCall } from './dispatch';
import { rowGrid } from './row-grid';

export interface SoftmaxOptions {
  /** Write here instead of a new tensor (buffer reuse across layers); must not be the input. */
  output?: Tensor;
  label?: string;
}

/** Softmax of each row of `input` seen as [rows, last axis]; the output has the input's shape. */
export function softmax(context: GpuContext, input: Tensor, options: SoftmaxOptions = {}): KernelCall<Tensor> {
  const label = options.label ?? 'softmax';
  const grid = rowGrid(context, input.shape, label);
  const output = options.output ?? createTensor(context, input.shape, `${label}.out`);
  if (sizeOf(output.shape) !== sizeOf(input.shape)) throw new Error(`${label}: output tensor has the wrong size`);
  if (output.buffer === input.buffer) throw new Error(`${label}: cannot run in place`);
  const pipeline = context.pipeline('softmax', softmaxWgsl, { WG_X: grid.wgX, WG_Y: grid.wgY });
  const uniforms = uniformBuffer(context, [{ u32: grid.rows }, { u32: grid.cols }, { u32: 0 }, { u32: 0 }], `${label}.uniforms`);
  return kernelCall(context, label, pipeline, [input.buffer, output.buffer, uniforms], grid.workgroups, output);
}
