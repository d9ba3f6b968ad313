// l2-normalize host side: per-row L2 normalisation (float64 oracle: reference/l2-normalize.ts).
import wgsl from '../../../shaders/l2-normalize.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';

const WORKGROUP = 64;

export const L2_NORMALIZE_UNIFORMS = uniformLayout('l2-normalize.wgsl', 'Params', {
  rows: 'u32',
  cols: 'u32',
  _pad0: 'u32',
  _pad1: 'u32',
});

export function l2Normalize(
  context: GpuContext,
  input: Tensor,
  options: { output?: Tensor; label?: string } = {},
): KernelCall<Tensor> {
  const label = options.label ?? 'l2-normalize';
  const cols = input.shape[input.shape.length - 1]!;
  const rows = sizeOf(input.shape) / cols;
  const output = options.output ?? createTensor(context, input.shape, `${label}.out`);
  if (sizeOf(output.shape) !== sizeOf(input.shape)) throw new Error(`${label}: output and input differ`);
  const pipeline = context.pipeline('l2-normalize', wgsl, { WG: WORKGROUP });
  const uniforms = uniformBuffer(context, L2_NORMALIZE_UNIFORMS, { rows, cols }, `${label}.uniforms`);
  return kernelCall(
    context,
    label,
    pipeline,
    [input.buffer, output.buffer, uniforms],
    linearGrid(context, rows, WORKGROUP),
    output,
  );
}
