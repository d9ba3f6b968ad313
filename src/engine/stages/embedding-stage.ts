// Descriptors with an embedding network, from one of two inputs: the dlib-aligned chip (a similarity
// warp fitted to the landmarks) or face-api's axis-aligned crop. With `flip` each face also goes in
// mirrored and the two descriptors are averaged.
import { getFaceChipDetails } from '../alignment';
import type { DetectedFace } from '../face-engine-types';
import { DLIB_CHIP_PADDING, faceApiAlignedBox, faceApiCrop, toPoints } from '../face-geometry';
import type { GpuContext } from '../gpu-context';
import { padToSquare } from '../kernels/image-to-tensor';
import type { EmbeddingNetwork, UploadedEmbeddingNetwork, Uploader } from '../networks/network';
import type { WeightMap } from '../weights/manifest';
import { NetworkStage } from './network-stage';
import type { InputSlot, PreparedInputs } from './prepared-inputs';

export type Alignment = 'dlib-chip' | 'face-api-crop';

export interface EmbedOptions {
  /** Average the descriptors of the input and its mirror image (test-time augmentation). */
  flip?: boolean;
  /** 'dlib-chip' (default): similarity-aligned chip; 'face-api-crop': face-api's axis-aligned crop. */
  alignment?: Alignment;
}

export class EmbeddingStage extends NetworkStage<UploadedEmbeddingNetwork> {
  private constructor(
    context: GpuContext,
    readonly descriptor: EmbeddingNetwork,
    uploaded: UploadedEmbeddingNetwork,
    inputs: PreparedInputs,
    private readonly maxBatch: number,
  ) {
    super(context, descriptor.id, uploaded, inputs);
  }

  static create(
    context: GpuContext,
    descriptor: EmbeddingNetwork,
    upload: Uploader<UploadedEmbeddingNetwork>,
    weights: WeightMap,
    inputs: PreparedInputs,
    maxBatch: number,
  ): EmbeddingStage {
    return new EmbeddingStage(context, descriptor, upload(context, weights), inputs, maxBatch);
  }

  /** One descriptor per face (its landmarks say where it is in the frame). */
  embed(frame: GPUTexture, faces: readonly DetectedFace[], options: EmbedOptions = {}): Promise<Float32Array[]> {
    const copies = options.flip ? 2 : 1;
    const alignment = options.alignment ?? 'dlib-chip';
    const { vectorLength } = this.descriptor;
    return this.inBatches(faces, Math.max(1, Math.floor(this.maxBatch / copies)), async (chunk, faceBatch) => {
      const batch = faceBatch * copies;
      const prepare = chunk.flatMap((face, i) =>
        Array.from({ length: copies }, (_, copy) =>
          this.prepare(frame, this.slot(batch, i * copies + copy), face, alignment, copy === 1),
        ),
      );
      const outputs = await this.execute(batch, prepare);
      return chunk.map((_, i) => {
        const vector = new Float32Array(vectorLength);
        for (let copy = 0; copy < copies; copy++) {
          const one = this.network.decode(outputs, i * copies + copy);
          for (let k = 0; k < vectorLength; k++) vector[k]! += one[k]! / copies;
        }
        return vector;
      });
    });
  }

  private prepare(frame: GPUTexture, target: InputSlot, face: DetectedFace, alignment: Alignment, flip: boolean) {
    const { inputSize, normalise } = this.descriptor;
    if (alignment === 'dlib-chip') {
      const matrix = getFaceChipDetails(toPoints(face.landmarks), inputSize, DLIB_CHIP_PADDING).matrix;
      return this.inputs.chip(frame, target, { matrix, normalise, flip });
    }
    const crop = faceApiCrop(faceApiAlignedBox(face.landmarks, frame.width, frame.height), frame.width, frame.height);
    return this.inputs.crop(frame, target, {
      crop,
      canvas: padToSquare(crop.width, crop.height, 'centred'),
      normalise,
      flip,
    });
  }
}
