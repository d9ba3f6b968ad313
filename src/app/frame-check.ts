// One camera frame through the engine and the quality checks, as enrolment and verification both need
// it: every face with landmarks, the quality report against the view's thresholds, and the single face
// to embed (null when there are none or several).
import type { DetectedFace, FaceAnalysis, FaceService } from './engine-facade';
import { measureFaceRegion } from './frame-sampling';
import { evaluateQuality, type QualityReport, type QualityThresholds } from './logic/quality';

export interface CheckedFrame {
  analysis: FaceAnalysis;
  quality: QualityReport;
  single: DetectedFace | null;
}

export async function checkFrame(
  service: FaceService,
  frame: ImageBitmap,
  thresholds: QualityThresholds,
): Promise<CheckedFrame> {
  const analysis = await service.analyze(frame);
  const single = analysis.faces.length === 1 ? analysis.faces[0]! : null;
  const quality = evaluateQuality(
    {
      frameWidth: analysis.frameWidth,
      frameHeight: analysis.frameHeight,
      faces: analysis.faces,
      region: single ? measureFaceRegion(frame, single.box) : null,
    },
    thresholds,
  );
  return { analysis, quality, single };
}
