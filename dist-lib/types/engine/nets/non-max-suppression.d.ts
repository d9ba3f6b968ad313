/**
 * face-api ssdMobilenetv1/nonMaxSuppression.ts (tf.image.nonMaxSuppression semantics): candidates
 * scoring above `scoreThreshold`, best first (ties keep index order); a candidate is kept unless its
 * IoU with an already kept box exceeds `iouThreshold`; at most `maxOutputSize` kept.
 * `boxes`: [n,4] as [ymin,xmin,ymax,xmax] (corners may come in either order). Returns box indices.
 */
export declare function nonMaxSuppressionSsd(boxes: Float32Array, scores: ArrayLike<number>, maxOutputSize: number, iouThreshold: number, scoreThreshold: number): number[];
/** IoU of boxes i and j of an [n,4] [ymin,xmin,ymax,xmax] array; 0 when either is empty. */
export declare function cornerIou(boxes: Float32Array, i: number, j: number): number;
export interface Rect {
    x: number;
    y: number;
    width: number;
    height: number;
}
/**
 * face-api ops/nonMaxSuppression.ts (used by the tiny face detector): repeatedly takes the best
 * remaining box (among equal scores the one with the highest index) and drops every remaining box
 * whose IoU with it exceeds `iouThreshold` (or intersection over the smaller area when `isIou` is
 * false). No score threshold or size limit: the caller filters scores first. Returns indices, best first.
 */
export declare function nonMaxSuppression(boxes: readonly Rect[], scores: readonly number[], iouThreshold: number, isIou?: boolean): number[];
/** face-api ops/iou.ts on {x,y,width,height} boxes. */
export declare function rectIou(a: Rect, b: Rect, isIou?: boolean): number;
