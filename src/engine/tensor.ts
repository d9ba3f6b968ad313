// A float32 NHWC tensor living in a GPU storage buffer. Shapes are fixed when a network is built,
// so tensors are allocated once and reused across runs.
import type { GpuContext } from './gpu-context';

export type Shape = readonly number[];

export interface Tensor {
  readonly buffer: GPUBuffer;
  readonly shape: Shape;
}

export const sizeOf = (shape: Shape): number => shape.reduce((a, b) => a * b, 1);

const STORAGE = () => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;

/** WebGPU rejects zero-sized bindings; every buffer holds at least one vec4. */
const byteSize = (elements: number): number => Math.max(16, Math.ceil((elements * 4) / 16) * 16);

export function createTensor(context: GpuContext, shape: Shape, label = 'tensor'): Tensor {
  const buffer = context.createBuffer({ size: byteSize(sizeOf(shape)), usage: STORAGE(), label });
  return { buffer, shape };
}

export function uploadTensor(context: GpuContext, shape: Shape, data: Float32Array, label = 'tensor'): Tensor {
  if (data.length !== sizeOf(shape)) {
    throw new Error(`uploadTensor(${label}): ${data.length} values for shape [${shape.join(',')}]`);
  }
  const tensor = createTensor(context, shape, label);
  context.device.queue.writeBuffer(tensor.buffer, 0, data.buffer, data.byteOffset, data.byteLength);
  return tensor;
}

/** A read-only storage buffer holding `data` (weights, per-channel parameters). */
export function uploadBuffer(context: GpuContext, data: Float32Array | Uint32Array, label: string): GPUBuffer {
  const buffer = context.createBuffer({ size: byteSize(data.length), usage: STORAGE(), label });
  context.device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, data.byteLength);
  return buffer;
}

/** Copies a tensor back to the CPU (one staging buffer, one map). For tests and final results. */
export async function readTensor(context: GpuContext, tensor: Tensor): Promise<Float32Array> {
  const elements = sizeOf(tensor.shape);
  const size = byteSize(elements);
  const staging = context.createBuffer({
    size,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    label: 'readback',
  });
  const encoder = context.device.createCommandEncoder({ label: 'readback' });
  encoder.copyBufferToBuffer(tensor.buffer, 0, staging, 0, size);
  context.device.queue.submit([encoder.finish()]);
  await staging.mapAsync(GPUMapMode.READ);
  const result = new Float32Array(staging.getMappedRange().slice(0, elements * 4));
  staging.unmap();
  staging.destroy();
  return result;
}

export function destroyTensor(tensor: Tensor): void {
  tensor.buffer.destroy();
}
