// Our decoder against tfjs's own (tf.io.decodeWeights, what face-api's loader calls): every tensor of
// every shipped model, same names, shapes, dtypes and bit-identical values. tfjs is a dev dependency
// used only here, as the reference.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faceApiModelDir } from '../../scripts/face-api-package.mjs';
import { loadModelWeights } from '../../src/engine/weights/manifest';
import { MODEL_FILES, MODEL_IDS } from '../../src/engine/weights/model-files';
import { nodeFileSource } from '../../src/engine/weights/node-source';

interface TfTensor {
  shape: number[];
  dtype: string;
  dataSync(): Float32Array | Int32Array;
  dispose(): void;
}
interface Tf {
  setBackend(name: string): Promise<boolean>;
  io: { decodeWeights(data: ArrayBuffer, specs: unknown[]): Record<string, TfTensor> };
}

const tf = createRequire(import.meta.url)('@tensorflow/tfjs') as Tf;
const modelDir = faceApiModelDir();

describe.each(MODEL_IDS)('%s', (id) => {
  it('decodes bit-identically to tf.io.decodeWeights', async () => {
    await tf.setBackend('cpu');
    const groups = JSON.parse(readFileSync(join(modelDir, MODEL_FILES[id].manifest), 'utf8')) as {
      paths: string[];
      weights: unknown[];
    }[];
    const ours = await loadModelWeights(nodeFileSource(modelDir), id);
    let compared = 0;
    for (const group of groups) {
      const stream = Buffer.concat(group.paths.map((p) => readFileSync(join(modelDir, p))));
      const buffer = stream.buffer.slice(stream.byteOffset, stream.byteOffset + stream.byteLength);
      const theirs = tf.io.decodeWeights(buffer, group.weights);
      for (const [name, tensor] of Object.entries(theirs)) {
        const mine = ours.get(name);
        expect(mine, name).toBeDefined();
        expect(mine!.shape, name).toEqual(tensor.shape);
        expect(mine!.data, name).toBeInstanceOf(tensor.dtype === 'int32' ? Int32Array : Float32Array);
        const expected = tensor.dataSync();
        const actual = mine!.data;
        expect(actual.length, name).toBe(expected.length);
        for (let i = 0; i < expected.length; i++) {
          if (!Object.is(actual[i], expected[i]))
            throw new Error(`${name}[${i}]: ours ${actual[i]}, tfjs ${expected[i]}`);
        }
        tensor.dispose();
        compared++;
      }
    }
    expect(compared).toBe(ours.size);
  });
});
