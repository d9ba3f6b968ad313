import { type ModelFileInfo, type ModelId } from './model-files';
/** Bytes of one model file, by name (the names a manifest's `paths` use). */
export interface ModelFileSource {
    read(name: string): Promise<Uint8Array<ArrayBuffer>>;
}
export interface WeightTensor {
    shape: number[];
    data: Float32Array | Int32Array;
}
/** Decoded tensors by manifest name, e.g. "conv32_down/conv/filters". */
export type WeightMap = Map<string, WeightTensor>;
export interface Uint8Quantization {
    dtype: 'uint8';
    scale: number;
    min: number;
    original_dtype?: string;
}
export interface WeightSpec {
    name: string;
    shape: number[];
    dtype: 'float32' | 'int32';
    quantization?: Uint8Quantization;
}
export interface WeightGroup {
    paths: string[];
    weights: WeightSpec[];
}
export interface LoadOptions {
    /** Expected size and SHA-256 per file name; defaults to the committed list. */
    checksums?: Readonly<Record<string, ModelFileInfo>>;
}
/** Loads and decodes one of the shipped models. */
export declare function loadModelWeights(source: ModelFileSource, id: ModelId, options?: LoadOptions): Promise<WeightMap>;
/** Loads the manifest `manifestName` from `source`, then its shards, verifies every file and decodes. */
export declare function loadWeights(source: ModelFileSource, manifestName: string, options?: LoadOptions): Promise<WeightMap>;
/** Parses and validates a manifest; any problem is a ModelLoadError 'invalid-manifest' naming `file`. */
export declare function parseManifest(bytes: Uint8Array, file: string): WeightGroup[];
/** Bytes a tensor occupies in the shard stream. */
export declare function storedByteLength(spec: WeightSpec): number;
/**
 * Checks `bytes` against the expected size ('truncated' when it differs: short or long) and SHA-256
 * ('corrupt'). A file absent from the list is 'corrupt': we only run weights we know.
 */
export declare function verifyFile(file: string, bytes: Uint8Array<ArrayBuffer>, checksums?: Readonly<Record<string, ModelFileInfo>>): Promise<void>;
/**
 * Decodes one group's tensors from its shards into `out`. The shards together must hold exactly the
 * bytes the tensors need; otherwise 'truncated', naming the last shard (tfjs manifests do not record
 * where one shard ends, so the shortfall or excess is charged to the end of the stream).
 */
export declare function decodeGroup(group: WeightGroup, shards: readonly Uint8Array[], out: WeightMap): void;
