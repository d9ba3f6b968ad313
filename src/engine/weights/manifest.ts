// Loads a tfjs weights manifest and its binary shards and decodes every tensor once, on the CPU, to
// Float32Array (or Int32Array). Where the bytes come from is the caller's choice (a ModelFileSource:
// fetch in the browser, node:fs in Node). Every file is checked against the committed size and
// SHA-256 list before it is decoded, so a damaged download fails with a ModelLoadError naming the file.
//
// Format (tfjs io): an array of groups {paths, weights}. The shards in `paths` are concatenated in
// order; the tensors in `weights` are packed back to back in that byte stream, each taking
// size(shape) × bytes-per-value of its stored dtype: 4 for float32/int32, 1 when quantised to uint8.
// A uint8-quantised tensor decodes as q*scale + min (computed in double, rounded to float32, exactly
// as tfjs does; int32 tensors are rounded to the nearest integer).
import { ModelLoadError } from '../errors';
import { FILE_CHECKSUMS, MODEL_FILES, type ModelFileInfo, type ModelId } from './model-files';

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
export function loadModelWeights(source: ModelFileSource, id: ModelId, options?: LoadOptions): Promise<WeightMap> {
  return loadWeights(source, MODEL_FILES[id].manifest, options);
}

/** Loads the manifest `manifestName` from `source`, then its shards, verifies every file and decodes. */
export async function loadWeights(
  source: ModelFileSource,
  manifestName: string,
  options: LoadOptions = {},
): Promise<WeightMap> {
  const checksums = options.checksums ?? FILE_CHECKSUMS;
  const manifestBytes = await source.read(manifestName);
  // Parse before verifying: a server that answers a missing file with an HTML page gives a
  // clearer 'invalid-manifest' than a checksum mismatch would.
  const groups = parseManifest(manifestBytes, manifestName);
  await verifyFile(manifestName, manifestBytes, checksums);
  const shards = await Promise.all(
    groups.map((group) =>
      Promise.all(
        group.paths.map(async (path) => {
          const bytes = await source.read(path);
          await verifyFile(path, bytes, checksums);
          return bytes;
        }),
      ),
    ),
  );
  const weights: WeightMap = new Map();
  groups.forEach((group, i) => decodeGroup(group, shards[i]!, weights));
  return weights;
}

