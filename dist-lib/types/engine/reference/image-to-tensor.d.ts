import type { RgbaImage } from '../frame-texture';
import { type ImageToTensorOptions } from '../kernels/image-to-tensor';
type ReferenceOptions = Pick<ImageToTensorOptions, 'outH' | 'outW' | 'crop' | 'canvas' | 'normalise' | 'flip'>;
/** The virtual source (crop on a zero canvas) as float RGB [srcH,srcW,3]. */
export declare function cropAndPadReference(image: RgbaImage, options: ReferenceOptions): {
    data: Float32Array;
    height: number;
    width: number;
};
/** tf.image.resizeBilinear(x, [outH,outW], false, false) for one HxWx3 image, as the cpu backend does it. */
export declare function resizeBilinearReference(source: Float32Array, height: number, width: number, outH: number, outW: number): Float32Array;
/** The [1,outH,outW,3] tensor image-to-tensor writes for `image`. */
export declare function imageToTensorReference(image: RgbaImage, options: ReferenceOptions): Float32Array;
export {};
