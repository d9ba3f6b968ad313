// bias-backward host side: column sums of an output gradient, the gradient of a per-channel bias.
import wgsl from '../../../shaders/bias-backward.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { sizeOf, type Tensor } from '../tensor';
import { kernelCall, uniformBuffer, type KernelCall } from './dispatch';
import { linearGrid } from './grid';

const WORKGROUP = 64;

/** dBias[c] = sum of dOutput over every axis but the last; written to the first C floats of `dBias`. */
export function biasBackward(context: GpuContext, dOutput: Tensor, dBias: GPUBuffer, label = 'bias-backward'): KernelCall<GPUBuffer> {
  const cols = dOutput.shape[dOutput.shape.length - 1]!;
  const rows = sizeOf(dOutput.shape) / cols;
  const pipeline = context.pipeline('bias-backward', wgsl, { WG: WORKGROUP });
  const uniforms = uniformBuffer(context, [{ u32: rows }, { u32: cols }, { u32: 0 }, { u32: 0 }], `${label}.uniforms`);
  return kernelCall(context, label, pipeline, [dOutput.buffer, dBias, uniforms], linearGrid(context, cols, 1), dBias);
}
