// The verification threshold and what it means, from the committed calibration files: one per pipeline
// the app runs (src/app/engine-facade.ts PIPELINES), since a threshold holds only for the pipeline it
// was measured on. The LFW evaluation tool writes them; a file that holds dlib's published default (0.6)
// and no ROC makes the app say so instead of showing a false-match rate it does not know.
import gpuCalibration from './lfw-calibration.json';
import softwareCalibration from './lfw-calibration-software.json';

export type CalibrationSource = 'dlib-default' | 'lfw-eval';

export interface RocPoint {
  threshold: number;
  /** Share of different-person pairs whose distance is at or below the threshold. */
  falseMatchRate: number;
  /** Share of same-person pairs whose distance is above the threshold. */
  falseNonMatchRate: number;
}

export interface Calibration {
  modelId: string;
  source: CalibrationSource;
  /** Euclidean distance at or below which two embeddings are taken to be the same person. */
  threshold: number;
  targetFalseMatchRate: number | null;
  falseNonMatchRate: number | null;
  /** Sorted by threshold, ascending. */
  roc: RocPoint[];
  /** The pipeline measured, as the LFW tool names it (null for the dlib default). */
  pipeline: string | null;
  /** How many LFW pairs the rates come from (null for the dlib default). */
  pairs: number | null;
  generated: string;
}

export interface ErrorRates {
  falseMatchRate: number;
  falseNonMatchRate: number;
  /** The threshold lies outside the measured range and the nearest end was used. */
  extrapolated: boolean;
}

function fail(why: string): never {
  throw new Error(`Invalid calibration file: ${why}`);
}

const isRate = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1;
const isRateOrNull = (value: unknown): value is number | null => value === null || isRate(value);

/** Checks a calibration object (the committed file or one a tool wrote) and sorts its ROC. */
export function parseCalibration(value: unknown): Calibration {
  if (typeof value !== 'object' || value === null) fail('not an object');
  const v = value as Record<string, unknown>;
  if (typeof v.modelId !== 'string' || v.modelId === '') fail('modelId must be a non-empty string');
  if (v.source !== 'dlib-default' && v.source !== 'lfw-eval') fail('source must be "dlib-default" or "lfw-eval"');
  if (typeof v.threshold !== 'number' || !(v.threshold > 0) || !Number.isFinite(v.threshold)) {
    fail('threshold must be a positive number');
  }
  if (!isRateOrNull(v.targetFalseMatchRate)) fail('targetFalseMatchRate must be a rate in [0, 1] or null');
  if (!isRateOrNull(v.falseNonMatchRate)) fail('falseNonMatchRate must be a rate in [0, 1] or null');
  if (!Array.isArray(v.roc)) fail('roc must be an array');
  const roc = v.roc.map((point: unknown, i) => {
    const p = point as Record<string, unknown> | null;
    if (
      !p ||
      typeof p.threshold !== 'number' ||
      !Number.isFinite(p.threshold) ||
      !isRate(p.falseMatchRate) ||
      !isRate(p.falseNonMatchRate)
    ) {
      fail(`roc[${i}] needs a finite threshold and two rates in [0, 1]`);
    }
    return { threshold: p.threshold, falseMatchRate: p.falseMatchRate, falseNonMatchRate: p.falseNonMatchRate };
  });
  roc.sort((a, b) => a.threshold - b.threshold);
  if (typeof v.generated !== 'string') fail('generated must be a date string');
  const pipeline = v.pipeline ?? null;
  if (pipeline !== null && (typeof pipeline !== 'string' || pipeline === ''))
    fail('pipeline must be a non-empty string or null');
  const pairs = v.pairs ?? null;
  if (pairs !== null && !(typeof pairs === 'number' && Number.isInteger(pairs) && pairs > 0))
    fail('pairs must be a positive integer or null');
  if (v.source === 'lfw-eval' && (pipeline === null || pairs === null))
    fail('a measured calibration names its pipeline and pair count');
  return {
    modelId: v.modelId,
    source: v.source,
    threshold: v.threshold,
    targetFalseMatchRate: v.targetFalseMatchRate,
    falseNonMatchRate: v.falseNonMatchRate,
    roc,
    pipeline,
    pairs,
    generated: v.generated,
  };
}

/**
 * Error rates at `threshold`, linearly interpolated between the two nearest ROC points; null when the
 * calibration has no ROC (the dlib default).
 */
export function errorRatesAt(calibration: Calibration, threshold: number): ErrorRates | null {
  const roc = calibration.roc;
  if (roc.length === 0) return null;
  const first = roc[0];
  const last = roc[roc.length - 1];
  if (threshold <= first.threshold) {
    return {
      falseMatchRate: first.falseMatchRate,
      falseNonMatchRate: first.falseNonMatchRate,
      extrapolated: threshold < first.threshold,
    };
  }
  if (threshold >= last.threshold) {
    return {
      falseMatchRate: last.falseMatchRate,
      falseNonMatchRate: last.falseNonMatchRate,
      extrapolated: threshold > last.threshold,
    };
  }
  let upper = 1;
  while (roc[upper].threshold < threshold) upper++;
  const a = roc[upper - 1];
  const b = roc[upper];
  const t = b.threshold === a.threshold ? 0 : (threshold - a.threshold) / (b.threshold - a.threshold);
  return {
    falseMatchRate: a.falseMatchRate + t * (b.falseMatchRate - a.falseMatchRate),
    falseNonMatchRate: a.falseNonMatchRate + t * (b.falseNonMatchRate - a.falseNonMatchRate),
    extrapolated: false,
  };
}

/** The calibration of the GPU pipeline, which the app uses until it knows the engine's pipeline. */
export const CALIBRATION: Calibration = parseCalibration(gpuCalibration);

/** Every calibration shipped with this build: the GPU pipeline's, then the software one's. */
export const CALIBRATIONS: readonly Calibration[] = [CALIBRATION, parseCalibration(softwareCalibration)];

/**
 * The calibration measured on `pipeline` (an LFW variant id); the GPU pipeline's when none was, which
 * is then only the nearest there is.
 */
export function calibrationFor(pipeline: string): Calibration {
  return CALIBRATIONS.find((calibration) => calibration.pipeline === pipeline) ?? CALIBRATION;
}
