// The box a face's 68 landmarks imply: where the SSD detector would have put it. A second landmark pass
// on this box (landmark refinement) starts from a crop framed like the ones the landmark net was
// trained on, whatever box the detector gave; measured on LFW it lowers the error rate (results/).
import type { Box } from './face-engine-types';

/** Axis-aligned bounds of the 68 landmarks. */
export function landmarkBounds(landmarks: ArrayLike<number>): {
  cx: number;
  cy: number;
  width: number;
  height: number;
} {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < landmarks.length; i += 2) {
    const x = landmarks[i]!;
    const y = landmarks[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, width: maxX - minX, height: maxY - minY };
}

/**
 * How an SSD box sits around the landmarks it produced, relative to the landmarks' bounds:
 * box centre = bounds centre + (dx·width, dy·height), box size = (sw·width, sh·height).
 */
export interface BoxRelation {
  dx: number;
  dy: number;
  sw: number;
  sh: number;
}

/**
 * Fitted on LFW: medians over 198 multi-scale SSD detections scoring ≥ 0.8 whose box contains the image
 * centre (the first 199 images of the 600-pair View 2 subset; `npm run eval:lfw -- --fit-refine`). The SSD box is
 * about as wide as the landmarks' bounds and 1.3 times as tall, shifted up by 13% of their height (it
 * takes in the forehead, which the 68 points do not reach).
 */
export const SSD_BOX_RELATION: BoxRelation = { dx: 0.0095, dy: -0.1337, sw: 0.9841, sh: 1.2961 };

/** The box a typical SSD detection of a face with these landmarks would have. */
export function boxFromLandmarks(landmarks: ArrayLike<number>, relation: BoxRelation = SSD_BOX_RELATION): Box {
  const b = landmarkBounds(landmarks);
  const width = relation.sw * b.width;
  const height = relation.sh * b.height;
  const cx = b.cx + relation.dx * b.width;
  const cy = b.cy + relation.dy * b.height;
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}
