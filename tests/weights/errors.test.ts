// Damaged or missing model files fail with a ModelLoadError that names the file and says what is
// wrong. Real files are copied into a temp dir and damaged there; synthetic manifests (with their own
// checksum list) exercise the format checks the committed files cannot reach.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faceApiModelDir } from '../../scripts/face-api-package.mjs';
import { ModelLoadError } from '../../src/engine/face-engine-types';
import { loadModelWeights, loadWeights, type ModelFileSource } from '../../src/engine/weights/manifest';
import { MODEL_FILES, modelFileNames, type ModelFileInfo } from '../../src/engine/weights/model-files';
import { nodeFileSource } from '../../src/engine/weights/node-source';

// The smallest model keeps the copies cheap.
const MODEL = 'tiny_face_detector';
const MANIFEST = MODEL_FILES[MODEL].manifest;
const BIN = MODEL_FILES[MODEL].shards[0]!;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'faceprint-weights-'));
  for (const name of modelFileNames(MODEL)) copyFileSync(join(faceApiModelDir(), name), join(dir, name));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function loadError(load: Promise<unknown>): Promise<ModelLoadError> {
  const error = await load.then(
    () => {
      throw new Error('expected the load to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelLoadError);
  return error as ModelLoadError;
}

describe('damaged copies of a real model', () => {
  it('loads the untouched copy', async () => {
    expect((await loadModelWeights(nodeFileSource(dir), MODEL)).size).toBe(19);
  });

  it('one flipped byte in the shard -> corrupt, naming the shard', async () => {
    const path = join(dir, BIN);
    const bytes = readFileSync(path);
    bytes[1000] ^= 0x01;
    writeFileSync(path, bytes);
    const error = await loadError(loadModelWeights(nodeFileSource(dir), MODEL));
    expect(error.kind).toBe('corrupt');
    expect(error.file).toBe(BIN);
    expect(error.message).toContain(BIN);
  });

  it('one changed byte in the manifest that keeps it valid JSON -> corrupt, naming the manifest', async () => {
    const path = join(dir, MANIFEST);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('"conv0/bias"', '"conv0/biaz"'));
    const error = await loadError(loadModelWeights(nodeFileSource(dir), MODEL));
    expect([error.kind, error.file]).toEqual(['corrupt', MANIFEST]);
  });

  it('a truncated shard -> truncated, naming the shard', async () => {
    truncateSync(join(dir, BIN), 193321 - 1);
    const error = await loadError(loadModelWeights(nodeFileSource(dir), MODEL));
    expect([error.kind, error.file]).toEqual(['truncated', BIN]);
    expect(error.message).toContain('193320 bytes, expected 193321');
  });

  it('an oversized shard -> truncated, naming the shard', async () => {
    writeFileSync(join(dir, BIN), Buffer.concat([readFileSync(join(dir, BIN)), Buffer.from([0])]));
    const error = await loadError(loadModelWeights(nodeFileSource(dir), MODEL));
    expect([error.kind, error.file]).toEqual(['truncated', BIN]);
  });

  it('a missing shard -> missing, naming the shard', async () => {
    unlinkSync(join(dir, BIN));
    const error = await loadError(loadModelWeights(nodeFileSource(dir), MODEL));
    expect([error.kind, error.file]).toEqual(['missing', BIN]);
  });

  it('a missing manifest -> missing, naming the manifest', async () => {
    unlinkSync(join(dir, MANIFEST));
    const error = await loadError(loadModelWeights(nodeFileSource(dir), MODEL));
    expect([error.kind, error.file]).toEqual(['missing', MANIFEST]);
  });

  it('a manifest that is not JSON -> invalid-manifest, naming the manifest', async () => {
    writeFileSync(join(dir, MANIFEST), '<!doctype html><title>Not found</title>');
    const error = await loadError(loadModelWeights(nodeFileSource(dir), MODEL));
    expect([error.kind, error.file]).toEqual(['invalid-manifest', MANIFEST]);
  });

  it('a cut-off manifest -> invalid-manifest', async () => {
    truncateSync(join(dir, MANIFEST), 1000);
    const error = await loadError(loadModelWeights(nodeFileSource(dir), MODEL));
    expect([error.kind, error.file]).toEqual(['invalid-manifest', MANIFEST]);
  });
});

// Synthetic models: files in memory, checksums computed for them, so only the format is under test.
function memorySource(files: Record<string, Uint8Array | string>): {
  source: ModelFileSource;
  checksums: Record<string, ModelFileInfo>;
} {
  const bytes = new Map<string, Uint8Array<ArrayBuffer>>();
  const checksums: Record<string, ModelFileInfo> = {};
  for (const [name, content] of Object.entries(files)) {
    const b = typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content);
    bytes.set(name, b);
    checksums[name] = { bytes: b.byteLength, sha256: createHash('sha256').update(b).digest('hex') };
  }
  const source: ModelFileSource = {
    read: async (name) => {
      const b = bytes.get(name);
      if (!b) throw new ModelLoadError(name, 'missing', `no ${name}`);
      return b;
    },
  };
  return { source, checksums };
}

const f32Bytes = (values: number[]) => new Uint8Array(new Float32Array(values).buffer);
const i32Bytes = (values: number[]) => new Uint8Array(new Int32Array(values).buffer);

describe('synthetic manifests', () => {
  it('concatenates shards in order and decodes uint8 float32, uint8 int32, float32 and int32 at any offset', async () => {
    const manifest = JSON.stringify([
      {
        paths: ['m.bin.1', 'm.bin.2'],
        weights: [
          { name: 'q', shape: [3], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } },
          { name: 'f', shape: [2], dtype: 'float32' }, // at byte 3: unaligned, and split across the shards
          {
            name: 'qi',
            shape: [2],
            dtype: 'int32',
            quantization: { dtype: 'uint8', scale: 1, min: 5, original_dtype: 'int32' },
          },
          { name: 'i', shape: [1, 1], dtype: 'int32' },
          { name: 's', shape: [], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.1, min: 0 } },
        ],
      },
    ]);
    const stream = new Uint8Array([0, 2, 255, ...f32Bytes([1.5, -2.25]), 0, 3, ...i32Bytes([-7]), 7]);
    const { source, checksums } = memorySource({
      'm.json': manifest,
      'm.bin.1': stream.slice(0, 6),
      'm.bin.2': stream.slice(6),
    });
    const weights = await loadWeights(source, 'm.json', { checksums });
    expect([...weights.keys()]).toEqual(['q', 'f', 'qi', 'i', 's']);
    expect(Array.from(weights.get('q')!.data)).toEqual([-1, 0, 126.5]);
    expect(weights.get('f')!.data).toEqual(new Float32Array([1.5, -2.25]));
    expect(weights.get('qi')!.data).toEqual(new Int32Array([5, 8]));
    expect(weights.get('i')!).toEqual({ shape: [1, 1], data: new Int32Array([-7]) });
    expect(weights.get('s')!.shape).toEqual([]);
    expect(weights.get('s')!.data[0]).toBe(Math.fround(0.7));
  });

  it('shards shorter than the tensors need -> truncated, naming the last shard', async () => {
    const manifest = JSON.stringify([
      { paths: ['a.bin', 'b.bin'], weights: [{ name: 'w', shape: [2, 3], dtype: 'float32' }] },
    ]);
    const { source, checksums } = memorySource({
      'm.json': manifest,
      'a.bin': new Uint8Array(16),
      'b.bin': new Uint8Array(4),
    });
    const error = await loadError(loadWeights(source, 'm.json', { checksums }));
    expect([error.kind, error.file]).toEqual(['truncated', 'b.bin']);
    expect(error.message).toContain('need 24 bytes');
  });

  it('shards longer than the tensors need -> truncated', async () => {
    const manifest = JSON.stringify([{ paths: ['a.bin'], weights: [{ name: 'w', shape: [2], dtype: 'float32' }] }]);
    const { source, checksums } = memorySource({ 'm.json': manifest, 'a.bin': new Uint8Array(9) });
    const error = await loadError(loadWeights(source, 'm.json', { checksums }));
    expect([error.kind, error.file]).toEqual(['truncated', 'a.bin']);
  });

  it('a file with no entry in the checksum list -> corrupt', async () => {
    const manifest = JSON.stringify([{ paths: ['a.bin'], weights: [{ name: 'w', shape: [1], dtype: 'float32' }] }]);
    const { source, checksums } = memorySource({ 'm.json': manifest, 'a.bin': new Uint8Array(4) });
    delete checksums['a.bin'];
    const error = await loadError(loadWeights(source, 'm.json', { checksums }));
    expect([error.kind, error.file]).toEqual(['corrupt', 'a.bin']);
  });

  it.each([
    ['an object instead of an array', { paths: [], weights: [] }],
    ['no groups', []],
    ['a group without paths', [{ weights: [] }]],
    ['a shard path with a folder', [{ paths: ['../a.bin'], weights: [] }]],
    ['a fractional dimension', [{ paths: ['a.bin'], weights: [{ name: 'w', shape: [1.5], dtype: 'float32' }] }]],
    ['a float16 tensor', [{ paths: ['a.bin'], weights: [{ name: 'w', shape: [1], dtype: 'float16' }] }]],
    [
      'uint16 quantisation',
      [
        {
          paths: ['a.bin'],
          weights: [{ name: 'w', shape: [1], dtype: 'float32', quantization: { dtype: 'uint16', scale: 1, min: 0 } }],
        },
      ],
    ],
    [
      'uint8 quantisation without min',
      [
        {
          paths: ['a.bin'],
          weights: [{ name: 'w', shape: [1], dtype: 'float32', quantization: { dtype: 'uint8', scale: 1 } }],
        },
      ],
    ],
    [
      'a duplicated name',
      [
        {
          paths: ['a.bin'],
          weights: [
            { name: 'w', shape: [1], dtype: 'float32' },
            { name: 'w', shape: [1], dtype: 'float32' },
          ],
        },
      ],
    ],
  ])('%s -> invalid-manifest', async (_, manifest) => {
    const { source, checksums } = memorySource({ 'm.json': JSON.stringify(manifest), 'a.bin': new Uint8Array(8) });
    const error = await loadError(loadWeights(source, 'm.json', { checksums }));
    expect([error.kind, error.file]).toEqual(['invalid-manifest', 'm.json']);
  });
});
