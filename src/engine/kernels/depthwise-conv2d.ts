// depthwise-conv2d kernel host side: filter upload ([kH,kW,C], C padded to 4) and dispatch construction.
import activationWgsl from '../../../shaders/activation.wgsl?raw';
import epilogueLanesWgsl from '../../../shaders/epilogue-lanes.wgsl?raw';
import depthwiseWgsl from '../../../shaders/depthwise-conv2d.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, uploadBuffer, type Shape, type Tensor } from '../tensor';
import { kernelCall, type KernelCall, placeholderBuffer } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { activationCode, roundUp4, uploadChannelParams, type EpilogueParams } from './epilogue';
import { linearGrid } from './grid';
import { windowGeometry, type Padding } from './padding';

const CODE = activationWgsl + epilogueLanesWgsl + depthwiseWgsl;
/** Horizontally adjacent output pixels of each thread (depthwise-conv2d.wgsl's tilePixels). */
const TILE_PIXELS = 4;
const WORKGROUP = 64;

export interface DepthwiseConv2dFilter {
  kH: number;
  kW: number;
  channels: number;
  /** [kH,kW,C4*4], channels zero-padded to a multiple of 4. */
  buffer: GPUBuffer;
  channelParams: GPUBuffer;
  activationCode: number;
}

export interface DepthwiseConv2dFilterSource extends EpilogueParams {
  kH: number;
  kW: number;
  channels: number;
  /** TensorFlow's [kH,kW,C,1] (channel multiplier 1), i.e. [kH][kW][C]. */
  weights: Float32Array;
}

export function uploadDepthwiseConv2dFilter(
  context: GpuContext,
  source: DepthwiseConv2dFilterSource,
  label = 'depthwise-conv2d',
): DepthwiseConv2dFilter {
  const { kH, kW, channels, weights } = source;
  if (weights.length !== kH * kW * channels) {
    throw new Error(`${label}: ${weights.length} weights for [${kH},${kW},${channels},1]`);
  }
  const channels4 = roundUp4(channels);
  let padded = weights;
  if (channels4 !== channels) {
    padded = new Float32Array(kH * kW * channels4);
    for (let tap = 0; tap < kH * kW; tap++) {
      padded.set(weights.subarray(tap * channels, (tap + 1) * channels), tap * channels4);
    }
  }
  return {
    kH,
    kW,
    channels,
    buffer: uploadBuffer(context, padded, `${label}.filter`),
    channelParams: uploadChannelParams(context, channels, source, label),
    activationCode: activationCode(source.activation),
  };
}

export interface DepthwiseConv2dOptions {
  stride?: number | [number, number];
  padding: Padding;
  /** Added before the activation; same shape as the output. */
  residual?: Tensor;
  /** Read the input through ReLU (max(0,x)) without a separate pass. */
  reluInput?: boolean;
  /** Write here instead of a new tensor (buffer reuse across layers). */
  output?: Tensor;
  label?: string;
}

const strides = (stride: DepthwiseConv2dOptions['stride'] = 1): [number, number] =>
  typeof stride === 'number' ? [stride, stride] : stride;

export function depthwiseConv2dOutputShape(
  input: Shape,
  filter: Pick<DepthwiseConv2dFilter, 'kH' | 'kW'>,
  options: Pick<DepthwiseConv2dOptions, 'stride' | 'padding'>,
) {
  const [strideH, strideW] = strides(options.stride);
  const g = windowGeometry(input[1]!, input[2]!, filter.kH, filter.kW, strideH, strideW, options.padding);
  return [input[0]!, g.outH, g.outW, input[3]!] as const;
}

export const DEPTHWISE_CONV2D_UNIFORMS = uniformLayout('depthwise-conv2d.wgsl', 'Params', {
  inH: 'u32',
  inW: 'u32',
  channels: 'u32',
  channels4: 'u32',
  outH: 'u32',
  outW: 'u32',
  threads: 'u32',
  kH: 'u32',
  kW: 'u32',
  strideH: 'u32',
  strideW: 'u32',
  padTop: 'i32',
  padLeft: 'i32',
  activation: 'u32',
  xGroups: 'u32',
  tilePixels: 'u32',
});

export function depthwiseConv2d(
  context: GpuContext,
  input: Tensor,
  filter: DepthwiseConv2dFilter,
  options: DepthwiseConv2dOptions,
): KernelCall<Tensor> {
  const label = options.label ?? 'depthwise-conv2d';
  const [n, inH, inW, channels] = input.shape as [number, number, number, number];
  if (channels !== filter.channels) {
    throw new Error(`${label}: input has ${channels} channels, filter expects ${filter.channels}`);
  }
  const [strideH, strideW] = strides(options.stride);
  const g = windowGeometry(inH, inW, filter.kH, filter.kW, strideH, strideW, options.padding);
  const outShape = [n, g.outH, g.outW, channels];
  const output = options.output ?? createTensor(context, outShape, `${label}.out`);
  if (sizeOf(output.shape) !== sizeOf(outShape)) throw new Error(`${label}: output tensor has the wrong size`);
  if (options.residual && sizeOf(options.residual.shape) !== sizeOf(outShape)) {
    throw new Error(`${label}: residual [${options.residual.shape}] does not match output [${outShape}]`);
  }
  const channels4 = roundUp4(channels) / 4;
  const xGroups = Math.ceil(g.outW / TILE_PIXELS);
  const threads = n * g.outH * xGroups * channels4;
  const pipeline = context.pipeline('depthwise-conv2d', CODE, {
    WG: WORKGROUP,
    HAS_RESIDUAL: options.residual ? 1 : 0,
    RELU_INPUT: options.reluInput ? 1 : 0,
  });
  const uniforms = uniformBuffer(
    context,
    DEPTHWISE_CONV2D_UNIFORMS,
    {
      inH,
      inW,
      channels,
      channels4,
      outH: g.outH,
      outW: g.outW,
      threads,
      kH: filter.kH,
      kW: filter.kW,
      strideH,
      strideW,
      padTop: g.padTop,
      padLeft: g.padLeft,
      activation: filter.activationCode,
      xGroups,
      tilePixels: TILE_PIXELS,
    },
    `${label}.uniforms`,
  );
  const residual = options.residual?.buffer ?? placeholderBuffer(context);
  return kernelCall(
    context,
    label,
    pipeline,
    [input.buffer, filter.buffer, filter.channelParams, residual, output.buffer, uniforms],
    linearGrid(context, threads, WORKGROUP),
    output,
  );
}
