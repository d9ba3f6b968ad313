// The four shipped models decode from the pinned face-api package: tensor counts, value counts (the
// parameter totals in src/engine/weights/README.md), shapes the networks rely on, which tensors are
// stored as float32, and one quantised tensor decoded by hand from the raw bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { faceApiModelDir, modelFileNames } from '../../scripts/face-api-package.mjs';
import { loadModelWeights, parseManifest, storedByteLength, type WeightMap } from '../../src/engine/weights/manifest';
import {
  FILE_CHECKSUMS,
  MODEL_FILES,
  MODEL_IDS,
  modelBytes,
  modelFileNames as shippedFileNames,
  type ModelId,
} from '../../src/engine/weights/model-files';
import { nodeFileSource } from '../../src/engine/weights/node-source';

const modelDir = faceApiModelDir();
const source = nodeFileSource(modelDir);
const weights = new Map<ModelId, WeightMap>();

beforeAll(async () => {
  for (const id of MODEL_IDS) weights.set(id, await loadModelWeights(source, id));
});

const get = (id: ModelId) => weights.get(id)!;
const shapeOf = (id: ModelId, name: string) => get(id).get(name)?.shape;
const valueCount = (map: WeightMap) => [...map.values()].reduce((sum, t) => sum + t.data.length, 0);

describe('committed checksum list', () => {
  it('covers exactly the model files of the installed package, manifest first', () => {
    expect(Object.keys(FILE_CHECKSUMS)).toEqual(modelFileNames(modelDir));
    expect(MODEL_IDS.flatMap((id) => shippedFileNames(id))).toEqual(modelFileNames(modelDir));
    expect(modelBytes(MODEL_IDS)).toBe(3219 + 193321 + 28233 + 5616957 + 8485 + 356840 + 19615 + 6444032);
  });
});

describe.each([
  // id, tensors, values (src/engine/weights/README.md), shard bytes
  ['face_recognition', 117, 5_614_592, 6_444_032],
  ['face_landmark_68', 49, 356_840, 356_840],
  ['tiny_face_detector', 19, 193_321, 193_321],
  ['ssd_mobilenetv1', 151, 5_555_541, 5_616_957],
] as const)('%s', (id, tensors, values, binBytes) => {
  it(`has ${tensors} tensors, ${values} values, ${binBytes} shard bytes`, () => {
    expect(get(id).size).toBe(tensors);
    expect(valueCount(get(id))).toBe(values);
    expect(MODEL_FILES[id].shards.reduce((sum, s) => sum + FILE_CHECKSUMS[s]!.bytes, 0)).toBe(binBytes);
  });

  it('decodes every tensor to the length of its shape, all finite', () => {
    for (const [name, { shape, data }] of get(id)) {
      expect(data.length, name).toBe(shape.reduce((a, b) => a * b, 1));
      for (let i = 0; i < data.length; i++) {
        if (!Number.isFinite(data[i]!)) throw new Error(`${name}[${i}] = ${data[i]}`);
      }
    }
  });
});

describe('shapes the networks rely on', () => {
  it('face_recognition', () => {
    expect(shapeOf('face_recognition', 'conv32_down/conv/filters')).toEqual([7, 7, 3, 32]);
    expect(shapeOf('face_recognition', 'conv32_down/scale/weights')).toEqual([32]);
    expect(shapeOf('face_recognition', 'conv64_down/conv1/conv/filters')).toEqual([3, 3, 32, 64]);
    expect(shapeOf('face_recognition', 'conv256_down_out/conv2/conv/filters')).toEqual([3, 3, 256, 256]);
    expect(shapeOf('face_recognition', 'fc')).toEqual([256, 128]);
  });

  it('face_landmark_68', () => {
    expect(shapeOf('face_landmark_68', 'dense0/conv0/filters')).toEqual([3, 3, 3, 32]);
    expect(shapeOf('face_landmark_68', 'dense3/conv3/pointwise_filter')).toEqual([1, 1, 256, 256]);
    expect(shapeOf('face_landmark_68', 'fc/weights')).toEqual([256, 136]);
    expect(shapeOf('face_landmark_68', 'fc/bias')).toEqual([136]);
  });

  it('tiny_face_detector', () => {
    expect(shapeOf('tiny_face_detector', 'conv0/filters')).toEqual([3, 3, 3, 16]);
    expect(shapeOf('tiny_face_detector', 'conv5/pointwise_filter')).toEqual([1, 1, 256, 512]);
    expect(shapeOf('tiny_face_detector', 'conv8/filters')).toEqual([1, 1, 512, 25]);
  });

  it('ssd_mobilenetv1, including its stored anchors and int32 constants', () => {
    expect(shapeOf('ssd_mobilenetv1', 'MobilenetV1/Conv2d_0_pointwise/weights')).toEqual([3, 3, 3, 32]);
    expect(shapeOf('ssd_mobilenetv1', 'MobilenetV1/Conv2d_13_pointwise/weights')).toEqual([1, 1, 1024, 1024]);
    expect(shapeOf('ssd_mobilenetv1', 'Prediction/BoxPredictor_0/BoxEncodingPredictor/weights')).toEqual([
      1, 1, 512, 12,
    ]);
    expect(shapeOf('ssd_mobilenetv1', 'Prediction/BoxPredictor_5/ClassPredictor/weights')).toEqual([1, 1, 128, 18]);
    const anchors = get('ssd_mobilenetv1').get('Output/extra_dim')!;
    expect(anchors.shape).toEqual([1, 5118, 4]);
    expect(anchors.data).toBeInstanceOf(Float32Array);
    const anchorCount = get('ssd_mobilenetv1').get('Postprocessor/stack/1')!;
    expect(anchorCount.data).toBeInstanceOf(Int32Array);
    expect(Array.from(anchorCount.data)).toEqual([5118]);
  });
});

