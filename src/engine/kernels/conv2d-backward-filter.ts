// conv2d-backward-filter host side: dW of a convolution, in the forward kernel's filter layout.
import wgsl from '../../../shaders/conv2d-backward-filter.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { sizeOf, type Tensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import type { ConvGradientGeometry } from './conv2d-backward-input';
import { linearGrid } from './grid';
import { windowGeometry } from './padding';

const WORKGROUP = 64;

export const CONV2D_BACKWARD_FILTER_UNIFORMS = uniformLayout('conv2d-backward-filter.wgsl', 'Params', {
  inH: 'u32',
  inW: 'u32',
  inC: 'u32',
  outH: 'u32',
  outW: 'u32',
  outC: 'u32',
  kH: 'u32',
  kW: 'u32',
  strideH: 'u32',
  strideW: 'u32',
  padTop: 'i32',
  padLeft: 'i32',
  filterStride: 'u32',
  pixels: 'u32',
  groups: 'u32',
  _pad0: 'u32',
});
/** vec4 output-channel groups per thread: up to 32 channels share each input load. */
const MAX_CO_TILE = 8;

/** Writes dW ([kH,kW,Cin,filterStride], padding columns untouched) into `dFilter`. */
export function conv2dBackwardFilter(
  context: GpuContext,
  input: Tensor,
  dOutput: Tensor,
  dFilter: GPUBuffer,
  geometry: ConvGradientGeometry,
  label = 'conv2d-backward-filter',
): KernelCall<GPUBuffer> {
  const [n, inH, inW, inC] = input.shape as [number, number, number, number];
  const { kH, kW, outC, stride } = geometry;
  if (inC !== geometry.inC) throw new Error(`${label}: input has ${inC} channels, the filter ${geometry.inC}`);
  const g = windowGeometry(inH, inW, kH, kW, stride, stride, geometry.padding);
  const pixels = n * g.outH * g.outW;
  if (sizeOf(dOutput.shape) !== pixels * outC)
    throw new Error(`${label}: dOutput [${dOutput.shape}] does not match the convolution`);
  if (dFilter.size < kH * kW * inC * geometry.filterStride * 4) throw new Error(`${label}: dFilter buffer too small`);
  const coTile = Math.min(MAX_CO_TILE, Math.ceil(outC / 4));
  const groups = kH * kW * inC * Math.ceil(Math.ceil(outC / 4) / coTile);
  const pipeline = context.pipeline('conv2d-backward-filter', wgsl, { WG: WORKGROUP, CO_TILE: coTile });
  const uniforms = uniformBuffer(
    context,
    CONV2D_BACKWARD_FILTER_UNIFORMS,
    {
      inH,
      inW,
      inC,
      outH: g.outH,
      outW: g.outW,
      outC,
      kH,
      kW,
      strideH: stride,
      strideW: stride,
      padTop: g.padTop,
      padLeft: g.padLeft,
      filterStride: geometry.filterStride,
      pixels,
      groups,
    },
    `${label}.uniforms`,
  );
  // One workgroup per group: linearGrid with one "thread" per workgroup gives the wrapped group grid.
  return kernelCall(
    context,
    label,
    pipeline,
    [input.buffer, dOutput.buffer, dFilter, uniforms],
    linearGrid(context, groups, 1),
    dFilter,
  );
}
