// Real model weights for tests, read from the pinned face-api package in node_modules.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadModelWeights, type WeightMap } from '../../src/engine/weights/manifest';
import type { ModelId } from '../../src/engine/weights/model-files';
import { nodeFileSource } from '../../src/engine/weights/node-source';

export const faceApiDir = (): string =>
  dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json'));

export const modelDir = (): string => join(faceApiDir(), 'model');

const cache = new Map<ModelId, Promise<WeightMap>>();
export function modelWeights(id: ModelId): Promise<WeightMap> {
  let weights = cache.get(id);
  if (!weights) {
    weights = loadModelWeights(nodeFileSource(modelDir()), id);
    cache.set(id, weights);
  }
  return weights;
}
