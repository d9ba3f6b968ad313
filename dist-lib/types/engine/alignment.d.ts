export type Point = readonly [number, number];
/** 2x3 affine map, row-major: x' = m[0]*x + m[1]*y + m[2], y' = m[3]*x + m[4]*y + m[5]. */
export type Affine2x3 = readonly [number, number, number, number, number, number];
export declare const IDENTITY_AFFINE: Affine2x3;
export declare function applyAffine(m: Affine2x3, [x, y]: Point): Point;
/** outer ∘ inner: apply `inner` first. */
export declare function composeAffine(outer: Affine2x3, inner: Affine2x3): Affine2x3;
export declare function invertAffine(m: Affine2x3): Affine2x3;
/** A chip -> frame matrix for the mirrored chip: output column x reads what column width-1-x would. */
export declare function mirrorAffineX(m: Affine2x3, width: number): Affine2x3;
/**
 * Least-squares similarity (rotation, uniform scale, translation; no reflection) taking `from` onto
 * `to`: minimises sum |s R from_i + t - to_i|^2. The closed form below is the 2-D case of Umeyama's
 * method, which dlib's find_similarity_transform implements.
 */
export declare function findSimilarityTransform(from: readonly Point[], to: readonly Point[]): Affine2x3;
/**
 * dlib's average positions of face points 17..67 (mean_face_shape_x/y in
 * dlib/image_transforms/interpolation.h, get_face_chip_details), in a unit square.
 */
export declare const DLIB_MEAN_FACE_X: readonly number[];
export declare const DLIB_MEAN_FACE_Y: readonly number[];
export declare const DLIB_MEAN_FACE_FIRST_PART = 17;
/** The parts dlib fits: 17..67 without the eyebrows (17-26) and the lower lip (55-59, 65-67). */
export declare const DLIB_CHIP_PARTS: readonly number[];
/** Where dlib puts part `part` in a size x size chip with `padding`. */
export declare function dlibTemplatePoint(part: number, size: number, padding: number): Point;
export interface FaceChipDetails {
    /**
     * chip pixel (x,y) -> frame point, for similarity-warp: the least-squares similarity from the
     * template (in chip pixels) to the landmarks. This is the convention of the oracle's dlib-chip
     * descriptors (they are reproduced exactly with it, tests/nets/pipeline.test.ts).
     */
    matrix: Affine2x3;
    /**
     * The mapping dlib's extract_image_chip itself uses (its chip rectangle is one pixel short and is
     * anchored at corners): u -> c + k R (u - (size-1)/2), c = T(size/2,size/2), k = (size*s-1)/(size-1).
     * Differs from `matrix` by up to about half a pixel; kept for comparison.
     */
    dlibExtractMatrix: Affine2x3;
    size: number;
    /** Rotation of the face in the frame, radians (dlib's chip_details.angle). */
    angle: number;
    /** Frame pixels per chip unit of the fitted similarity. dlib extracts through an image pyramid once
     *  this is above about 2 (it blurs before sampling); a plain bilinear warp does not. */
    scale: number;
}
/**
 * dlib::get_face_chip_details(det, size, padding) for 68-point shapes: a least-squares similarity
 * from dlib's mean face (parts 27-54 and 60-64, placed in a size x size chip with `padding`) to the
 * landmarks. Defaults are ours (150, 0.25, face_recognition_model's chip); dlib's own are 200, 0.2.
 */
export declare function getFaceChipDetails(landmarks: readonly Point[], size?: number, padding?: number): FaceChipDetails;
