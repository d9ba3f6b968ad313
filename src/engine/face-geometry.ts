// Face geometry in plain TS (no GPU): the crop a box gives, landmark output to frame pixels, the box
// face-api's descriptors crop, and which face a person means. The stages use these; tests check them
// against hand-worked cases.
import type { Point } from './alignment';
import type { Box } from './face-engine-types';
import type { PixelRect } from './kernels/image-to-tensor';
import { boxContains } from './nets/detection';

/** iBUG 300-W indices (inclusive) of the parts faceApiAlignedBox uses. */
export const LEFT_EYE_POINTS = [36, 41] as const;
export const RIGHT_EYE_POINTS = [42, 47] as const;
export const MOUTH_POINTS = [48, 67] as const;

/**
 * face-api's FaceLandmarks.align(useDlibAlignment) box: its side is the mean eye-to-mouth distance
 * divided by EYE_TO_MOUTH_SHARE, and it sits with the eyes-and-mouth centroid at (0.5, 0.43) of it.
 */
export const EYE_TO_MOUTH_SHARE = 0.45;
export const ALIGNED_BOX_CENTRE_X = 0.5;
export const ALIGNED_BOX_CENTRE_Y = 0.43;

/** dlib's chip padding for its ResNet descriptor: the face fills 1/(1 + 2·0.25) of the chip. */
export const DLIB_CHIP_PADDING = 0.25;

/** In targetOrder, containing the frame's centre outranks any size. */
const CONTAINS_CENTRE_RANK = 1e12;

/** face-api's Box.clipAtImageBorders(...).floor(): the integer crop a detector box gives. */
export function faceApiCrop(box: Box, frameWidth: number, frameHeight: number): PixelRect {
  const x = Math.max(box.x, 0);
  const y = Math.max(box.y, 0);
  const width = Math.min(box.x + box.width - x, frameWidth - x);
  const height = Math.min(box.y + box.height - y, frameHeight - y);
  return {
    x: Math.floor(x),
    y: Math.floor(y),
    width: Math.max(1, Math.floor(width)),
    height: Math.max(1, Math.floor(height)),
  };
}

/**
 * Landmark-net output ([0,1] of the centred square around the crop, [x0,y0,x1,y1,...]) → frame pixels,
 * as face-api maps it: scaled by the integer crop's size but shifted by the detector box's unrounded
 * origin.
 */
export function landmarksToFrame(
  output: ArrayLike<number>,
  crop: PixelRect,
  origin: { x: number; y: number },
): Float32Array {
  const side = Math.max(crop.width, crop.height);
  const padX = crop.width < crop.height ? (crop.height - crop.width) / 2 : 0;
  const padY = crop.height < crop.width ? (crop.width - crop.height) / 2 : 0;
  const points = new Float32Array(output.length);
  for (let i = 0; i < output.length; i += 2) {
    points[i] = origin.x + output[i]! * side - padX;
    points[i + 1] = origin.y + output[i + 1]! * side - padY;
  }
  return points;
}

/** [x0,y0,x1,y1,...] → [[x0,y0],[x1,y1],...]. */
export function toPoints(landmarks: Float32Array): Point[] {
  return Array.from({ length: landmarks.length / 2 }, (_, i) => [landmarks[2 * i]!, landmarks[2 * i + 1]!] as const);
}

/** The mean of landmarks first..last (inclusive). */
export function centreOf(landmarks: ArrayLike<number>, [first, last]: readonly [number, number]): Point {
  let x = 0;
  let y = 0;
  for (let i = first; i <= last; i++) {
    x += landmarks[2 * i]!;
    y += landmarks[2 * i + 1]!;
  }
  const count = last - first + 1;
  return [x / count, y / count];
}

/** face-api's FaceLandmarks.align(null, {useDlibAlignment: true}): the box its descriptors crop. */
export function faceApiAlignedBox(landmarks: Float32Array, frameWidth: number, frameHeight: number): Box {
  const leftEye = centreOf(landmarks, LEFT_EYE_POINTS);
  const rightEye = centreOf(landmarks, RIGHT_EYE_POINTS);
  const mouth = centreOf(landmarks, MOUTH_POINTS);
  const distance = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const eyeToMouth = (distance(mouth, leftEye) + distance(mouth, rightEye)) / 2;
  const size = Math.floor(eyeToMouth / EYE_TO_MOUTH_SHARE);
  const centroid: Point = [(leftEye[0] + rightEye[0] + mouth[0]) / 3, (leftEye[1] + rightEye[1] + mouth[1]) / 3];
  const x = Math.floor(Math.max(0, centroid[0] - ALIGNED_BOX_CENTRE_X * size));
  const y = Math.floor(Math.max(0, centroid[1] - ALIGNED_BOX_CENTRE_Y * size));
  return { x, y, width: Math.min(size, frameWidth + x), height: Math.min(size, frameHeight + y) };
}

/**
 * Which face a person means, best first: faces that contain the frame centre come first (LFW's
 * convention, and a webcam user sits in the middle), the larger the better; then the others by size
 * discounted by their distance from the centre.
 */
export function targetOrder(boxes: readonly Box[], frameWidth: number, frameHeight: number): number[] {
  const cx = frameWidth / 2;
  const cy = frameHeight / 2;
  const halfDiagonal = Math.hypot(frameWidth, frameHeight) / 2;
  const rank = (b: Box) => {
    const containsCentre = boxContains(b, cx, cy);
    const distance = Math.hypot(b.x + b.width / 2 - cx, b.y + b.height / 2 - cy) / halfDiagonal;
    return (containsCentre ? CONTAINS_CENTRE_RANK : 0) + b.width * b.height * (1 - Math.min(1, distance)) ** 2;
  };
  return boxes
    .map((b, i) => [rank(b), i] as const)
    .sort((a, b) => b[0] - a[0])
    .map(([, i]) => i);
}
