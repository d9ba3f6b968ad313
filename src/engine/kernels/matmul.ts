// matmul (fully connected) kernel host side: weight upload ([K,N], N padded to 4) and dispatch construction.
import activationWgsl from '../../../shaders/activation.wgsl?raw';
import epilogueLanesWgsl from '../../../shaders/epilogue-lanes.wgsl?raw';
import epilogueTileWgsl from '../../../shaders/epilogue-tile.wgsl?raw';
import subgroupTileWgsl from '../../../shaders/subgroup-tile.wgsl?raw';
import matmulCommonWgsl from '../../../shaders/matmul-common.wgsl?raw';
import matmulWgsl from '../../../shaders/matmul.wgsl?raw';
import matmulSubgroupWgsl from '../../../shaders/matmul-subgroup.wgsl?raw';
import type { GpuContext } from '../gpu-context';
import { createTensor, sizeOf, uploadBuffer, type Tensor } from '../tensor';
import { kernelCall, groupsFor, placeholderBuffer, type KernelCall } from './dispatch';
import { uniformBuffer, uniformLayout } from './uniforms';
import { activationCode, roundUp4, uploadChannelParams, type EpilogueParams } from './epilogue';

/** Everything a kernel file here uses besides itself. */
const SHARED = matmulCommonWgsl + activationWgsl + epilogueLanesWgsl + epilogueTileWgsl;
const CODE = matmulWgsl + SHARED;
// The kernel first: its `enable subgroups;` must precede every declaration.
const SUBGROUP_CODE = matmulSubgroupWgsl + SHARED + subgroupTileWgsl;

export interface MatmulWeights {
  /** Input features (rows of the weight matrix). */
  k: number;
  /** Output features. */
  n: number;
  /** [K, N] row-major, N padded to a multiple of 4. */
  buffer: GPUBuffer;
  channelParams: GPUBuffer;
  activationCode: number;
}

export interface MatmulWeightsSource extends EpilogueParams {
  k: number;
  n: number;
  /** [K, N] row-major, the layout of TensorFlow's MatMul / Dense kernels. */
  weights: Float32Array;
}

export function uploadMatmulWeights(context: GpuContext, source: MatmulWeightsSource, label = 'matmul'): MatmulWeights {
  const { k, n, weights } = source;
  if (weights.length !== k * n) throw new Error(`${label}: ${weights.length} weights for [${k},${n}]`);
  const n4 = roundUp4(n);
  let padded = weights;
  if (n4 !== n) {
    padded = new Float32Array(k * n4);
    for (let row = 0; row < k; row++) padded.set(weights.subarray(row * n, (row + 1) * n), row * n4);
  }
  return {
    k,
    n,
    buffer: uploadBuffer(context, padded, `${label}.weights`),
    channelParams: uploadChannelParams(context, n, source, label),
    activationCode: activationCode(source.activation),
  };
}

export interface MatmulOptions {
  /** Write here instead of a new [M,N] tensor (buffer reuse across layers); any shape of M·N elements. */
  output?: Tensor;
  /** Added before the activation; M·N elements laid out like the output. */
  residual?: Tensor;
  /** Kernel, workgroup shape and K split (tests); otherwise chosen for the adapter and the shape. */
  config?: MatmulConfig | SubgroupKernel;
  label?: string;
}

export interface MatmulConfig {
  wgX: number;
  wgY: number;
  kSplit: number;
}

/** Rows of each thread's output tile (matmul.wgsl's tileRows). */
const TILE_ROWS = 4;

const pow2AtLeast = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

/** Threads a workgroup may hold; (kSplit - 1) partial 4x4 tiles of 64 bytes each then fit in 16 KiB. */
const MAX_THREADS = 256;
/** Below this many 4x4 output tiles, K is split across threads to occupy more of the GPU. */
const TILES_TO_FILL = 2048;
/** Each K slice keeps at least this many groups of 4 k's, so the reduction stays a small part. */
const MIN_K4_PER_SLICE = 8;

/**
 * On a CPU adapter without the subgroup kernel (see SubgroupKernel) every product runs in one shape.
 * Splitting K to occupy more of a GPU buys nothing on a few CPU cores, and each further shape is another
 * pipeline that lavapipe compiles at its first dispatch (0.6-1.6 s apiece when measured): a first
 * visit's first result took 13.6 s with the GPU shapes.
 */
export const CPU_MATMUL_CONFIG: MatmulConfig = { wgX: 8, wgY: 8, kSplit: 1 };

/**
 * The subgroup kernels (matmul-subgroup.wgsl, conv2d-subgroup.wgsl) with `subgroupLanes` lanes a
 * subgroup: lanes share the input rows or pixels they gather through subgroup shuffles. On a CPU adapter
 * (lavapipe: 8 lanes; SwiftShader: 4) that replaces most per-lane gathers: 2.3-2.8x faster matmul and
 * 1.2-4x faster conv2d on lavapipe. GPUs keep the tiled kernels, written for them: their subgroups are
 * 32-64 wide and of varying width, and the subgroup kernels have only been measured on CPU adapters.
 */
export interface SubgroupKernel {
  subgroupLanes: 4 | 8;
}

const isSubgroupWidth = (width: number | undefined): width is SubgroupKernel['subgroupLanes'] =>
  width === 4 || width === 8;

/** The subgroup kernels' choice for this adapter: a CPU adapter whose subgroups are a fixed 4 or 8 lanes. */
export function subgroupKernelFor(context: GpuContext): SubgroupKernel | undefined {
  const width = context.fixedSubgroupSize;
  return context.software && isSubgroupWidth(width) ? { subgroupLanes: width } : undefined;
}

