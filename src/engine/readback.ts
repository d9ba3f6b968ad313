// Reads a network's result back to the CPU through one reusable staging buffer: the copy is recorded
// into the run's own command encoder, so a run is one submit and one map.
import type { GpuContext } from './gpu-context';
import { sizeOf, type Tensor } from './tensor';

export class Readback {
  private readonly staging: GPUBuffer;
  private readonly bytes: number;

  constructor(
    context: GpuContext,
    private readonly tensor: Tensor,
    label: string,
  ) {
    this.bytes = sizeOf(tensor.shape) * 4;
    this.staging = context.createBuffer({
      size: Math.ceil(this.bytes / 16) * 16,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
      label: `${label}.readback`,
    });
  }

  /** Records the copy; call before `encoder.finish()`. */
  record(encoder: GPUCommandEncoder): void {
    encoder.copyBufferToBuffer(this.tensor.buffer, 0, this.staging, 0, this.staging.size);
  }

  /** After the submit: waits for the GPU and returns a copy of the values. */
  async read(): Promise<Float32Array> {
    await this.staging.mapAsync(GPUMapMode.READ);
    try {
      return new Float32Array(this.staging.getMappedRange(0, this.bytes).slice(0));
    } finally {
      this.staging.unmap();
    }
  }

  destroy(): void {
    this.staging.destroy();
  }
}
