// Tool-side geometry for the LFW pipeline: the box a second landmark pass is seeded with, and the box
// used when the detector finds no face. Pure functions.
import type { Box } from '../../src/engine/index';

/** Axis-aligned bounds of the 68 landmarks. */
export function landmarkBounds(landmarks: ArrayLike<number>): { cx: number; cy: number; width: number; height: number } {
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
 * centre (the first 199 images of the 600-pair View 2 subset; `eval-lfw --fit-refine`). The SSD box is
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

/** Median ratios over (box, landmarks) samples: the relation boxFromLandmarks inverts. */
export function fitBoxRelation(samples: readonly { box: Box; landmarks: ArrayLike<number> }[]): BoxRelation {
  if (samples.length === 0) throw new Error('fitBoxRelation: no samples');
  const median = (values: number[]) => {
    const s = [...values].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  const rows = samples.map(({ box, landmarks }) => {
    const b = landmarkBounds(landmarks);
    return {
      dx: (box.x + box.width / 2 - b.cx) / b.width,
      dy: (box.y + box.height / 2 - b.cy) / b.height,
      sw: box.width / b.width,
      sh: box.height / b.height,
    };
  });
  return {
    dx: median(rows.map((r) => r.dx)),
    dy: median(rows.map((r) => r.dy)),
    sw: median(rows.map((r) => r.sw)),
    sh: median(rows.map((r) => r.sh)),
  };
}

/**
 * Where no face is detected: a box over the central region of the frame, sized like a typical
 * detection on a 250×250 LFW image (deep-funneled LFW centres the face): the median box of the same
 * detections SSD_BOX_RELATION was fitted on, as fractions of the frame. Landmarks and the chip are then computed from it as from a detection.
 */
export const FALLBACK_BOX_FRACTION = { x: 0.31, y: 0.28, width: 0.375, height: 0.465 };

export function fallbackBox(frameWidth: number, frameHeight: number): Box {
  const f = FALLBACK_BOX_FRACTION;
  return { x: f.x * frameWidth, y: f.y * frameHeight, width: f.width * frameWidth, height: f.height * frameHeight };
}
