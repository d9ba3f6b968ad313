// Tool-side geometry for the LFW pipeline: fitting the relation the engine's landmark refinement uses
// (src/engine/landmark-box.ts), and the box used when the detector finds no face. Pure functions.
import type { Box } from '../../src/engine/index';
import { landmarkBounds, type BoxRelation } from '../../src/engine/landmark-box';

export { boxFromLandmarks, landmarkBounds, SSD_BOX_RELATION, type BoxRelation } from '../../src/engine/landmark-box';

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
