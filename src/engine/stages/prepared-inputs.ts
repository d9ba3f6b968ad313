// The dispatches that turn the frame texture into each network's input (a crop padded to a square, or
// an aligned chip), kept per network input slot and reused: a new frame of the same size only rewrites
// their uniforms. They bind the frame texture, so a new texture (another size, a new device) drops them.
import type { Dispatch } from '../kernels/dispatch';
import { destroyDispatch } from '../kernels/dispatch';
import { imageToTensor, type ImageToTensorGeometry } from '../kernels/image-to-tensor';
import { similarityWarp, type SimilarityWarpGeometry } from '../kernels/similarity-warp';
import type { GpuContext } from '../gpu-context';
import type { Tensor } from '../tensor';

/** Where a prepared input goes: image `slot` of a network's [B, size, size, 3] input. */
export interface InputSlot {
  readonly input: Tensor;
  readonly slot: number;
  /** Names the slot; also the cache key, so it must tell apart every (network, batch, slot, kind). */
  readonly label: string;
}

interface PreparedCall<Geometry> {
  readonly dispatch: Dispatch;
  update(geometry: Geometry): void;
}

export class PreparedInputs {
  private readonly calls = new Map<string, PreparedCall<never>>();
  private texture: GPUTexture | undefined;

  constructor(private readonly context: GpuContext) {}

  /** An axis-aligned crop of the frame (image-to-tensor). */
  crop(frame: GPUTexture, target: InputSlot, geometry: ImageToTensorGeometry): Dispatch {
    return this.prepare(frame, `${target.label}:crop`, geometry, () =>
      imageToTensor(this.context, frame, { ...geometry, ...this.placement(target), label: `${target.label}:crop` }),
    );
  }

  /** A similarity-aligned chip of the frame (similarity-warp). */
  chip(frame: GPUTexture, target: InputSlot, geometry: SimilarityWarpGeometry): Dispatch {
    return this.prepare(frame, `${target.label}:chip`, geometry, () =>
      similarityWarp(this.context, frame, { ...geometry, ...this.placement(target), label: `${target.label}:chip` }),
    );
  }

  /** Frees every prepared dispatch (the frame changed, or the engine is going). */
  clear(): void {
    for (const call of this.calls.values()) destroyDispatch(call.dispatch);
    this.calls.clear();
  }

  private placement({ input, slot }: InputSlot) {
    const [, outH, outW] = input.shape as [number, number, number, number];
    return { outH, outW, output: input, batchIndex: slot };
  }

  private prepare<Geometry>(
    frame: GPUTexture,
    key: string,
    geometry: Geometry,
    create: () => PreparedCall<Geometry>,
  ): Dispatch {
    if (frame !== this.texture) {
      this.clear();
      this.texture = frame;
    }
    const found = this.calls.get(key) as PreparedCall<Geometry> | undefined;
    if (found) {
      found.update(geometry);
      return found.dispatch;
    }
    const call = create();
    this.calls.set(key, call as PreparedCall<never>);
    return call.dispatch;
  }
}
