// Every model file the engine knows, gathered from the network descriptors (src/engine/networks/):
// names, byte sizes and SHA-256. The loader rejects any file that does not match. The tensors inside
// each model are listed in ./README.md.
import type { ModelFile } from '../networks/network';
import { NETWORKS, type NetworkId } from '../networks/registry';

export type ModelId = NetworkId;

export const MODEL_IDS: readonly ModelId[] = NETWORKS.map((n) => n.id);

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

export const MODEL_FILES: Readonly<Record<ModelId, ModelFiles>> = Object.fromEntries(
  NETWORKS.map(({ id, files }): [ModelId, ModelFiles] => [
    id,
    { manifest: files.manifest.name, shards: files.shards.map((s) => s.name) },
  ]),
) as Record<ModelId, ModelFiles>;

/** Size and SHA-256 of each file, by file name. */
export const FILE_CHECKSUMS: Readonly<Record<string, ModelFileInfo>> = Object.fromEntries(
  NETWORKS.flatMap(({ files }) => [files.manifest, ...files.shards]).map(({ name, bytes, sha256 }: ModelFile) => [
    name,
    { bytes, sha256 },
  ]),
);

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
