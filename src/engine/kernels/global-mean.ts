// global-mean kernel host side: [N,H,W,C] -> [N,1,1,C], the mean over every pixel of each channel.
import globalMeanWgsl from '../../../shaders/global-mean.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Shape, type Tensor } from '../tensor';
import { kernelCall, groupsFor, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';

const THREADS = 64;

export interface GlobalMeanOptions {
  /** Write here instead of a new tensor (buffer reuse across layers). */
  output?: Tensor;
  label?: string;
}

export const globalMeanOutputShape = (input: Shape) => [input[0]!, 1, 1, input[3]!] as const;

export const GLOBAL_MEAN_UNIFORMS = uniformLayout('global-mean.wgsl', 'Params', {
  pixels: 'u32',
  channels: 'u32',
  _pad0: 'u32',
  _pad1: 'u32',
});

export function globalMean(context: GpuContext, input: Tensor, options: GlobalMeanOptions = {}): KernelCall<Tensor> {
  const label = options.label ?? 'global-mean';
  const [n, h, w, channels] = input.shape as [number, number, number, number];
  const outShape = globalMeanOutputShape(input.shape);
  const output = options.output ?? createTensor(context, outShape, `${label}.out`);
  if (sizeOf(output.shape) !== sizeOf(outShape)) throw new Error(`${label}: output tensor has the wrong size`);
  // Few channels: spend the workgroup on pixel lanes instead (a wide map with 3 channels, say).
  const wgX = channels <= 4 ? 4 : channels <= 8 ? 8 : 16;
  const wgY = THREADS / wgX;
  const pipeline = context.pipeline('global-mean', globalMeanWgsl, { WG_X: wgX, WG_Y: wgY });
  const uniforms = uniformBuffer(context, GLOBAL_MEAN_UNIFORMS, { pixels: h * w, channels }, `${label}.uniforms`);
  return kernelCall(
    context,
    label,
    pipeline,
    [input.buffer, output.buffer, uniforms],
    [groupsFor(context, channels, wgX), groupsFor(context, n, 1), 1],
    output,
  );
}
