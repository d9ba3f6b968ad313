import type { RgbaImage } from '../frame-texture';
import type { SimilarityWarpOptions } from '../kernels/similarity-warp';
type ReferenceOptions = Pick<SimilarityWarpOptions, 'outH' | 'outW' | 'matrix' | 'normalise' | 'flip'>;
export declare function similarityWarpReference(image: RgbaImage, options: ReferenceOptions): Float32Array;
export {};