describe('storage dtypes', () => {
  const specsOf = (id: ModelId) =>
    parseManifest(readFileSync(join(modelDir, MODEL_FILES[id].manifest)), MODEL_FILES[id].manifest).flatMap(
      (g) => g.weights,
    );

  it('face_recognition: the 8 conv64 filters are float32, the other 109 tensors uint8', () => {
    const specs = specsOf('face_recognition');
    const unquantised = specs.filter((s) => !s.quantization).map((s) => s.name);
    expect(unquantised).toEqual([
      'conv64_down/conv1/conv/filters',
      'conv64_down/conv2/conv/filters',
      'conv64_1/conv1/conv/filters',
      'conv64_1/conv2/conv/filters',
      'conv64_2/conv1/conv/filters',
      'conv64_2/conv2/conv/filters',
      'conv64_3/conv1/conv/filters',
      'conv64_3/conv2/conv/filters',
    ]);
    expect(specs.filter((s) => s.quantization?.dtype === 'uint8')).toHaveLength(109);
    expect(unquantised.reduce((sum, n) => sum + get('face_recognition').get(n)!.data.length, 0)).toBe(276_480);
  });

  it('face_landmark_68 and tiny_face_detector are all uint8', () => {
    for (const id of ['face_landmark_68', 'tiny_face_detector'] as const) {
      expect(specsOf(id).every((s) => s.quantization?.dtype === 'uint8' && s.dtype === 'float32')).toBe(true);
    }
  });

  it('ssd_mobilenetv1: only the anchors are float32; 15 int32 constants are uint8-quantised', () => {
    const specs = specsOf('ssd_mobilenetv1');
    expect(specs.filter((s) => !s.quantization).map((s) => s.name)).toEqual(['Output/extra_dim']);
    expect(specs.filter((s) => s.dtype === 'int32')).toHaveLength(15);
    for (const spec of specs.filter((s) => s.dtype === 'int32')) {
      expect(get('ssd_mobilenetv1').get(spec.name)!.data, spec.name).toBeInstanceOf(Int32Array);
    }
  });
});

describe('decode by hand', () => {
  // Walk the manifest to the tensor's byte offset in the shard and apply q*scale+min ourselves.
  function byHand(id: ModelId, tensor: string): { raw: Uint8Array; decoded: number[]; float32: boolean } {
    const manifest = MODEL_FILES[id].manifest;
    const [group] = parseManifest(readFileSync(join(modelDir, manifest)), manifest);
    const bin = readFileSync(join(modelDir, group!.paths[0]!));
    let offset = 0;
    for (const spec of group!.weights) {
      const length = storedByteLength(spec);
      if (spec.name === tensor) {
        const raw = bin.subarray(offset, offset + length);
        if (!spec.quantization) {
          const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
          return {
            raw,
            float32: true,
            decoded: Array.from({ length: length / 4 }, (_, i) => view.getFloat32(i * 4, true)),
          };
        }
        const { scale, min } = spec.quantization;
        return { raw, float32: false, decoded: Array.from(raw, (q) => Math.fround(q * scale + min)) };
      }
      offset += length;
    }
    throw new Error(`${tensor} not in ${manifest}`);
  }

  it('face_landmark_68 fc/bias (uint8: q*0.0025084222648658005 + 0.07683877646923065)', () => {
    const { raw, decoded } = byHand('face_landmark_68', 'fc/bias');
    expect(raw.length).toBe(136);
    const ours = get('face_landmark_68').get('fc/bias')!.data;
    expect(Array.from(ours)).toEqual(decoded);
    // The first value written out, independent of any helper.
    expect(ours[0]).toBe(Math.fround(raw[0]! * 0.0025084222648658005 + 0.07683877646923065));
  });

  it('face_recognition conv32_down/conv/filters (uint8, first tensor) and fc (uint8, last)', () => {
    for (const name of ['conv32_down/conv/filters', 'fc']) {
      const { decoded } = byHand('face_recognition', name);
      expect(Array.from(get('face_recognition').get(name)!.data), name).toEqual(decoded);
    }
  });

  it('face_recognition conv64_1/conv2/conv/filters (float32 at an offset inside the shard)', () => {
    const { decoded, float32 } = byHand('face_recognition', 'conv64_1/conv2/conv/filters');
    expect(float32).toBe(true);
    expect(Array.from(get('face_recognition').get('conv64_1/conv2/conv/filters')!.data)).toEqual(decoded);
  });

  it('ssd_mobilenetv1 Output/extra_dim (float32 at an odd byte offset)', () => {
    const { decoded } = byHand('ssd_mobilenetv1', 'Output/extra_dim');
    expect(Array.from(get('ssd_mobilenetv1').get('Output/extra_dim')!.data)).toEqual(decoded);
  });
});
