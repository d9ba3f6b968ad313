// similarity-warp kernel host side: a 2x3 chip -> frame matrix, normalisation and dispatch.
import similarityWarpWgsl from '../../../shaders/similarity-warp.wgsl?raw';
import { applyAffine, mirrorAffineX, type Affine2x3 } from '../alignment';
import type { GpuContext } from '../gpu-context';
import type { Tensor } from '../tensor';
import { bindGroup, groupsFor, uniformBuffer, type KernelCall, type UniformField } from './dispatch';
import { batchOutput, channels, writeUniformFields, type Normalisation } from './image-to-tensor';

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

function uniformFields(outH: number, outW: number, batchIndex: number, g: SimilarityWarpGeometry, label: string): UniformField[] {
  if (!g.matrix.every(Number.isFinite)) throw new Error(`${label}: the matrix has non-finite entries`);
  const m = g.flip ? mirrorAffineX(g.matrix, outW) : g.matrix;
  // Split M(centre) into integer and fraction in float64 (see the shader header).
  const [sx, sy] = applyAffine(m, [(outW - 1) / 2, (outH - 1) / 2]);
  if (Math.abs(sx) > MAX_ORIGIN || Math.abs(sy) > MAX_ORIGIN) throw new Error(`${label}: the chip centre maps to (${sx}, ${sy})`);
  const [ix, iy] = [Math.floor(sx), Math.floor(sy)];
  const mean = channels(g.normalise.mean);
  const scale = channels(g.normalise.scale);
  return [
    { u32: outH }, { u32: outW }, { u32: batchIndex }, { u32: 0 },
    { i32: ix }, { i32: iy }, { f32: sx - ix }, { f32: sy - iy },
    { f32: m[0] }, { f32: m[1] }, { f32: m[3] }, { f32: m[4] },
    { f32: mean[0] }, { f32: mean[1] }, { f32: mean[2] }, { f32: 0 },
    { f32: scale[0] }, { f32: scale[1] }, { f32: scale[2] }, { f32: 0 },
  ];
}

export function similarityWarp(context: GpuContext, frame: GPUTexture, options: SimilarityWarpOptions): SimilarityWarpCall {
  const label = options.label ?? 'similarity-warp';
  const { outH, outW } = options;
  if (!(Number.isInteger(outH) && Number.isInteger(outW) && outH >= 1 && outW >= 1)) {
    throw new Error(`${label}: invalid output size ${outW}x${outH}`);
  }
  const batchIndex = options.batchIndex ?? 0;
  const output = batchOutput(context, outH, outW, options.output, batchIndex, label);
  const pipeline = context.pipeline('similarity-warp', similarityWarpWgsl, { WG_X, WG_Y });
  const uniforms = uniformBuffer(context, uniformFields(outH, outW, batchIndex, options, label), `${label}.uniforms`);
  return {
    output,
    dispatch: {
      label,
      pipeline,
      bindGroup: bindGroup(context, pipeline, [frame.createView(), { buffer: output.buffer }, { buffer: uniforms }], label),
      workgroups: [groupsFor(context, outW, WG_X), groupsFor(context, outH, WG_Y), 1],
      owned: [uniforms],
    },
    update: (next) => writeUniformFields(context, uniforms, uniformFields(outH, outW, batchIndex, next, label)),
  };
}
