// Shape-checked access to decoded model weights (the loader's WeightMap).
import { ModelLoadError } from '../errors';
import type { WeightMap } from '../weights/manifest';

export type { WeightMap } from '../weights/manifest';

/** The float32 values of `name`, checked against `shape` (a model file that does not match is corrupt). */
export function weightOf(weights: WeightMap, model: string, name: string, shape: readonly number[]): Float32Array {
  const tensor = weights.get(name);
  if (!tensor) {
    throw new ModelLoadError(model, 'invalid-manifest', `Model file ${model} has no tensor "${name}".`);
  }
  if (tensor.shape.length !== shape.length || tensor.shape.some((d, i) => d !== shape[i])) {
    throw new ModelLoadError(
      model,
      'invalid-manifest',
      `Model file ${model}: tensor "${name}" has shape [${tensor.shape}], expected [${shape}].`,
    );
  }
  if (!(tensor.data instanceof Float32Array)) {
    throw new ModelLoadError(model, 'invalid-manifest', `Model file ${model}: tensor "${name}" is not float32.`);
  }
  return tensor.data;
}
