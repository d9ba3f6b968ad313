// Checkpoints as tfjs weights-manifest files, the format the engine's loader reads
// (weights/manifest.ts): a manifest naming one float32 shard, the shard, and a file of sizes and
// SHA-256 digests that the loader verifies every file against.
import { ModelLoadError } from '../errors';
import type { ModelFileInfo } from '../weights/model-files';
import { loadWeights, type ModelFileSource, type WeightGroup } from '../weights/manifest';
import type { ParameterValues } from './parameters';

export interface CheckpointFiles {
  manifestName: string;
  checksumsName: string;
  /** File name -> bytes: the manifest, the shard and the checksums. */
  files: Map<string, Uint8Array<ArrayBuffer>>;
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `values` with their shapes (from `shapes`; a missing shape is the flat length). */
export async function encodeCheckpoint(
  name: string,
  values: ParameterValues,
  shapes: ReadonlyMap<string, number[]>,
): Promise<CheckpointFiles> {
  const shardName = `${name}.bin`;
  const manifestName = `${name}-weights_manifest.json`;
  const checksumsName = `${name}-checksums.json`;
  const total = [...values.values()].reduce((sum, v) => sum + v.length, 0);
  const shard = new Float32Array(total);
  const group: WeightGroup = { paths: [shardName], weights: [] };
  let offset = 0;
  for (const [tensorName, data] of values) {
    const shape = shapes.get(tensorName) ?? [data.length];
    if (shape.reduce((a, b) => a * b, 1) !== data.length)
      throw new Error(`checkpoint: ${tensorName} has ${data.length} values for [${shape}]`);
    group.weights.push({ name: tensorName, shape, dtype: 'float32' });
    shard.set(data, offset);
    offset += data.length;
  }
  const shardBytes = new Uint8Array(shard.buffer);
  const manifestBytes = new TextEncoder().encode(JSON.stringify([group], null, 1));
  const checksums: Record<string, ModelFileInfo> = {
    [manifestName]: { bytes: manifestBytes.byteLength, sha256: await sha256(manifestBytes) },
    [shardName]: { bytes: shardBytes.byteLength, sha256: await sha256(shardBytes) },
  };
  const checksumBytes = new TextEncoder().encode(JSON.stringify({ files: checksums }, null, 1));
  return {
    manifestName,
    checksumsName,
    files: new Map([
      [manifestName, manifestBytes],
      [shardName, shardBytes],
      [checksumsName, checksumBytes],
    ]),
  };
}

/** Reads a checkpoint back through the engine's manifest loader, checksums verified. */
export async function loadCheckpoint(source: ModelFileSource, name: string): Promise<ParameterValues> {
  const checksumsName = `${name}-checksums.json`;
  const checksumsBytes = await source.read(checksumsName);
  let files: Record<string, ModelFileInfo> | undefined;
  try {
    ({ files } = JSON.parse(new TextDecoder().decode(checksumsBytes)) as { files?: Record<string, ModelFileInfo> });
  } catch {
    throw new ModelLoadError(checksumsName, 'corrupt', `checkpoint: ${checksumsName} is not JSON`);
  }
  if (typeof files !== 'object' || files === null)
    throw new ModelLoadError(checksumsName, 'corrupt', `checkpoint: ${checksumsName} lists no files`);
  const weights = await loadWeights(source, `${name}-weights_manifest.json`, { checksums: files });
  const values: ParameterValues = new Map();
  for (const [tensorName, tensor] of weights) values.set(tensorName, Float32Array.from(tensor.data));
  return values;
}
