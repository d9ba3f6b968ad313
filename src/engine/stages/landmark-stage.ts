// Landmarks with a landmark network: each box is cropped as face-api crops it (clipped to the frame,
// padded centred to a square), and the network's points are mapped back to frame pixels.
import type { Box } from '../face-engine-types';
import { faceApiCrop, landmarksToFrame } from '../face-geometry';
import type { GpuContext } from '../gpu-context';
import { padToSquare } from '../kernels/image-to-tensor';
import type { LandmarkNetwork, UploadedLandmarkNetwork, Uploader } from '../networks/network';
import type { WeightMap } from '../weights/manifest';
import { NetworkStage } from './network-stage';
import type { PreparedInputs } from './prepared-inputs';

export class LandmarkStage extends NetworkStage<UploadedLandmarkNetwork> {
  private constructor(
    context: GpuContext,
    private readonly descriptor: LandmarkNetwork,
    uploaded: UploadedLandmarkNetwork,
    inputs: PreparedInputs,
    private readonly maxBatch: number,
  ) {
    super(context, descriptor.id, uploaded, inputs);
  }

  static create(
    context: GpuContext,
    descriptor: LandmarkNetwork,
    upload: Uploader<UploadedLandmarkNetwork>,
    weights: WeightMap,
    inputs: PreparedInputs,
    maxBatch: number,
  ): LandmarkStage {
    return new LandmarkStage(context, descriptor, upload(context, weights), inputs, maxBatch);
  }

  /** The points of each box's face as [x0,y0,x1,y1,...] in frame pixels. */
  landmarks(frame: GPUTexture, boxes: readonly Box[]): Promise<Float32Array[]> {
    const { normalise } = this.descriptor;
    return this.inBatches(boxes, this.maxBatch, async (chunk, batch) => {
      const crops = chunk.map((box) => faceApiCrop(box, frame.width, frame.height));
      const prepare = crops.map((crop, slot) =>
        this.inputs.crop(frame, this.slot(batch, slot), {
          crop,
          canvas: padToSquare(crop.width, crop.height, 'centred'),
          normalise,
          flip: false,
        }),
      );
      const outputs = await this.execute(batch, prepare);
      return crops.map((crop, slot) => landmarksToFrame(this.network.decode(outputs, slot), crop, chunk[slot]!));
    });
  }
}
