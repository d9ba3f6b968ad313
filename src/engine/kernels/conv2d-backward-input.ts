// conv2d-backward-input host side: dX of a convolution from dY and the forward pass's filter buffer.
import wgsl from '../../../shaders/conv2d-backward-input.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, type Tensor } from '../tensor';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';
import { windowGeometry, type Padding } from './padding';

const WORKGROUP = 64;

export const CONV2D_BACKWARD_INPUT_UNIFORMS = uniformLayout('conv2d-backward-input.wgsl', 'Params', {
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
  threads: 'u32',
  _pad0: 'u32',
  _pad1: 'u32',
});

export interface ConvGradientGeometry {
  kH: number;
  kW: number;
  inC: number;
  outC: number;
  stride: number;
  padding: Padding;
  /** Floats between consecutive (ky,kx,ci) rows of the filter buffer: outC, or outC rounded up to 4. */
  filterStride: number;
}

/** dX [N,inH,inW,Cin] for the convolution of an input of `inputShape` whose output gradient is `dOutput`. */
export function conv2dBackwardInput(
  context: GpuContext,
  dOutput: Tensor,
  filter: GPUBuffer,
  inputShape: readonly number[],
  geometry: ConvGradientGeometry,
  options: { output?: Tensor; label?: string } = {},
): KernelCall<Tensor> {
  const label = options.label ?? 'conv2d-backward-input';
  const [n, inH, inW, inC] = inputShape as [number, number, number, number];
  const { kH, kW, outC, stride } = geometry;
  const g = windowGeometry(inH, inW, kH, kW, stride, stride, geometry.padding);
  if (sizeOf(dOutput.shape) !== n * g.outH * g.outW * outC)
    throw new Error(`${label}: dOutput [${dOutput.shape}] does not match the convolution`);
  const dInput = options.output ?? createTensor(context, inputShape, `${label}.out`);
  const threads = sizeOf(inputShape);
  const pipeline = context.pipeline('conv2d-backward-input', wgsl, { WG: WORKGROUP });
  const uniforms = uniformBuffer(
    context,
    CONV2D_BACKWARD_INPUT_UNIFORMS,
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
      threads,
    },
    `${label}.uniforms`,
  );
  return kernelCall(
    context,
    label,
    pipeline,
    [dOutput.buffer, filter, dInput.buffer, uniforms],
    linearGrid(context, threads, WORKGROUP),
    dInput,
  );
}
