// conv2d-filter-flip host side: W -> W' (rotated 180°, Cin and Cout swapped), so that a stride-1 SAME
// convolution's input gradient runs on the forward conv2d kernel (see inputGradientAsConvolution).
import wgsl from '../../../shaders/conv2d-filter-flip.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import type { ConvGradientGeometry } from './conv2d-backward-input';
import { roundUp4 } from './epilogue';
import { linearGrid } from './grid';

const WORKGROUP = 64;

export const CONV2D_FILTER_FLIP_UNIFORMS = uniformLayout('conv2d-filter-flip.wgsl', 'Params', {
  kH: 'u32',
  kW: 'u32',
  inC: 'u32',
  outC: 'u32',
  filterStride: 'u32',
  flippedStride: 'u32',
  threads: 'u32',
  _pad0: 'u32',
});

/**
 * Whether dX of this convolution equals a forward SAME convolution of dY with the flipped filter:
 * stride 1 and odd kernels (SAME then pads (k-1)/2 on both sides, so the flipped window lines up).
 */
export function inputGradientAsConvolution(
  geometry: Pick<ConvGradientGeometry, 'kH' | 'kW' | 'stride' | 'padding'>,
): boolean {
  return geometry.stride === 1 && geometry.padding === 'same' && geometry.kH % 2 === 1 && geometry.kW % 2 === 1;
}

/** Writes W' into a new zeroed buffer laid out [kH,kW,Cout,roundUp4(Cin)] (conv2d's filter layout). */
export function conv2dFilterFlip(
  context: GpuContext,
  filter: GPUBuffer,
  geometry: ConvGradientGeometry,
  label = 'conv2d-filter-flip',
): KernelCall<GPUBuffer> {
  const { kH, kW, inC, outC, filterStride } = geometry;
  const flippedStride = roundUp4(inC);
  const flipped = createTensor(context, [kH * kW * outC * flippedStride], `${label}.out`).buffer;
  const threads = kH * kW * inC * outC;
  const pipeline = context.pipeline('conv2d-filter-flip', wgsl, { WG: WORKGROUP });
  const uniforms = uniformBuffer(
    context,
    CONV2D_FILTER_FLIP_UNIFORMS,
    { kH, kW, inC, outC, filterStride, flippedStride, threads },
    `${label}.uniforms`,
  );
  return kernelCall(
    context,
    label,
    pipeline,
    [filter, flipped, uniforms],
    linearGrid(context, threads, WORKGROUP),
    flipped,
  );
}
