import { type Affine2x3 } from '../alignment';
import type { GpuContext } from '../gpu-context';
import type { Tensor } from '../tensor';
import type { KernelCall } from './dispatch';
import { type Normalisation } from './image-to-tensor';
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
export declare const SIMILARITY_WARP_UNIFORMS: import("./uniforms").UniformLayout<{
    readonly outH: "u32";
    readonly outW: "u32";
    readonly batch: "u32";
    readonly _pad0: "u32";
    readonly originInt: "vec2<i32>";
    readonly originFrac: "vec2<f32>";
    readonly linear: "vec4<f32>";
    readonly mean: "vec4<f32>";
    readonly scale: "vec4<f32>";
}>;
export declare function similarityWarp(context: GpuContext, frame: GPUTexture, options: SimilarityWarpOptions): SimilarityWarpCall;
