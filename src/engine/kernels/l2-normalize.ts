// l2-normalize kernel host side: each row over the last axis divided by its L2 norm.
import l2NormalizeWgsl from '../../../shaders/l2-normalize.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, uniformBuffer, type KernelCall } from './dispatch';
import { rowGrid } from './row-grid';

export interface L2NormalizeOptions {
  /** Write here instead of a new tensor (buffer reuse across layers); must not be the input. */
  output?: Tensor;
  label?: string;
}

/** x / sqrt(max(sum x^2, 1e-12)) per row of `input` seen as [rows, last axis]; output has the input's shape. */
export function l2Normalize(context: GpuContext, input: Tensor, options: L2NormalizeOptions = {}): KernelCall<Tensor> {
  const label = options.label ?? 'l2-normalize';
  const grid = rowGrid(context, input.shape, label);
  const output = options.output ?? createTensor(context, input.shape, `${label}.out`);
  if (sizeOf(output.shape) !== sizeOf(input.shape)) throw new Error(`${label}: output tensor has the wrong size`);
  if (output.buffer === input.buffer) throw new Error(`${label}: cannot run in place`);
  const pipeline = context.pipeline('l2-normalize', l2NormalizeWgsl, { WG_X: grid.wgX, WG_Y: grid.wgY });
  const uniforms = uniformBuffer(context, [{ u32: grid.rows }, { u32: grid.cols }, { u32: 0 }, { u32: 0 }], `${label}.uniforms`);
  return kernelCall(context, label, pipeline, [input.buffer, output.buffer, uniforms], grid.workgroups, output);
}
