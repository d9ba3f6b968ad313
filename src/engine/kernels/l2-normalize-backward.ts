// l2-normalize-backward host side: dX of per-row L2 normalisation (l2-normalize.ts).
import wgsl from '../../../shaders/l2-normalize-backward.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, uniformBuffer, type KernelCall } from './dispatch';
import { linearGrid } from './grid';

const WORKGROUP = 64;

/** `input` is the forward pass's input x (not its output). */
export function l2NormalizeBackward(
  context: GpuContext,
  input: Tensor,
  dOutput: Tensor,
  options: { dInput?: Tensor; label?: string } = {},
): KernelCall<Tensor> {
  const label = options.label ?? 'l2-normalize-backward';
  const cols = input.shape[input.shape.length - 1]!;
  const rows = sizeOf(input.shape) / cols;
  if (sizeOf(dOutput.shape) !== sizeOf(input.shape)) throw new Error(`${label}: dOutput and input differ`);
  const dInput = options.dInput ?? createTensor(context, input.shape, `${label}.out`);
  const pipeline = context.pipeline('l2-normalize-backward', wgsl, { WG: WORKGROUP });
  const uniforms = uniformBuffer(context, [{ u32: rows }, { u32: cols }, { u32: 0 }, { u32: 0 }], `${label}.uniforms`);
  return kernelCall(context, label, pipeline, [input.buffer, dOutput.buffer, dInput.buffer, uniforms], linearGrid(context, rows, WORKGROUP), dInput);
}
