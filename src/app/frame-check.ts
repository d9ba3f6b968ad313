// Camera frames through the engine and the quality checks, as enrolment and verification both need
// them: every face with landmarks, the quality report against the view's thresholds, and the single face
// to embed (null when there are none or several). Where the pipeline tracks (software adapters), a
// single face is followed with the landmark net between detections, which cost seconds there.
import type { DetectedFace, FaceAnalysis, FaceService, FaceTracker } from './engine-facade';
import { measureFaceRegion } from './frame-sampling';
import { evaluateQuality, type QualityReport, type QualityThresholds } from './logic/quality';

/**
 * How long a single face is followed by the landmark net before the detector runs again. Only the
 * detector sees a second face come into view, so this is how late the one-face gate can be. In Chromium
 * on a processor a tracked frame with its descriptor takes about 1.1 s and a detected one 1.8 s; at 2 s
 * every enrollment sample was detected again (bench/results/browser-2026-11-29T22-*.md).
 */
export const REDETECT_INTERVAL_MS = 3000;

export interface CheckedFrame {
  analysis: FaceAnalysis;
  quality: QualityReport;
  single: DetectedFace | null;
  /** Whether the detector ran on this frame (false: the face was tracked). */
  detected: boolean;
}

/** Checks the frames of one capture session, in order. */
export class FrameChecker {
  private readonly tracker: FaceTracker | null;
  private detectedAtMs = -Infinity;

  constructor(
    private readonly service: FaceService,
    private readonly thresholds: QualityThresholds,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tracker = service.pipeline.track ? service.createTracker() : null;
  }

  async check(frame: ImageBitmap): Promise<CheckedFrame> {
    const startedAtMs = this.now();
    const followed =
      this.tracker && startedAtMs - this.detectedAtMs < REDETECT_INTERVAL_MS ? await this.tracker.track(frame) : null;
    let analysis: FaceAnalysis;
    if (followed) {
      analysis = { frameWidth: frame.width, frameHeight: frame.height, faces: [followed], target: followed };
    } else {
      analysis = await this.service.analyze(frame);
      this.detectedAtMs = startedAtMs;
      // A tracked face is followed already; a detection says what to follow next.
      if (analysis.faces.length === 1) this.tracker?.follow(analysis.faces[0]!);
      else this.tracker?.reset();
    }
    const single = analysis.faces.length === 1 ? analysis.faces[0]! : null;
    const quality = evaluateQuality(
      {
        frameWidth: analysis.frameWidth,
        frameHeight: analysis.frameHeight,
        faces: analysis.faces,
        region: single ? measureFaceRegion(frame, single.box) : null,
      },
      this.thresholds,
    );
    return { analysis, quality, single, detected: !followed };
  }
}