/** Parses and validates a manifest; any problem is a ModelLoadError 'invalid-manifest' naming `file`. */
export function parseManifest(bytes: Uint8Array, file: string): WeightGroup[] {
  const fail = (why: string): never => {
    throw new ModelLoadError(
      file,
      'invalid-manifest',
      `Model manifest ${file} is not a valid weights manifest: ${why}`,
    );
  };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return fail(`not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(json) || json.length === 0) return fail('expected a non-empty array of weight groups');
  const names = new Set<string>();
  return json.map((group: unknown, g): WeightGroup => {
    if (!isRecord(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      return fail(`group ${g} needs "paths" and "weights" arrays`);
    }
    const paths = group.paths.map((path: unknown): string => {
      // Plain file names only: a source resolves them beside the manifest.
      if (typeof path !== 'string' || path === '' || /[\\/]/.test(path) || path === '.' || path === '..') {
        return fail(`group ${g} has a bad shard path ${JSON.stringify(path)}`);
      }
      return path;
    });
    if (paths.length === 0) fail(`group ${g} lists no shards`);
    const weights = group.weights.map((spec: unknown): WeightSpec => {
      if (!isRecord(spec) || typeof spec.name !== 'string') return fail(`group ${g} has a weight without a name`);
      const { name } = spec;
      if (names.has(name)) fail(`weight "${name}" appears twice`);
      names.add(name);
      if (!Array.isArray(spec.shape) || !spec.shape.every((d) => Number.isInteger(d) && d >= 0)) {
        return fail(`weight "${name}" has a bad shape ${JSON.stringify(spec.shape)}`);
      }
      if (spec.dtype !== 'float32' && spec.dtype !== 'int32') {
        return fail(`weight "${name}" has unsupported dtype ${JSON.stringify(spec.dtype)}`);
      }
      const out: WeightSpec = { name, shape: spec.shape as number[], dtype: spec.dtype };
      if (spec.quantization !== undefined) {
        const q = spec.quantization;
        if (!isRecord(q) || q.dtype !== 'uint8') {
          return fail(`weight "${name}" has unsupported quantization ${JSON.stringify(q)} (only uint8 affine)`);
        }
        if (
          typeof q.scale !== 'number' ||
          !Number.isFinite(q.scale) ||
          typeof q.min !== 'number' ||
          !Number.isFinite(q.min)
        ) {
          return fail(`weight "${name}" has uint8 quantization without a finite scale and min`);
        }
        if (q.original_dtype !== undefined && typeof q.original_dtype !== 'string') {
          return fail(`weight "${name}" has a bad quantization.original_dtype`);
        }
        out.quantization = { dtype: 'uint8', scale: q.scale, min: q.min };
        if (q.original_dtype !== undefined) out.quantization.original_dtype = q.original_dtype as string;
      }
      return out;
    });
    return { paths, weights };
  });
}

/** Bytes a tensor occupies in the shard stream. */
export function storedByteLength(spec: WeightSpec): number {
  return spec.shape.reduce((a, b) => a * b, 1) * (spec.quantization ? 1 : 4);
}

/**
 * Checks `bytes` against the expected size ('truncated' when it differs: short or long) and SHA-256
 * ('corrupt'). A file absent from the list is 'corrupt': we only run weights we know.
 */
export async function verifyFile(
  file: string,
  bytes: Uint8Array<ArrayBuffer>,
  checksums: Readonly<Record<string, ModelFileInfo>> = FILE_CHECKSUMS,
): Promise<void> {
  const expected = checksums[file];
  if (!expected)
    throw new ModelLoadError(file, 'corrupt', `Model file ${file} is not in the list of known model files.`);
  if (bytes.byteLength !== expected.bytes) {
    throw new ModelLoadError(
      file,
      'truncated',
      `Model file ${file} has ${bytes.byteLength} bytes, expected ${expected.bytes}.`,
    );
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  if (hex !== expected.sha256) {
    throw new ModelLoadError(
      file,
      'corrupt',
      `Model file ${file} is damaged: SHA-256 ${hex}, expected ${expected.sha256}.`,
    );
  }
}

/**
 * Decodes one group's tensors from its shards into `out`. The shards together must hold exactly the
 * bytes the tensors need; otherwise 'truncated', naming the last shard (tfjs manifests do not record
 * where one shard ends, so the shortfall or excess is charged to the end of the stream).
 */
export function decodeGroup(group: WeightGroup, shards: readonly Uint8Array[], out: WeightMap): void {
  const needed = group.weights.reduce((sum, spec) => sum + storedByteLength(spec), 0);
  const held = shards.reduce((sum, shard) => sum + shard.byteLength, 0);
  const last = group.paths[group.paths.length - 1]!;
  if (held !== needed) {
    const what = held < needed ? 'too short' : 'too long';
    throw new ModelLoadError(
      last,
      'truncated',
      `Model file ${last} is ${what}: the manifest's tensors need ${needed} bytes, shards [${group.paths.join(', ')}] hold ${held}.`,
    );
  }
  const stream = concat(shards);
  let offset = 0;
  for (const spec of group.weights) {
    const length = storedByteLength(spec);
    out.set(spec.name, {
      shape: spec.shape.slice(),
      data: decodeTensor(spec, stream.subarray(offset, offset + length)),
    });
    offset += length;
  }
}

function decodeTensor(spec: WeightSpec, bytes: Uint8Array): Float32Array | Int32Array {
  const q = spec.quantization;
  if (q) {
    const data = spec.dtype === 'int32' ? new Int32Array(bytes.length) : new Float32Array(bytes.length);
    const round = spec.dtype === 'int32';
    for (let i = 0; i < bytes.length; i++) {
      const v = bytes[i]! * q.scale + q.min;
      data[i] = round ? Math.round(v) : v;
    }
    return data;
  }
  // Copy to an aligned buffer (tensors sit at any byte offset after uint8 ones). Little-endian, as
  // tfjs writes it and as every WebGPU platform is.
  const aligned = bytes.slice().buffer;
  return spec.dtype === 'int32' ? new Int32Array(aligned) : new Float32Array(aligned);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
