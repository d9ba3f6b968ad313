// From per-image descriptors to a pipeline's report: pair distances, metrics, failures.
import { rocCurve, verificationMetrics, type ScoredPair } from './metrics';
import type { LfwPair } from './pairs';
import type { PipelineReport } from './report';

export interface ImageResult {
  vector: Float32Array;
  /** No face was detected; the fallback box was used. */
  fallback: boolean;
}

export function euclidean(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
}

export interface ScoredLfwPair extends ScoredPair {
  index: number;
  imageA: string;
  imageB: string;
  fallback: boolean;
}

/** Distances of the pairs whose two images have results; the others are counted as missing. */
export function scorePairs(
  pairs: readonly LfwPair[],
  results: ReadonlyMap<string, ImageResult>,
): { scored: ScoredLfwPair[]; missing: number } {
  const scored: ScoredLfwPair[] = [];
  let missing = 0;
  for (const p of pairs) {
    const a = results.get(p.imageA);
    const b = results.get(p.imageB);
    if (!a || !b) {
      missing++;
      continue;
    }
    scored.push({
      index: p.index,
      fold: p.fold,
      same: p.same,
      distance: euclidean(a.vector, b.vector),
      imageA: p.imageA,
      imageB: p.imageB,
      fallback: a.fallback || b.fallback,
    });
  }
  return { scored, missing };
}

export function buildReport(options: {
  name: string;
  pipeline: string;
  modelId: string;
  scored: readonly ScoredLfwPair[];
  results: ReadonlyMap<string, ImageResult>;
  targetFalseMatchRate: number;
  handling: string;
  timing: PipelineReport['timing'];
}): PipelineReport {
  const { scored, results } = options;
  const metrics = verificationMetrics(scored, { targetFalseMatchRate: options.targetFalseMatchRate });
  const images = new Set(scored.flatMap((p) => [p.imageA, p.imageB]));
  const failed = [...images].filter((i) => results.get(i)?.fallback);
  // Accuracy on pairs without a fallback image, each judged at its own fold's threshold.
  const thresholdOf = new Map(metrics.tenFold.folds.map((f) => [f.fold, f.threshold]));
  const clean = scored.filter((p) => !p.fallback);
  let correct = 0;
  for (const p of clean) if (p.distance <= thresholdOf.get(p.fold)! === p.same) correct++;
  return {
    name: options.name,
    pipeline: options.pipeline,
    modelId: options.modelId,
    metrics,
    roc: rocCurve(scored),
    images: images.size,
    failures: {
      images: failed.length,
      imageList: failed.sort(),
      pairs: scored.length - clean.length,
      accuracyWithoutFallbackPairs: clean.length ? correct / clean.length : null,
      handling: options.handling,
    },
    timing: options.timing,
  };
}

/** Pairs misclassified at their fold's threshold, worst first (for the JSON report). */
export function errors(report: PipelineReport, scored: readonly ScoredLfwPair[], max = 50) {
  const thresholdOf = new Map(report.metrics.tenFold.folds.map((f) => [f.fold, f.threshold]));
  return scored
    .filter((p) => p.distance <= thresholdOf.get(p.fold)! !== p.same)
    .map((p) => ({ ...p, margin: Math.abs(p.distance - thresholdOf.get(p.fold)!) }))
    .sort((a, b) => b.margin - a.margin)
    .slice(0, max)
    .map((p) => ({
      index: p.index,
      fold: p.fold,
      same: p.same,
      distance: round(p.distance),
      imageA: p.imageA,
      imageB: p.imageB,
      fallback: p.fallback,
    }));
}

export const round = (v: number, digits = 5) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Every number in a JSON-bound value rounded to 6 digits, for reports that stay readable in a diff. */
export function roundDeep<T>(value: T): T {
  if (typeof value === 'number') return round(value, 6) as T;
  if (Array.isArray(value)) return value.map(roundDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v)])) as T;
  }
  return value;
}
