// l2-normalize-backward host side: dX of per-row L2 normalisation (forward: reference/l2-normalize.ts).
import wgsl from '../../../shaders/l2-normalize-backward.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';

const WORKGROUP = 64;

export const L2_NORMALIZE_BACKWARD_UNIFORMS = uniformLayout('l2-normalize-backward.wgsl', 'Params', {
  rows: 'u32',
  cols: 'u32',
  _pad0: 'u32',
  _pad1: 'u32',
});

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
  const uniforms = uniformBuffer(context, L2_NORMALIZE_BACKWARD_UNIFORMS, { rows, cols }, `${label}.uniforms`);
  return kernelCall(
    context,
    label,
    pipeline,
    [input.buffer, dOutput.buffer, dInput.buffer, uniforms],
    linearGrid(context, rows, WORKGROUP),
    dInput,
  );
}
