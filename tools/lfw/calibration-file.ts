// The app's calibration files (src/calibration/lfw-calibration*.json, read by src/calibration/calibration.ts)
// from an evaluation: the threshold at the target false-match rate over all pairs, and ≤ maxPoints ROC
// points spread evenly over the distance range (the app interpolates between them by threshold).
import { PIPELINES } from '../../src/app/engine-facade';
import { round } from './evaluate';
import { operatingPoint, ratesAt, subsampleRoc, type ScoredPair } from './metrics';

export interface CalibrationFile {
  modelId: string;
  source: 'lfw-eval';
  threshold: number;
  targetFalseMatchRate: number;
  falseNonMatchRate: number;
  roc: { threshold: number; falseMatchRate: number; falseNonMatchRate: number }[];
  /** Our pipeline's variant id; the app must run exactly this (src/app/engine-facade.ts PIPELINES). */
  pipeline: string;
  pairs: number;
  generated: string;
}

export function calibrationFile(
  scored: readonly ScoredPair[],
  options: { modelId: string; pipeline: string; targetFalseMatchRate: number; generated: string; maxPoints?: number },
): CalibrationFile {
  const op = operatingPoint(scored, options.targetFalseMatchRate);
  // Rounded for the file; the rates are those at the rounded value.
  const threshold = round(op.threshold, 4);
  const rates = ratesAt(scored, threshold);
  return {
    modelId: options.modelId,
    source: 'lfw-eval',
    threshold,
    targetFalseMatchRate: options.targetFalseMatchRate,
    falseNonMatchRate: round(rates.falseNonMatchRate, 5),
    roc: subsampleRoc(scored, options.maxPoints ?? 200, [threshold]).map((p) => ({
      threshold: round(p.threshold, 4),
      falseMatchRate: round(p.falseMatchRate, 6),
      falseNonMatchRate: round(p.falseNonMatchRate, 6),
    })),
    pipeline: options.pipeline,
    pairs: scored.length,
    generated: options.generated,
  };
}

/** Where the calibration of one of the app's pipelines lives, relative to the repository root. */
export function calibrationPath(pipeline: string): string {
  if (pipeline === PIPELINES.gpu.id) return 'src/calibration/lfw-calibration.json';
  if (pipeline === PIPELINES.software.id) return 'src/calibration/lfw-calibration-software.json';
  throw new Error(
    `${pipeline} is not a pipeline the app runs (src/app/engine-facade.ts PIPELINES): no calibration file for it`,
  );
}
