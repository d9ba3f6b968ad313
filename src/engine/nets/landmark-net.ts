// face_landmark_68 (face-api's full landmark net): 112×112×3 normalised face crop → 68 (x,y) points in
// [0,1] of that crop. Four dense blocks of depthwise-separable convs, then a global mean and an FC.
// Structure: docs/networks.md.
import type { GpuContext } from '../gpu-context';
import { uploadConv2dFilter, type Conv2dFilter } from '../kernels/conv2d';
import { uploadDepthwiseConv2dFilter, type DepthwiseConv2dFilter } from '../kernels/depthwise-conv2d';
import { uploadMatmulWeights, type MatmulWeights } from '../kernels/matmul';
import type { Tensor } from '../tensor';
import { destroyFilters, NetBuilder, type NetRun } from './net-builder';
import { weightOf, type WeightMap } from './weight-map';

const MODEL = 'face_landmark_68_model';
export const LANDMARK_INPUT_SIZE = 112;
export const LANDMARK_MEAN_RGB = [122.782, 117.001, 104.298] as const;
export const LANDMARK_COUNT = 68;

/** A depthwise 3×3 followed by a pointwise 1×1 with bias (TF separableConv2d + bias). */
interface SeparableConv {
  depthwise: DepthwiseConv2dFilter;
  /** Pointwise conv with bias and ReLU; ReLU is switched off where the block sums first. */
  pointwise: Conv2dFilter;
}

interface DenseBlock {
  name: string;
  /** Block 0 opens with a plain 3×3 conv; the others with a separable conv. */
  first: Conv2dFilter | SeparableConv;
  rest: [SeparableConv, SeparableConv, SeparableConv];
}

export interface LandmarkWeights {
  blocks: DenseBlock[];
  fc: MatmulWeights;
}

function separable(
  context: GpuContext,
  weights: WeightMap,
  prefix: string,
  inC: number,
  outC: number,
  relu: boolean,
): SeparableConv {
  return {
    depthwise: uploadDepthwiseConv2dFilter(
      context,
      { kH: 3, kW: 3, channels: inC, weights: weightOf(weights, MODEL, `${prefix}/depthwise_filter`, [3, 3, inC, 1]) },
      `${MODEL}/${prefix}/depthwise`,
    ),
    pointwise: uploadConv2dFilter(
      context,
      {
        kH: 1,
        kW: 1,
        inC,
        outC,
        weights: weightOf(weights, MODEL, `${prefix}/pointwise_filter`, [1, 1, inC, outC]),
        bias: weightOf(weights, MODEL, `${prefix}/bias`, [outC]),
        activation: relu ? { kind: 'relu' } : { kind: 'none' },
      },
      `${MODEL}/${prefix}/pointwise`,
    ),
  };
}

export function uploadLandmarkWeights(context: GpuContext, weights: WeightMap): LandmarkWeights {
  const widths = [32, 64, 128, 256];
  const blocks = widths.map((channels, index): DenseBlock => {
    const name = `dense${index}`;
    const inC = index === 0 ? 3 : widths[index - 1]!;
    const first =
      index === 0
        ? uploadConv2dFilter(
            context,
            {
              kH: 3,
              kW: 3,
              inC: 3,
              outC: channels,
              weights: weightOf(weights, MODEL, `${name}/conv0/filters`, [3, 3, 3, channels]),
              bias: weightOf(weights, MODEL, `${name}/conv0/bias`, [channels]),
              activation: { kind: 'relu' },
            },
            `${MODEL}/${name}/conv0`,
          )
        : separable(context, weights, `${name}/conv0`, inC, channels, true);
    return {
      name,
      first,
      rest: [
        separable(context, weights, `${name}/conv1`, channels, channels, false),
        separable(context, weights, `${name}/conv2`, channels, channels, false),
        separable(context, weights, `${name}/conv3`, channels, channels, true),
      ],
    };
  });
  return {
    blocks,
    fc: uploadMatmulWeights(
      context,
      {
        k: 256,
        n: 2 * LANDMARK_COUNT,
        weights: weightOf(weights, MODEL, 'fc/weights', [256, 136]),
        bias: weightOf(weights, MODEL, 'fc/bias', [136]),
      },
      `${MODEL}/fc`,
    ),
  };
}

export function destroyLandmarkWeights(weights: LandmarkWeights): void {
  destroyFilters([
    ...weights.blocks.flatMap((block) =>
      [block.first, ...block.rest].flatMap((conv) => (isSeparable(conv) ? [conv.depthwise, conv.pointwise] : [conv])),
    ),
    weights.fc,
  ]);
}

const isSeparable = (conv: Conv2dFilter | SeparableConv): conv is SeparableConv => 'depthwise' in conv;

/**
 * Records the network for `batch` crops. Input [batch,112,112,3], already (RGB - mean) / 255.
 * Output [batch,136]: x0,y0,x1,y1,... in [0,1] of the crop.
 */
export function buildLandmarkRun(context: GpuContext, weights: LandmarkWeights, batch: number): NetRun {
  const net = new NetBuilder(context, `landmarks×${batch}`);
  const input = net.tensor([batch, LANDMARK_INPUT_SIZE, LANDMARK_INPUT_SIZE, 3], 'input');

  const sep = (
    x: Tensor,
    conv: SeparableConv,
    label: string,
    options: { stride?: number; reluInput?: boolean; residual?: Tensor },
  ) => {
    const depthwise = net.depthwise(x, conv.depthwise, {
      stride: options.stride ?? 1,
      padding: 'same',
      reluInput: options.reluInput,
      label: `${label}/depthwise`,
    });
    return net.conv(depthwise, conv.pointwise, {
      padding: 'same',
      residual: options.residual,
      label: `${label}/pointwise`,
    });
  };

  let x: Tensor = input;
  for (const block of weights.blocks) {
    // out1 = relu(conv0(x)); s2 = out1 + out2; s3 = s2 + out3; result = relu(s3 + out4), where
    // out2 = sep(out1), out3 = sep(relu(s2)), out4 = sep(relu(s3)). The sums are fused as residual
    // adds into the pointwise convs, and relu(s) is applied as the depthwise conv reads s.
    const out1 = isSeparable(block.first)
      ? sep(x, block.first, `${block.name}/conv0`, { stride: 2 })
      : net.conv(x, block.first, { stride: 2, padding: 'same', label: `${block.name}/conv0` });
    const s2 = sep(out1, block.rest[0], `${block.name}/conv1`, { residual: out1 });
    const s3 = sep(s2, block.rest[1], `${block.name}/conv2`, { reluInput: true, residual: s2 });
    x = sep(s3, block.rest[2], `${block.name}/conv3`, { reluInput: true, residual: s3 });
  }
  // avgPool 7×7 stride 2 VALID over a 7×7 map is the global mean.
  const pooled = net.globalMean(x, 'mean');
  const landmarks = net.matmul(pooled, weights.fc, 'fc');
  return net.finish(input, [landmarks]);
}
