// The experiment's network, as data: conv 3×3 (SAME) + ReLU + max-pool 2×2/2, three times, then a dense
// layer to a low-dimensional feature (2-D for the plots) and a dense classifier. Parameters are named as
// in a tfjs weights manifest, HWIO filters and [K, N] dense kernels, TensorFlow's layouts.
import type { ParameterSpec, ParameterValues } from './parameters';
import type { Rng } from './rng';

export interface FaceCnnConfig {
  /** Input side (square, one grayscale channel). */
  size: number;
  /** Output channels of the three convolutions. */
  channels: readonly [number, number, number];
  /** Width of the feature layer (the embedding; 2 for the plots). */
  featureDims: number;
  classes: number;
}

export const EXPERIMENT_CNN: Omit<FaceCnnConfig, 'classes'> = { size: 64, channels: [8, 16, 32], featureDims: 2 };

export const CONV_LAYERS = 3;
export const KERNEL = 3;

export function checkConfig(config: FaceCnnConfig): void {
  const { size, channels, featureDims, classes } = config;
  if (!(size % 8 === 0 && size >= 8)) throw new Error(`face CNN: input size ${size} is not a multiple of 8`);
  if (channels.some((c) => c % 4 !== 0 || c <= 0))
    throw new Error(`face CNN: channels [${channels}] must be multiples of 4`);
  if (featureDims < 1 || classes < 2) throw new Error(`face CNN: ${featureDims} feature dims, ${classes} classes`);
}

/** The flattened width after the three pools: (size/8)² × last channels. */
const flatFeatures = (config: FaceCnnConfig): number => (config.size / 8) ** 2 * config.channels[2];

export function parameterSpecs(config: FaceCnnConfig): ParameterSpec[] {
  checkConfig(config);
  const specs: ParameterSpec[] = [];
  let inC = 1;
  config.channels.forEach((outC, i) => {
    const fanIn = KERNEL * KERNEL * inC;
    specs.push({ name: `conv${i + 1}/filters`, shape: [KERNEL, KERNEL, inC, outC], fanIn, isBias: false });
    specs.push({ name: `conv${i + 1}/bias`, shape: [outC], fanIn, isBias: true });
    inC = outC;
  });
  const flat = flatFeatures(config);
  specs.push({ name: 'feature/kernel', shape: [flat, config.featureDims], fanIn: flat, isBias: false });
  specs.push({ name: 'feature/bias', shape: [config.featureDims], fanIn: flat, isBias: true });
  specs.push({
    name: 'classifier/kernel',
    shape: [config.featureDims, config.classes],
    fanIn: config.featureDims,
    isBias: false,
  });
  specs.push({ name: 'classifier/bias', shape: [config.classes], fanIn: config.featureDims, isBias: true });
  return specs;
}

/** He-initialised parameters, drawn from `rng` in parameterSpecs order. */
export function heInitialise(config: FaceCnnConfig, rng: Rng): ParameterValues {
  const values: ParameterValues = new Map();
  for (const spec of parameterSpecs(config)) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const std = Math.sqrt(2 / spec.fanIn);
    values.set(
      spec.name,
      spec.isBias ? new Float32Array(count) : Float32Array.from({ length: count }, () => rng.normal() * std),
    );
  }
  return values;
}
