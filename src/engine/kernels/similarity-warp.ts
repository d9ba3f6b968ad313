// similarity-warp kernel host side: a 2x3 chip -> frame matrix, normalisation and dispatch.
import similarityWarpWgsl from '../../../shaders/similarity-warp.wgsl?raw';
import { applyAffine, mirrorAffineX, type Affine2x3 } from '../alignment';
import type { GpuContext } from '../gpu-context';
import type { Tensor } from '../tensor';
import type { KernelCall } from './dispatch';
import { batchOutput, channels, frameDispatch, type Normalisation } from './image-to-tensor';
import { uniformBuffer, uniformLayout, writeUniforms, type UniformValues } from './uniforms';

export interface SimilarityWarpOptions {
  outH: number;
  outW: number;
  /** Output pixel (x,y) -> frame point, pixel centres at integers (getFaceChipDetails().matrix). */
  matrix: Affine2x3;
  normalise: Normalisation;
  /** Mirror the output left-right (flip test-time augmentation). */
  flip?: boolean;
  /** Write into image `batchIndex` of this [B,outH,outW,3] tensor instead of a new [1,outH,outW,3]. */
  output?: Tensor;
  batchIndex?: number;
  label?: string;
}

export type SimilarityWarpGeometry = Pick<SimilarityWarpOptions, 'matrix' | 'normalise' | 'flip'>;

export interface SimilarityWarpCall extends KernelCall<Tensor> {
  /** Rewrites the uniforms for a new matrix/normalisation/flip on the same frame texture. */
  update(geometry: SimilarityWarpGeometry): void;
}

const WG_X = 8;
const WG_Y = 8;

/** Largest |frame coordinate| of the output centre accepted; beyond it the chip is nowhere near a frame. */
const MAX_ORIGIN = 1 << 24;

export const SIMILARITY_WARP_UNIFORMS = uniformLayout('similarity-warp.wgsl', 'Params', {
  outH: 'u32',
  outW: 'u32',
  batch: 'u32',
  _pad0: 'u32',
  originInt: 'vec2<i32>',
  originFrac: 'vec2<f32>',
  linear: 'vec4<f32>',
  mean: 'vec4<f32>',
  scale: 'vec4<f32>',
});

function uniformValues(
  outH: number,
  outW: number,
  batchIndex: number,
  g: SimilarityWarpGeometry,
  label: string,
): UniformValues<typeof SIMILARITY_WARP_UNIFORMS.fields> {
  if (!g.matrix.every(Number.isFinite)) throw new Error(`${label}: the matrix has non-finite entries`);
  const m = g.flip ? mirrorAffineX(g.matrix, outW) : g.matrix;
  // Split M(centre) into integer and fraction in float64 (see the shader header).
  const [sx, sy] = applyAffine(m, [(outW - 1) / 2, (outH - 1) / 2]);
  if (Math.abs(sx) > MAX_ORIGIN || Math.abs(sy) > MAX_ORIGIN)
    throw new Error(`${label}: the chip centre maps to (${sx}, ${sy})`);
  const [ix, iy] = [Math.floor(sx), Math.floor(sy)];
  return {
    outH,
    outW,
    batch: batchIndex,
    originInt: [ix, iy],
    originFrac: [sx - ix, sy - iy],
    linear: [m[0], m[1], m[3], m[4]],
    mean: channels(g.normalise.mean),
    scale: channels(g.normalise.scale),
  };
}

export function similarityWarp(
  context: GpuContext,
  frame: GPUTexture,
  options: SimilarityWarpOptions,
): SimilarityWarpCall {
  const label = options.label ?? 'similarity-warp';
  const { outH, outW } = options;
  if (!(Number.isInteger(outH) && Number.isInteger(outW) && outH >= 1 && outW >= 1)) {
    throw new Error(`${label}: invalid output size ${outW}x${outH}`);
  }
  const batchIndex = options.batchIndex ?? 0;
  const output = batchOutput(context, outH, outW, options.output, batchIndex, label);
  const pipeline = context.pipeline('similarity-warp', similarityWarpWgsl, { WG_X, WG_Y });
  const uniforms = uniformBuffer(
    context,
    SIMILARITY_WARP_UNIFORMS,
    uniformValues(outH, outW, batchIndex, options, label),
    `${label}.uniforms`,
  );
  return {
    output,
    dispatch: frameDispatch(context, label, pipeline, frame, output, uniforms, [WG_X, WG_Y]),
    update: (next) =>
      writeUniforms(context, uniforms, SIMILARITY_WARP_UNIFORMS, uniformValues(outH, outW, batchIndex, next, label)),
  };
}
