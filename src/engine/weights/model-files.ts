// Every model file Faceprint ships, with its byte size and SHA-256, from model-checksums.json
// (written by scripts/hash-models.mjs from the pinned face-api package; regenerate only when the pin
// changes). The loader rejects any file that does not match. The tensors inside each model are
// listed in ./README.md.
import checksums from './model-checksums.json' with { type: 'json' };

export type ModelId = 'tiny_face_detector' | 'ssd_mobilenetv1' | 'face_landmark_68' | 'face_recognition';

export const MODEL_IDS: readonly ModelId[] = ['tiny_face_detector', 'ssd_mobilenetv1', 'face_landmark_68', 'face_recognition'];

export interface ModelFileInfo {
  readonly bytes: number;
  /** Lower-case hex. */
  readonly sha256: string;
}

export interface ModelFiles {
  /** The tfjs weights manifest (JSON). */
  readonly manifest: string;
  /** Its binary shards, in manifest order. */
  readonly shards: readonly string[];
}

/** The package and version the files come from, e.g. "@vladmandic/face-api@1.7.15". */
export const MODEL_SOURCE: string = checksums.source;

export const MODEL_FILES: Readonly<Record<ModelId, ModelFiles>> = checksums.models;

/** Size and SHA-256 of each file, by file name. */
export const FILE_CHECKSUMS: Readonly<Record<string, ModelFileInfo>> = checksums.files;

/** The files a model needs: manifest first, then its shards. */
export function modelFileNames(id: ModelId): string[] {
  const { manifest, shards } = MODEL_FILES[id];
  return [manifest, ...shards];
}

/** Bytes to download for these models: the denominator of a load progress bar. */
export function modelBytes(ids: readonly ModelId[]): number {
  let total = 0;
  for (const id of ids) for (const name of modelFileNames(id)) total += FILE_CHECKSUMS[name]!.bytes;
  return total;
}
