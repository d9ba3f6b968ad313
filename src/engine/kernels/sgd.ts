// sgd host side: momentum SGD with weight decay on one parameter buffer; the learning rate lives in a
// shared one-float buffer that the trainer rewrites when its schedule changes it.
import wgsl from '../../../shaders/sgd.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { kernelCall, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { linearGrid } from './grid';

const WORKGROUP = 64;

export const SGD_UNIFORMS = uniformLayout('sgd.wgsl', 'Params', {
  count: 'u32',
  momentum: 'f32',
  weightDecay: 'f32',
  _pad0: 'u32',
});

export interface SgdParameter {
  /** Updated in place: its first `count` floats. */
  parameter: GPUBuffer;
  gradient: GPUBuffer;
  /** Zero-initialised, `count` floats at least; updated in place. */
  velocity: GPUBuffer;
  count: number;
}

export function sgd(
  context: GpuContext,
  target: SgdParameter,
  learningRate: GPUBuffer,
  hyper: { momentum: number; weightDecay: number },
  label = 'sgd',
): KernelCall<GPUBuffer> {
  const { parameter, gradient, velocity, count } = target;
  for (const [name, buffer] of [
    ['parameter', parameter],
    ['gradient', gradient],
    ['velocity', velocity],
  ] as const) {
    if (buffer.size < count * 4) throw new Error(`${label}: ${name} buffer holds fewer than ${count} floats`);
  }
  const pipeline = context.pipeline('sgd', wgsl, { WG: WORKGROUP });
  const uniforms = uniformBuffer(
    context,
    SGD_UNIFORMS,
    { count, momentum: hyper.momentum, weightDecay: hyper.weightDecay },
    `${label}.uniforms`,
  );
  return kernelCall(
    context,
    label,
    pipeline,
    [parameter, gradient, velocity, learningRate, uniforms],
    linearGrid(context, count, WORKGROUP),
    parameter,
  );
}
