// The dlib ResNet face descriptor (dlib_face_recognition_resnet_model_v1, as face-api ships it):
// 150×150×3 normalised input → 128-d embedding (not L2-normalised; compare with Euclidean distance).
// Structure: docs/networks.md.
import type { GpuContext } from '../gpu-context';
import { uploadConv2dFilter, type Conv2dFilter } from '../kernels/conv2d';
import { uploadMatmulWeights, type MatmulWeights } from '../kernels/matmul';
import type { Tensor } from '../tensor';
import { destroyFilters, NetBuilder, type NetRun } from './net-builder';
import { weightOf, type WeightMap } from './weight-map';

const MODEL = 'face_recognition_model';
export const RECOGNITION_INPUT_SIZE = 150;
export const RECOGNITION_VECTOR_LENGTH = 128;
/** Per-channel mean subtracted before dividing by 255 (face-api's normalisation). */
export const RECOGNITION_MEAN_RGB = [122.782, 117.001, 104.298] as const;

/** Residual stages in order: [name, channels, downsamples]. */
const BLOCKS: readonly [string, number, boolean][] = [
  ['conv32_1', 32, false],
  ['conv32_2', 32, false],
  ['conv32_3', 32, false],
  ['conv64_down', 64, true],
  ['conv64_1', 64, false],
  ['conv64_2', 64, false],
  ['conv64_3', 64, false],
  ['conv128_down', 128, true],
  ['conv128_1', 128, false],
  ['conv128_2', 128, false],
  ['conv256_down', 256, true],
  ['conv256_1', 256, false],
  ['conv256_2', 256, false],
  ['conv256_down_out', 256, true],
];

export interface RecognitionWeights {
  stem: Conv2dFilter;
  blocks: { name: string; channels: number; down: boolean; conv1: Conv2dFilter; conv2: Conv2dFilter }[];
  fc: MatmulWeights;
}

/** conv → +bias → ×scale +shift (the "scale" layer), optionally ReLU. */
function convLayer(
  context: GpuContext,
  weights: WeightMap,
  prefix: string,
  k: number,
  inC: number,
  outC: number,
  relu: boolean,
): Conv2dFilter {
  return uploadConv2dFilter(
    context,
    {
      kH: k,
      kW: k,
      inC,
      outC,
      weights: weightOf(weights, MODEL, `${prefix}/conv/filters`, [k, k, inC, outC]),
      bias: weightOf(weights, MODEL, `${prefix}/conv/bias`, [outC]),
      scale: weightOf(weights, MODEL, `${prefix}/scale/weights`, [outC]),
      shift: weightOf(weights, MODEL, `${prefix}/scale/biases`, [outC]),
      activation: relu ? { kind: 'relu' } : { kind: 'none' },
    },
    `${MODEL}/${prefix}`,
  );
}

export function uploadRecognitionWeights(context: GpuContext, weights: WeightMap): RecognitionWeights {
  let inC = 32;
  const blocks = BLOCKS.map(([name, channels, down]) => {
    const block = {
      name,
      channels,
      down,
      conv1: convLayer(context, weights, `${name}/conv1`, 3, inC, channels, true),
      // The block's ReLU comes after the residual add; the conv kernel fuses both (y = relu(conv + x)).
      conv2: convLayer(context, weights, `${name}/conv2`, 3, channels, channels, true),
    };
    inC = channels;
    return block;
  });
  return {
    stem: convLayer(context, weights, 'conv32_down', 7, 3, 32, true),
    blocks,
    fc: uploadMatmulWeights(
      context,
      { k: 256, n: RECOGNITION_VECTOR_LENGTH, weights: weightOf(weights, MODEL, 'fc', [256, 128]) },
      `${MODEL}/fc`,
    ),
  };
}

export function destroyRecognitionWeights(weights: RecognitionWeights): void {
  destroyFilters([weights.stem, ...weights.blocks.flatMap((block) => [block.conv1, block.conv2]), weights.fc]);
}

/**
 * Records the network for `batch` faces. Input: [batch,150,150,3], already (RGB - mean) / 255.
 * Output: [batch,128].
 */
export function buildRecognitionRun(context: GpuContext, weights: RecognitionWeights, batch: number): NetRun {
  const net = new NetBuilder(context, `recognition×${batch}`);
  const input = net.tensor([batch, RECOGNITION_INPUT_SIZE, RECOGNITION_INPUT_SIZE, 3], 'input');
  let x: Tensor = net.conv(input, weights.stem, { stride: 2, padding: 'valid', label: 'conv32_down' });
  x = net.pool(x, { kind: 'max', window: 3, stride: 2, padding: 'valid', label: 'maxpool' });
  for (const block of weights.blocks) {
    if (!block.down) {
      const h = net.conv(x, block.conv1, { padding: 'same', label: `${block.name}/conv1` });
      x = net.conv(h, block.conv2, { padding: 'same', residual: x, label: `${block.name}/conv2` });
      continue;
    }
    // Down block: conv branch is a VALID stride-2 conv; the shortcut is a 2×2/2 average pool whose
    // channels are zero-padded up to the block's width.
    const h = net.conv(x, block.conv1, { stride: 2, padding: 'valid', label: `${block.name}/conv1` });
    let shortcut = net.pool(x, {
      kind: 'average',
      window: 2,
      stride: 2,
      padding: 'valid',
      label: `${block.name}/avgpool`,
    });
    const extraChannels = block.channels - shortcut.shape[3]!;
    if (extraChannels > 0) shortcut = net.pad(shortcut, { channels: extraChannels }, `${block.name}/pad-channels`);
    const convSide = h.shape[1]!;
    const poolSide = shortcut.shape[1]!;
    if (convSide === poolSide) {
      x = net.conv(h, block.conv2, { padding: 'same', residual: shortcut, label: `${block.name}/conv2` });
    } else {
      // 8→3 vs 8→4 and 4→1 vs 4→2: face-api appends one zero row and one zero column to the conv
      // branch before the add, so here conv2 runs without its fused ReLU and the add applies it.
      const raw = net.conv(h, { ...block.conv2, activationCode: 0 }, { padding: 'same', label: `${block.name}/conv2` });
      const padded = net.pad(raw, { bottom: poolSide - convSide, right: poolSide - convSide }, `${block.name}/pad-rc`);
      x = net.add(padded, shortcut, { activation: { kind: 'relu' }, label: `${block.name}/add` });
    }
  }
  const pooled = net.globalMean(x, 'mean');
  const embedding = net.matmul(pooled, weights.fc, 'fc');
  return net.finish(input, [embedding]);
}
