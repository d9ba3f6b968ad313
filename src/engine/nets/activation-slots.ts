// Two activation buffers that a chain of layers alternates between, so a network holds two
// largest-layer buffers instead of one buffer per layer (SSD at 512, batch 1: 34 MB of slots plus
// 3 MB of kept taps, instead of 106 MB).
// Layers whose output is read again later (taps, heads) get their own tensor from the builder.
import { GpuError } from '../errors';
import { sizeOf, type Shape, type Tensor } from '../tensor';
import type { NetBuilder } from './net-builder';

export class ActivationSlots {
  private readonly slots: [Tensor, Tensor];

  /** `capacity`: the largest tensor (in elements) that will be placed in a slot. */
  constructor(
    builder: NetBuilder,
    private readonly capacity: number,
  ) {
    const limit = builder.context.limits.maxStorageBufferBindingSize;
    if (capacity * 4 > limit) {
      throw new GpuError(
        'gpu-out-of-memory',
        `${builder.label}: an activation of ${capacity * 4} bytes exceeds this device's storage buffer limit ` +
          `of ${limit} bytes; use a smaller batch or input size.`,
      );
    }
    this.slots = [builder.tensor([capacity], 'slot0'), builder.tensor([capacity], 'slot1')];
  }

  /** A tensor of `shape` in the slot that does not hold `input` (a view: it shares the slot's buffer). */
  next(shape: Shape, input: Tensor): Tensor {
    if (sizeOf(shape) > this.capacity) throw new Error(`activation [${shape}] exceeds the slot size ${this.capacity}`);
    const slot = this.slots[0].buffer === input.buffer ? this.slots[1] : this.slots[0];
    return { buffer: slot.buffer, shape };
  }
}
