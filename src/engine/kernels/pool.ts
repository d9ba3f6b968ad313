// pool kernel host side: max / average pooling, TensorFlow SAME or VALID windows.
import poolWgsl from '../../../shaders/pool.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Shape, type Tensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';
import { windowGeometry } from './padding';

const WORKGROUP = 64;

export type PoolKind = 'max' | 'average';

export interface PoolOptions {
  kind: PoolKind;
  /** Window size: k, or [kH, kW]. */
  window: number | [number, number];
  /** Defaults to 1. */
  stride?: number | [number, number];
  /**
   * TF semantics: positions outside the input are ignored by max and left out of the average's count.
   * Explicit padding is not offered: no model pools with it, and TF has no such pooling.
   */
  padding: 'same' | 'valid';
  /** Write here instead of a new tensor (buffer reuse across layers). */
  output?: Tensor;
  label?: string;
}

const pair = (value: number | [number, number]): [number, number] =>
  typeof value === 'number' ? [value, value] : value;

export function poolOutputShape(input: Shape, options: Pick<PoolOptions, 'window' | 'stride' | 'padding'>) {
  const [kH, kW] = pair(options.window);
  const [strideH, strideW] = pair(options.stride ?? 1);
  const g = windowGeometry(input[1]!, input[2]!, kH, kW, strideH, strideW, options.padding);
  return [input[0]!, g.outH, g.outW, input[3]!] as const;
}

export const POOL_UNIFORMS = uniformLayout('pool.wgsl', 'Params', {
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

export function pool(context: GpuContext, input: Tensor, options: PoolOptions): KernelCall<Tensor> {
  const label = options.label ?? `${options.kind}-pool`;
  const [n, inH, inW, channels] = input.shape as [number, number, number, number];
  const [kH, kW] = pair(options.window);
  const [strideH, strideW] = pair(options.stride ?? 1);
  const g = windowGeometry(inH, inW, kH, kW, strideH, strideW, options.padding);
  const outShape = [n, g.outH, g.outW, channels];
  const output = options.output ?? createTensor(context, outShape, `${label}.out`);
  if (sizeOf(output.shape) !== sizeOf(outShape)) throw new Error(`${label}: output tensor has the wrong size`);
  const threads = sizeOf(outShape);
  const pipeline = context.pipeline('pool', poolWgsl, { WG: WORKGROUP, IS_MAX: options.kind === 'max' ? 1 : 0 });
  const uniforms = uniformBuffer(
    context,
    POOL_UNIFORMS,
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
    [input.buffer, output.buffer, uniforms],
    linearGrid(context, threads, WORKGROUP),
    output,
  );
}
