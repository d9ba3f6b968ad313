// Follows one face at frame rate: one detection, then only the landmark net on the box the previous
// frame's landmarks imply (landmark-box.ts). When the landmarks stop agreeing with the box they were
// found in, the track is lost and the next frame is detected again.
import type { FaceEngine } from './face-engine';
import type { Box, DetectedFace, FrameSource } from './face-engine-types';
import { boxFromLandmarks, landmarkBounds } from './landmark-box';

/**
 * The loss test. On a face the landmark net, run on the box the previous landmarks imply, returns
 * landmarks whose own implied box overlaps that box closely (the face moved a little between frames).
 * On a background, or a face that moved away, its landmarks collapse or wander: the overlap (IoU) of the
 * box searched and the box the new landmarks imply drops. Below this IoU the track is lost.
 */
export const TRACK_LOSS_MIN_IOU = 0.5;
/** ... or when the landmarks' spread shrinks below this fraction of the box searched (a collapse). */
export const TRACK_LOSS_MIN_SPREAD = 0.35;
/**
 * The landmark net pulls its landmarks towards the centre of its crop, so on a face that moved the
 * landmarks lag. When the box the new landmarks imply overlaps the box searched less than this, the net
 * runs a second time on the implied box. Measured (eval:liveness -- --tracker-bench, a 110 px face):
 * mean landmark error after a jump of 0.3 / 0.5 box widths 5.2 / 14.8 px with one pass, 3.1 / 11.2 px
 * with this (both before TRACK_SEARCH_MARGIN; with it, 2.5 / 5.1 px); jumps of 0.7 widths and more lose
 * the track and are detected again (0.8 px).
 */
export const TRACK_REFINE_MAX_IOU = 0.8;
/**
 * The landmark net searches a box this much larger (about its centre) than the one the previous
 * landmarks imply. With no margin, a face that grows within its box between two frames (a mouth opening
 * lowers the chin; a head turning back to the camera widens) has its new outline cut off by the crop, and
 * the net fits the old shape inside it: a fixed point. On the e2e pose photos, a frontal open mouth
 * right after a turned, closed-mouth frame measured a mouth openness of 0.27 with no margin (0.47 from a
 * fresh detection, 0.3 needed) and 0.39-0.43 with this one (tests/liveness/e2e-fixtures.test.ts answers
 * all 12 challenges with those photos).
 */
export const TRACK_SEARCH_MARGIN = 1.1;

/** The box the landmark net searches for a face whose landmarks imply `implied`. */
export function searchBox(implied: Box): Box {
  const width = implied.width * TRACK_SEARCH_MARGIN;
  const height = implied.height * TRACK_SEARCH_MARGIN;
  return {
    x: implied.x - (width - implied.width) / 2,
    y: implied.y - (height - implied.height) / 2,
    width,
    height,
  };
}

export interface TrackResult {
  face: DetectedFace;
  /** True when this frame ran the detector (no track, or the track was lost). */
  detected: boolean;
}

export function boxIoU(a: Box, b: Box): number {
  const x0 = Math.max(a.x, b.x);
  const y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width);
  const y1 = Math.min(a.y + a.height, b.y + b.height);
  const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

/** Whether landmarks found in `searched` still describe a face there (see TRACK_LOSS_MIN_IOU). */
export function trackHolds(searched: Box, landmarks: Float32Array): boolean {
  const bounds = landmarkBounds(landmarks);
  if (!(bounds.width > TRACK_LOSS_MIN_SPREAD * searched.width)) return false;
  return boxIoU(searched, boxFromLandmarks(landmarks)) >= TRACK_LOSS_MIN_IOU;
}

export class FaceTracker {
  private last: DetectedFace | null = null;

  constructor(private readonly engine: FaceEngine) {}

  /**
   * Landmarks for this frame: the landmark net only, around the box the previous landmarks imply (twice
   * when the face moved, see TRACK_REFINE_MAX_IOU; with a margin, see TRACK_SEARCH_MARGIN); detects
   * again (engine.analyze) when there is no track or the track is lost. null when no face.
   */
  async next(frame: FrameSource): Promise<TrackResult | null> {
    const followed = await this.track(frame);
    if (followed) return { face: followed, detected: false };
    const analysis = await this.engine.analyze(frame, { refineLandmarks: true });
    this.last = analysis.target;
    return this.last ? { face: this.last, detected: true } : null;
  }

  /**
   * The followed face in this frame, from the landmark net alone (as `next`, without detecting); null
   * when there is no track or it was lost here, and then the track is forgotten.
   */
  async track(frame: FrameSource): Promise<DetectedFace | null> {
    if (!this.last) return null;
    const box = boxFromLandmarks(this.last.landmarks);
    let [landmarks] = await this.engine.landmarksFor(frame, [searchBox(box)]);
    if (!landmarks || !trackHolds(box, landmarks)) {
      this.last = null;
      return null;
    }
    const moved = boxFromLandmarks(landmarks);
    if (boxIoU(box, moved) < TRACK_REFINE_MAX_IOU)
      [landmarks] = await this.engine.landmarksFor(frame, [searchBox(moved)]);
    this.last = { box: boxFromLandmarks(landmarks!), score: this.last.score, landmarks: landmarks! };
    return this.last;
  }

  /** Follow this face from the next frame on, without detecting first (a face found elsewhere). */
  follow(face: DetectedFace): void {
    this.last = face;
  }

  /** Forget the track: the next frame is detected. */
  reset(): void {
    this.last = null;
  }
}
