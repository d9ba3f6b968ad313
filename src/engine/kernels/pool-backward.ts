// pool-backward host side: dX of max or average pooling (pool.ts's windows).
import wgsl from '../../../shaders/pool-backward.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';
import { windowGeometry } from './padding';
import type { PoolOptions } from './pool';

const WORKGROUP = 64;

export const POOL_BACKWARD_UNIFORMS = uniformLayout('pool-backward.wgsl', 'Params', {
  inH: 'u32',
  inW: 'u32',
  channels: 'u32',
  outH: 'u32',
  outW: 'u32',
  threads: 'u32',
  kH: 'u32',
  kW: 'u32',
  strideH: 'u32',
  strideW: 'u32',
  padTop: 'i32',
  padLeft: 'i32',
});

const pair = (value: number | [number, number]): [number, number] =>
  typeof value === 'number' ? [value, value] : value;

/** `input` is the forward pass's input (max reads it to find each window's argmax). */
export function poolBackward(
  context: GpuContext,
  input: Tensor,
  dOutput: Tensor,
  options: Pick<PoolOptions, 'kind' | 'window' | 'stride' | 'padding'> & { dInput?: Tensor; label?: string },
): KernelCall<Tensor> {
  const label = options.label ?? `${options.kind}-pool-backward`;
  const [n, inH, inW, channels] = input.shape as [number, number, number, number];
  const [kH, kW] = pair(options.window);
  const [strideH, strideW] = pair(options.stride ?? 1);
  const g = windowGeometry(inH, inW, kH, kW, strideH, strideW, options.padding);
  if (sizeOf(dOutput.shape) !== n * g.outH * g.outW * channels)
    throw new Error(`${label}: dOutput [${dOutput.shape}] does not match the pool`);
  const dInput = options.dInput ?? createTensor(context, input.shape, `${label}.out`);
  const threads = sizeOf(input.shape);
  const pipeline = context.pipeline('pool-backward', wgsl, { WG: WORKGROUP, IS_MAX: options.kind === 'max' ? 1 : 0 });
  const uniforms = uniformBuffer(
    context,
    POOL_BACKWARD_UNIFORMS,
    {
      inH,
      inW,
      channels,
      outH: g.outH,
      outW: g.outW,
      threads,
      kH,
      kW,
      strideH,
      strideW,
      padTop: g.padTop,
      padLeft: g.padLeft,
    },
    `${label}.uniforms`,
  );
  return kernelCall(
    context,
    label,
    pipeline,
    [input.buffer, dOutput.buffer, dInput.buffer, uniforms],
    linearGrid(context, threads, WORKGROUP),
    dInput,
  );
}
