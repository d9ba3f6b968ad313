// A projection head over fixed face descriptors, as data: dense inputDims → embeddingDims (+ bias), then
// L2-normalise (the embedding, compared by cosine), and for training only a dense classifier over the
// identities whose logits are scale · (y W + b). The scale is there because y has unit length: without
// it the logits of thousands of classes stay within a few units of each other and softmax cannot become
// confident (Wang et al. 2017, NormFace). Parameters are named as in a tfjs weights manifest.
import type { ParameterSpec, ParameterValues } from './parameters';
import type { Rng } from './rng';

export interface ProjectionHeadConfig {
  inputDims: number;
  embeddingDims: number;
  /** Identities of the training set (the classifier's outputs). */
  classes: number;
  /** Logit scale on the unit-length embedding. */
  scale: number;
}

export function headParameterSpecs(config: ProjectionHeadConfig): ParameterSpec[] {
  const { inputDims, embeddingDims, classes, scale } = config;
  if (inputDims < 1 || embeddingDims < 1 || classes < 2 || !(scale > 0))
    throw new Error(`projection head: ${inputDims} → ${embeddingDims}, ${classes} classes, scale ${scale}`);
  return [
    { name: 'head/kernel', shape: [inputDims, embeddingDims], fanIn: inputDims, isBias: false },
    { name: 'head/bias', shape: [embeddingDims], fanIn: inputDims, isBias: true },
    { name: 'classifier/kernel', shape: [embeddingDims, classes], fanIn: embeddingDims, isBias: false },
    { name: 'classifier/bias', shape: [classes], fanIn: embeddingDims, isBias: true, outputScale: scale },
  ];
}

/**
 * The head starts as the identity where the shapes allow (so before training the embedding is the
 * L2-normalised descriptor, and whatever changes is learned), otherwise He-initialised; the classifier
 * is He-initialised from `rng`; biases start at 0.
 */
export function headInitialise(config: ProjectionHeadConfig, rng: Rng): ParameterValues {
  const values: ParameterValues = new Map();
  for (const spec of headParameterSpecs(config)) {
    const [rows, cols] = spec.shape.length === 2 ? (spec.shape as [number, number]) : [1, spec.shape[0]!];
    const data = new Float32Array(rows * cols);
    if (spec.name === 'head/kernel' && rows === cols) {
      for (let i = 0; i < rows; i++) data[i * cols + i] = 1;
    } else if (!spec.isBias) {
      const std = Math.sqrt(2 / spec.fanIn);
      for (let i = 0; i < data.length; i++) data[i] = rng.normal() * std;
    }
    values.set(spec.name, data);
  }
  return values;
}
