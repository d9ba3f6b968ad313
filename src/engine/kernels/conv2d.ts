// conv2d kernel host side: weight upload (HWIO, Cout padded to 4) and dispatch construction.
import activationWgsl from '../../../shaders/activation.wgsl?raw';
import epilogueLanesWgsl from '../../../shaders/epilogue-lanes.wgsl?raw';
import epilogueTileWgsl from '../../../shaders/epilogue-tile.wgsl?raw';
import subgroupTileWgsl from '../../../shaders/subgroup-tile.wgsl?raw';
import conv2dCommonWgsl from '../../../shaders/conv2d-common.wgsl?raw';
import conv2dWgsl from '../../../shaders/conv2d.wgsl?raw';
import conv2dSubgroupWgsl from '../../../shaders/conv2d-subgroup.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, uploadBuffer, type Tensor } from '../tensor';
import { kernelCall, groupsFor, placeholderBuffer, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { checkSubgroupKernel, matmul, subgroupKernelFor, tiledMatmulConfig, type SubgroupKernel } from './matmul';
import { activationCode, roundUp4, uploadChannelParams, type EpilogueParams } from './epilogue';
import { windowGeometry, type Padding } from './padding';

/** Everything a kernel file here uses besides itself. */
const SHARED = conv2dCommonWgsl + activationWgsl + epilogueLanesWgsl + epilogueTileWgsl;
const CODE = conv2dWgsl + SHARED;
// The kernel first: its `enable subgroups;` must precede every declaration.
const SUBGROUP_CODE = conv2dSubgroupWgsl + SHARED + subgroupTileWgsl;

/** Output pixels of each thread's tile (conv2d.wgsl's tilePixels). */
const TILE_PIXELS = 4;

export interface Conv2dFilter {
  kH: number;
  kW: number;
  inC: number;
  outC: number;
  /** HWIO, Cout padded to a multiple of 4. */
  buffer: GPUBuffer;
  channelParams: GPUBuffer;
  activationCode: number;
}

export interface Conv2dFilterSource extends EpilogueParams {
  kH: number;
  kW: number;
  inC: number;
  outC: number;
  /** HWIO [kH,kW,Cin,Cout], the TensorFlow layout the model files use. */
  weights: Float32Array;
}

export function uploadConv2dFilter(context: GpuContext, source: Conv2dFilterSource, label = 'conv2d'): Conv2dFilter {
  const { kH, kW, inC, outC, weights } = source;
  if (weights.length !== kH * kW * inC * outC) {
    throw new Error(`${label}: ${weights.length} weights for [${kH},${kW},${inC},${outC}]`);
  }
  const outC4 = roundUp4(outC);
  let padded = weights;
  if (outC4 !== outC) {
    padded = new Float32Array(kH * kW * inC * outC4);
    for (let row = 0; row < kH * kW * inC; row++) {
      padded.set(weights.subarray(row * outC, (row + 1) * outC), row * outC4);
    }
  }
  return {
    kH,
    kW,
    inC,
    outC,
    buffer: uploadBuffer(context, padded, `${label}.filter`),
    channelParams: uploadChannelParams(context, outC, source, label),
    activationCode: activationCode(source.activation),
  };
}

export interface Conv2dOptions {
  stride?: number | [number, number];
  padding: Padding;
  /** Added before the activation; same shape as the output. */
  residual?: Tensor;
  /** Write here instead of a new tensor (buffer reuse across layers). */
  output?: Tensor;
  /**
   * 'tiled' (conv2d.wgsl; 1×1 products: matmul.wgsl) or a subgroup kernel (conv2d-subgroup.wgsl /
   * matmul-subgroup.wgsl); by default the adapter's choice (subgroupKernelFor in matmul.ts).
   */
  kernel?: 'tiled' | SubgroupKernel;
  label?: string;
}

export function conv2dOutputShape(
  input: Tensor['shape'],
  filter: Pick<Conv2dFilter, 'kH' | 'kW' | 'outC'>,
  options: Pick<Conv2dOptions, 'stride' | 'padding'>,
) {
  const [strideH, strideW] = strides(options.stride);
  const g = windowGeometry(input[1]!, input[2]!, filter.kH, filter.kW, strideH, strideW, options.padding);
  return [input[0]!, g.outH, g.outW, filter.outC] as const;
}

const strides = (stride: Conv2dOptions['stride'] = 1): [number, number] =>
  typeof stride === 'number' ? [stride, stride] : stride;

/** conv2d.wgsl and conv2d-subgroup.wgsl share this struct. */
export const CONV2D_UNIFORMS = uniformLayout('conv2d-common.wgsl', 'Params', {
  inH: 'u32',
  inW: 'u32',
  inC: 'u32',
  outH: 'u32',
  outW: 'u32',
  outC: 'u32',
  outC4: 'u32',
  pixels: 'u32',
  kH: 'u32',
  kW: 'u32',
  strideH: 'u32',
  strideW: 'u32',
  padTop: 'i32',
  padLeft: 'i32',
  activation: 'u32',
  tilePixels: 'u32',
});

export function conv2d(
  context: GpuContext,
  input: Tensor,
  filter: Conv2dFilter,
  options: Conv2dOptions,
): KernelCall<Tensor> {
  const label = options.label ?? 'conv2d';
  const [n, inH, inW, inC] = input.shape as [number, number, number, number];
  if (inC !== filter.inC) throw new Error(`${label}: input has ${inC} channels, filter expects ${filter.inC}`);
  const [strideH, strideW] = strides(options.stride);
  const g = windowGeometry(inH, inW, filter.kH, filter.kW, strideH, strideW, options.padding);
  const outShape = [n, g.outH, g.outW, filter.outC];
  const output = options.output ?? createTensor(context, outShape, `${label}.out`);
  if (sizeOf(output.shape) !== sizeOf(outShape)) throw new Error(`${label}: output tensor has the wrong size`);
  if (options.residual && sizeOf(options.residual.shape) !== sizeOf(outShape)) {
    throw new Error(`${label}: residual [${options.residual.shape}] does not match output [${outShape}]`);
  }
  const outC4 = roundUp4(filter.outC) / 4;
  const pixels = n * g.outH * g.outW;
  const kernel = options.kernel ?? subgroupKernelFor(context) ?? 'tiled';
  const subgroup = kernel === 'tiled' ? undefined : kernel;
  if (runsAsMatmul(input.shape, filter, options)) {
    const weights = {
      k: filter.inC,
      n: filter.outC,
      buffer: filter.buffer,
      channelParams: filter.channelParams,
      activationCode: filter.activationCode,
    };
    const config = subgroup ?? tiledMatmulConfig(context, pixels, filter.inC, filter.outC);
    return matmul(context, input, weights, { output, residual: options.residual, label, config });
  }
  if (subgroup) checkSubgroupKernel(context, subgroup, label);
  const residual = options.residual?.buffer ?? placeholderBuffer(context);
  const tilePixels = subgroup ? subgroup.subgroupLanes : TILE_PIXELS;
  const hasResidual = { HAS_RESIDUAL: options.residual ? 1 : 0 };
  let pipeline: GPUComputePipeline;
  let workgroups: [number, number, number];
  if (subgroup) {
    // A workgroup is one subgroup: LANES output-channel groups x LANES pixels.
    pipeline = context.pipeline('conv2d-subgroup', SUBGROUP_CODE, { LANES: subgroup.subgroupLanes, ...hasResidual });
    workgroups = [groupsFor(context, outC4, subgroup.subgroupLanes), groupsFor(context, pixels, tilePixels), 1];
  } else {
    const wgX = Math.min(outC4 <= 2 ? 2 : outC4 <= 4 ? 4 : 8, 8);
    const wgY = 64 / wgX;
    pipeline = context.pipeline('conv2d', CODE, { WG_X: wgX, WG_Y: wgY, ...hasResidual });
    workgroups = [groupsFor(context, outC4, wgX), groupsFor(context, Math.ceil(pixels / tilePixels), wgY), 1];
  }
  const uniforms = uniformBuffer(
    context,
    CONV2D_UNIFORMS,
    {
      inH,
      inW,
      inC,
      outH: g.outH,
      outW: g.outW,
      outC: filter.outC,
      outC4,
      pixels,
      kH: filter.kH,
      kW: filter.kW,
      strideH,
      strideW,
      padTop: g.padTop,
      padLeft: g.padLeft,
      activation: filter.activationCode,
      tilePixels,
    },
    `${label}.uniforms`,
  );
  return kernelCall(
    context,
    label,
    pipeline,
    [input.buffer, filter.buffer, filter.channelParams, residual, output.buffer, uniforms],
    workgroups,
    output,
  );
}

/**
 * Whether conv2d runs this convolution as a matrix product (matmul.wgsl): a 1×1 filter, stride 1 and no
 * padding, where NHWC input rows are the matrix rows and the HWIO filter is the [Cin, Cout] matrix. No
 * window arithmetic is left in its inner loop, and it reads four input channels at a time.
 */
export function runsAsMatmul(
  inputShape: Tensor['shape'],
  filter: Pick<Conv2dFilter, 'kH' | 'kW'>,
  options: Pick<Conv2dOptions, 'stride' | 'padding'>,
): boolean {
  const [strideH, strideW] = strides(options.stride);
  if (filter.kH !== 1 || filter.kW !== 1 || strideH !== 1 || strideW !== 1) return false;
  const g = windowGeometry(inputShape[1]!, inputShape[2]!, 1, 1, 1, 1, options.padding);
  return g.padTop === 0 && g.padLeft === 0 && g.outH === inputShape[1] && g.outW === inputShape[2];
}
