// What the engine needs to know about a network, in one place per network (src/engine/networks/<id>.ts,
// listed once in registry.ts): where its weights come from, what input it takes, how its weights go on
// the GPU and its run is built, and how its output is read. The stages (src/engine/stages/) take these
// descriptors and know nothing of any particular network.
//
// A descriptor is plain data plus `load()`, which imports the network's code on demand: the app can
// read a model's identity (its id, vector length) without downloading the engine.
import type { GpuContext } from '../gpu-context';
import type { Normalisation } from '../normalisation';
import type { RelativeDetection } from '../nets/detection';
import type { NetRun } from '../nets/net-builder';
import type { WeightMap } from '../weights/manifest';

/** One file of a network's weights, with the size and SHA-256 the loader checks it against. */
export interface ModelFile {
  readonly name: string;
  readonly bytes: number;
  /** Lower-case hex. */
  readonly sha256: string;
}

export interface NetworkFiles {
  /** The tfjs weights manifest (JSON). */
  readonly manifest: ModelFile;
  /** Its binary shards, in manifest order. */
  readonly shards: readonly ModelFile[];
}

/** A network's weights on the GPU, ready to build runs at any batch size. */
export interface UploadedNetwork {
  /** Records the network for `batch` inputs of [batch, inputSize, inputSize, 3]. */
  buildRun(batch: number): NetRun;
  /** Frees the weight buffers (runs are freed by whoever built them). */
  destroy(): void;
}

interface NetworkCommon<Id extends string, Uploaded extends UploadedNetwork> {
  readonly id: Id;
  /** Where the files come from, e.g. "@vladmandic/face-api@1.7.15". */
  readonly source: string;
  readonly files: NetworkFiles;
  /** Side of the square input, in pixels. */
  readonly inputSize: number;
  /** How input bytes (0..255 RGB) become the network's input values. */
  readonly normalise: Normalisation;
  /** Loads the network's code; what it gives uploads decoded weights (checked against the shapes the network expects). */
  load(): Promise<Uploader<Uploaded>>;
}

export type Uploader<Uploaded extends UploadedNetwork> = (context: GpuContext, weights: WeightMap) => Uploaded;

export interface DetectorDecodeOptions {
  minConfidence: number;
  iouThreshold: number;
}

export interface UploadedDetector extends UploadedNetwork {
  /**
   * Detections of input `slot` of a run's outputs: boxes relative to the square input (the frame
   * padded bottom/right to a square, face-api's convention), best first.
   */
  decode(outputs: readonly Float32Array[], slot: number, options: DetectorDecodeOptions): RelativeDetection[];
}

export interface DetectorNetwork<Id extends string = string> extends NetworkCommon<Id, UploadedDetector> {
  readonly kind: 'detector';
  /** The thresholds face-api uses with this detector. */
  readonly defaults: DetectorDecodeOptions;
}

export interface UploadedLandmarkNetwork extends UploadedNetwork {
  /** Points of input `slot` as [x0,y0,x1,y1,...] in [0,1] of the square input. */
  decode(outputs: readonly Float32Array[], slot: number): Float32Array;
}

export interface LandmarkNetwork<Id extends string = string> extends NetworkCommon<Id, UploadedLandmarkNetwork> {
  readonly kind: 'landmarks';
  readonly pointCount: number;
}

export interface UploadedEmbeddingNetwork extends UploadedNetwork {
  /** The descriptor of input `slot`. */
  decode(outputs: readonly Float32Array[], slot: number): Float32Array;
}

/** A face descriptor network: faces map to vectors, and a distance says how alike two faces are. */
export interface EmbeddingNetwork<Id extends string = string> extends NetworkCommon<Id, UploadedEmbeddingNetwork> {
  readonly kind: 'embedding';
  /** Stored with every embedding: vectors of different models are never compared. */
  readonly modelId: string;
  readonly vectorLength: number;
  /** Smaller is more alike; the decision threshold (src/calibration) is on this scale. */
  distance(a: Float32Array, b: Float32Array): number;
}

export type NetworkDescriptor = DetectorNetwork | LandmarkNetwork | EmbeddingNetwork;

/** Output `index` of a batched run, the part that belongs to input `slot` ([B, ...] row-major). */
export function slotOf(output: Float32Array, slot: number, perSlot: number): Float32Array {
  return output.subarray(slot * perSlot, (slot + 1) * perSlot);
}

/** Euclidean (L2) distance, for descriptors trained with it (dlib's ResNet). */
export function euclideanDistance(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`distance: vectors of length ${a.length} and ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
}