/**
 * Throws unless this device can run a subgroup kernel of `lanes` lanes: the `subgroups` feature, and
 * subgroups at least that wide, so that a workgroup of `lanes` invocations lies in one subgroup.
 */
export function checkSubgroupKernel(context: GpuContext, kernel: SubgroupKernel, label: string): void {
  const width = context.fixedSubgroupSize;
  if (!isSubgroupWidth(kernel.subgroupLanes) || width === undefined || width < kernel.subgroupLanes) {
    throw new Error(
      `${label}: a subgroup kernel of ${kernel.subgroupLanes} lanes needs the subgroups feature and subgroups at least that wide`,
    );
  }
}

/** The kernel and shape for this adapter: see subgroupKernelFor and tiledMatmulConfig. */
export function chooseMatmul(context: GpuContext, m: number, k: number, n: number): MatmulConfig | SubgroupKernel {
  return subgroupKernelFor(context) ?? tiledMatmulConfig(context, m, k, n);
}

/** matmul.wgsl's shape for this adapter: CPU_MATMUL_CONFIG on a CPU, matmulConfig on a GPU. */
export function tiledMatmulConfig(context: GpuContext, m: number, k: number, n: number): MatmulConfig {
  return context.software ? CPU_MATMUL_CONFIG : matmulConfig(m, k, n);
}

/** Workgroup shape for [M,K]x[K,N]: 64 tile threads, wide when M is small; K split when tiles are few. */
export function matmulConfig(m: number, k: number, n: number, kSplit?: number): MatmulConfig {
  const mTiles = Math.ceil(m / 4);
  const n4 = Math.ceil(n / 4);
  const wgY = Math.min(pow2AtLeast(mTiles), 8);
  const wgX = Math.min(pow2AtLeast(n4), 64 / wgY);
  let split = 1;
  if (kSplit !== undefined) {
    split = kSplit;
  } else {
    const k4 = Math.floor(k / 4);
    while (
      mTiles * n4 * split < TILES_TO_FILL &&
      k4 >= MIN_K4_PER_SLICE * split * 2 &&
      wgX * wgY * split * 2 <= MAX_THREADS
    ) {
      split *= 2;
    }
  }
  if (!Number.isInteger(split) || split < 1 || wgX * wgY * split > MAX_THREADS) {
    throw new Error(`matmul: kSplit ${split} with a ${wgX}x${wgY} workgroup is out of range`);
  }
  return { wgX, wgY, kSplit: split };
}

/**
 * Fully connected layer: `input` flattened to [M,K] (K = weights.k; e.g. [B,1,1,256] is [B,256]) times
 * the weights, with the fused epilogue. Output shape [M,N].
 */
/** matmul.wgsl and matmul-subgroup.wgsl share this struct. */
export const MATMUL_UNIFORMS = uniformLayout('matmul-common.wgsl', 'Params', {
  m: 'u32',
  k: 'u32',
  n: 'u32',
  n4: 'u32',
  activation: 'u32',
  tileRows: 'u32',
  _pad1: 'u32',
  _pad2: 'u32',
});

export function matmul(
  context: GpuContext,
  input: Tensor,
  weights: Pick<MatmulWeights, 'k' | 'n' | 'buffer' | 'channelParams' | 'activationCode'>,
  options: MatmulOptions = {},
): KernelCall<Tensor> {
  const label = options.label ?? 'matmul';
  const { k, n } = weights;
  const size = sizeOf(input.shape);
  if (size === 0 || size % k !== 0) {
    throw new Error(`${label}: input [${input.shape}] does not flatten to rows of ${k} features`);
  }
  const m = size / k;
  const outShape = [m, n];
  const output = options.output ?? createTensor(context, outShape, `${label}.out`);
  if (sizeOf(output.shape) !== m * n) throw new Error(`${label}: output tensor has the wrong size`);
  if (options.residual && sizeOf(options.residual.shape) !== m * n) {
    throw new Error(`${label}: residual [${options.residual.shape}] does not match the output's ${m * n} elements`);
  }
  const n4 = roundUp4(n) / 4;
  const config = options.config ?? chooseMatmul(context, m, k, n);
  const subgroup = 'subgroupLanes' in config;
  if (subgroup) checkSubgroupKernel(context, config, label);
  const tileRows = subgroup ? config.subgroupLanes : TILE_ROWS;
  const flags = { ALIGNED: k % 4 === 0 ? 1 : 0, HAS_RESIDUAL: options.residual ? 1 : 0 };
  const pipeline = subgroup
    ? context.pipeline('matmul-subgroup', SUBGROUP_CODE, { LANES: config.subgroupLanes, ...flags })
    : context.pipeline('matmul', CODE, { WG_X: config.wgX, WG_Y: config.wgY, K_SPLIT: config.kSplit, ...flags });
  const uniforms = uniformBuffer(
    context,
    MATMUL_UNIFORMS,
    { m, k, n, n4, activation: weights.activationCode, tileRows },
    `${label}.uniforms`,
  );
  const residual = options.residual?.buffer ?? placeholderBuffer(context);
  // Subgroup kernel: a workgroup is one subgroup, LANES column groups x LANES rows; otherwise one 4x4 tile
  // a thread.
  const workgroups: [number, number, number] = subgroup
    ? [groupsFor(context, n4, config.subgroupLanes), groupsFor(context, m, tileRows), 1]
    : [groupsFor(context, n4, config.wgX), groupsFor(context, Math.ceil(m / tileRows), config.wgY), 1];
  return kernelCall(
    context,
    label,
    pipeline,
    [input.buffer, weights.buffer, weights.channelParams, residual, output.buffer, uniforms],
    workgroups,
    output,
  );
}
