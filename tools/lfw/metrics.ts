// Verification metrics by the LFW protocol, on distances (smaller = more alike; a pair is declared
// "same" when its distance is at or below the threshold). Pure functions, no I/O.
//
// - 10-fold accuracy: for each fold the threshold that maximises accuracy on the other folds is
//   applied to it; mean ± standard error (sample standard deviation over folds / sqrt(folds)), as the
//   LFW README defines it.
// - ROC over all pairs: false-match rate (FMR = FAR, share of different-person pairs at or below the
//   threshold) against true-accept rate (TAR, share of same-person pairs at or below it).
// - AUC: the Mann–Whitney statistic P(d_same < d_diff) + ½ P(d_same = d_diff), which equals the area
//   under the step ROC with ties joined by straight lines.
// - EER: where FMR and the false-non-match rate (FNMR = 1 − TAR) cross, linearly interpolated between
//   the two neighbouring ROC points.
// - TAR@FAR: the highest TAR over thresholds whose FMR does not exceed the target (no interpolation).

export interface ScoredPair {
  fold: number;
  same: boolean;
  distance: number;
}

export interface RocPoint {
  threshold: number;
  falseMatchRate: number;
  falseNonMatchRate: number;
}

export interface FoldResult {
  fold: number;
  threshold: number;
  accuracy: number;
  pairs: number;
}

export interface TenFoldResult {
  folds: FoldResult[];
  meanAccuracy: number;
  standardError: number;
}

export interface OperatingPoint {
  targetFalseMatchRate: number;
  threshold: number;
  falseMatchRate: number;
  falseNonMatchRate: number;
  /** True accepts at this threshold (1 − FNMR). */
  trueAcceptRate: number;
}

export interface VerificationMetrics {
  pairs: number;
  samePairs: number;
  differentPairs: number;
  tenFold: TenFoldResult;
  auc: number;
  eer: number;
  eerThreshold: number;
  tarAtFar: { far: number; tar: number; threshold: number }[];
  /** Best single threshold over all pairs (accuracy-maximising), for reference. */
  overallBestThreshold: number;
  overallBestAccuracy: number;
  operatingPoint: OperatingPoint;
}

function counts(pairs: readonly ScoredPair[]): { same: number; different: number } {
  let same = 0;
  for (const p of pairs) if (p.same) same++;
  return { same, different: pairs.length - same };
}

/** Share of pairs classified correctly with "same iff distance <= threshold". */
export function accuracyAt(pairs: readonly ScoredPair[], threshold: number): number {
  if (pairs.length === 0) return Number.NaN;
  let correct = 0;
  for (const p of pairs) if (p.distance <= threshold === p.same) correct++;
  return correct / pairs.length;
}

/**
 * The threshold that maximises accuracy on `pairs`. Candidates are the midpoints between consecutive
 * distinct distances (plus one below the smallest and one above the largest); among equally good
 * candidates the middle one is taken, so that a wide gap does not pull the threshold to one side.
 */
export function bestThreshold(pairs: readonly ScoredPair[]): { threshold: number; accuracy: number } {
  if (pairs.length === 0) throw new Error('bestThreshold: no pairs');
  const sorted = [...pairs].sort((a, b) => a.distance - b.distance);
  const { different } = counts(sorted);
  // Threshold below everything: every pair declared different → correct = number of different pairs.
  let correct = different;
  const first = sorted[0]!.distance;
  const last = sorted[sorted.length - 1]!.distance;
  const candidates: { threshold: number; correct: number }[] = [
    { threshold: first - Math.max(1e-6, Math.abs(first) * 1e-6), correct },
  ];
  let i = 0;
  while (i < sorted.length) {
    const d = sorted[i]!.distance;
    // Move every pair at this distance to "declared same".
    while (i < sorted.length && sorted[i]!.distance === d) {
      correct += sorted[i]!.same ? 1 : -1;
      i++;
    }
    const next = i < sorted.length ? sorted[i]!.distance : last + Math.max(1e-6, Math.abs(last) * 1e-6);
    candidates.push({ threshold: (d + next) / 2, correct });
  }
  let best = -1;
  for (const c of candidates) best = Math.max(best, c.correct);
  const tied = candidates.filter((c) => c.correct === best);
  const chosen = tied[Math.floor((tied.length - 1) / 2)]!;
  return { threshold: chosen.threshold, accuracy: best / sorted.length };
}

/** LFW's 10-fold protocol (any number of folds): threshold from the other folds, accuracy on this one. */
export function tenFoldAccuracy(pairs: readonly ScoredPair[]): TenFoldResult {
  const foldIds = [...new Set(pairs.map((p) => p.fold))].sort((a, b) => a - b);
  if (foldIds.length < 2) throw new Error(`tenFoldAccuracy: need at least 2 folds, got ${foldIds.length}`);
  const folds = foldIds.map((fold) => {
    const test = pairs.filter((p) => p.fold === fold);
    const train = pairs.filter((p) => p.fold !== fold);
    const { threshold } = bestThreshold(train);
    return { fold, threshold, accuracy: accuracyAt(test, threshold), pairs: test.length };
  });
  const n = folds.length;
  const mean = folds.reduce((s, f) => s + f.accuracy, 0) / n;
  const variance = folds.reduce((s, f) => s + (f.accuracy - mean) ** 2, 0) / (n - 1);
  return { folds, meanAccuracy: mean, standardError: Math.sqrt(variance) / Math.sqrt(n) };
}

/**
 * The full ROC: one point per distinct distance (threshold = that distance, so the pairs at it count as
 * matches), preceded by a point below every distance (FMR 0, FNMR 1). Sorted by threshold, ascending.
 */
export function rocCurve(pairs: readonly ScoredPair[]): RocPoint[] {
  const { same, different } = counts(pairs);
  if (same === 0 || different === 0) throw new Error('rocCurve: need both same and different pairs');
  const sorted = [...pairs].sort((a, b) => a.distance - b.distance);
  const points: RocPoint[] = [{ threshold: sorted[0]!.distance - 1e-6, falseMatchRate: 0, falseNonMatchRate: 1 }];
  let acceptedSame = 0;
  let acceptedDifferent = 0;
  let i = 0;
  while (i < sorted.length) {
    const d = sorted[i]!.distance;
    while (i < sorted.length && sorted[i]!.distance === d) {
      if (sorted[i]!.same) acceptedSame++;
      else acceptedDifferent++;
      i++;
    }
    points.push({
      threshold: d,
      falseMatchRate: acceptedDifferent / different,
      falseNonMatchRate: 1 - acceptedSame / same,
    });
  }
  return points;
}

/** Error rates at an arbitrary threshold, computed exactly from the pairs. */
export function ratesAt(pairs: readonly ScoredPair[], threshold: number): RocPoint {
  const { same, different } = counts(pairs);
  let acceptedSame = 0;
  let acceptedDifferent = 0;
  for (const p of pairs) {
    if (p.distance <= threshold) {
      if (p.same) acceptedSame++;
      else acceptedDifferent++;
    }
  }
  return { threshold, falseMatchRate: acceptedDifferent / different, falseNonMatchRate: 1 - acceptedSame / same };
}

/** Mann–Whitney AUC: P(same-pair distance < different-pair distance), ties counted half. */
export function rocAuc(pairs: readonly ScoredPair[]): number {
  const { same, different } = counts(pairs);
  if (same === 0 || different === 0) throw new Error('rocAuc: need both same and different pairs');
  const sorted = [...pairs].sort((a, b) => a.distance - b.distance);
  // For each different pair, count same pairs strictly closer plus half of the tied ones.
  let wins = 0;
  let sameBelow = 0;
  let i = 0;
  while (i < sorted.length) {
    const d = sorted[i]!.distance;
    let sameHere = 0;
    let differentHere = 0;
    while (i < sorted.length && sorted[i]!.distance === d) {
      if (sorted[i]!.same) sameHere++;
      else differentHere++;
      i++;
    }
    wins += differentHere * (sameBelow + sameHere / 2);
    sameBelow += sameHere;
  }
  return wins / (same * different);
}

/** Equal error rate: where FMR and FNMR cross on the ROC, interpolated linearly between two points. */
export function equalErrorRate(roc: readonly RocPoint[]): { eer: number; threshold: number } {
  // FMR − FNMR rises from −1 (first point) to +1 (last point); find where it crosses 0.
  for (let k = 1; k < roc.length; k++) {
    const a = roc[k - 1]!;
    const b = roc[k]!;
    const ga = a.falseMatchRate - a.falseNonMatchRate;
    const gb = b.falseMatchRate - b.falseNonMatchRate;
    if (gb >= 0 && ga < 0) {
      const t = ga / (ga - gb);
      return {
        eer: a.falseMatchRate + t * (b.falseMatchRate - a.falseMatchRate),
        threshold: a.threshold + t * (b.threshold - a.threshold),
      };
    }
  }
  throw new Error('equalErrorRate: ROC does not cross');
}

/** Highest true-accept rate with FMR ≤ far, and the threshold that gives it. */
export function tarAtFar(roc: readonly RocPoint[], far: number): { far: number; tar: number; threshold: number } {
  let best = { far, tar: 0, threshold: roc[0]!.threshold };
  for (const p of roc) {
    if (p.falseMatchRate <= far + 1e-12 && 1 - p.falseNonMatchRate > best.tar) {
      best = { far, tar: 1 - p.falseNonMatchRate, threshold: p.threshold };
    }
  }
  return best;
}

/**
 * The app's single operating threshold: the largest threshold whose FMR over all pairs does not exceed
 * the target. With k = floor(target × different pairs) false matches allowed, it lies halfway between
 * the (k+1)-th smallest different-pair distance (excluded) and the largest distance of any pair below
 * it (included).
 */
export function operatingPoint(pairs: readonly ScoredPair[], targetFalseMatchRate: number): OperatingPoint {
  const diff = pairs
    .filter((p) => !p.same)
    .map((p) => p.distance)
    .sort((a, b) => a - b);
  if (diff.length === 0) throw new Error('operatingPoint: no different pairs');
  const k = Math.floor(targetFalseMatchRate * diff.length + 1e-9);
  let threshold: number;
  if (k >= diff.length) {
    threshold = Math.max(...pairs.map((p) => p.distance));
  } else {
    const excluded = diff[k]!;
    let below = Number.NEGATIVE_INFINITY;
    for (const p of pairs) if (p.distance < excluded && p.distance > below) below = p.distance;
    threshold = Number.isFinite(below) ? (below + excluded) / 2 : excluded - 1e-6;
  }
  const rates = ratesAt(pairs, threshold);
  return {
    targetFalseMatchRate,
    threshold,
    falseMatchRate: rates.falseMatchRate,
    falseNonMatchRate: rates.falseNonMatchRate,
    trueAcceptRate: 1 - rates.falseNonMatchRate,
  };
}

/** Evenly spread ROC points for storage (the app interpolates between them by threshold). */
export function subsampleRoc(
  pairs: readonly ScoredPair[],
  maxPoints: number,
  extraThresholds: readonly number[] = [],
): RocPoint[] {
  const distances = pairs.map((p) => p.distance);
  const lo = Math.min(...distances);
  const hi = Math.max(...distances);
  const steps = Math.max(2, maxPoints - extraThresholds.length);
  const thresholds = new Set<number>(extraThresholds);
  for (let i = 0; i < steps; i++) thresholds.add(lo + ((hi - lo) * i) / (steps - 1));
  return [...thresholds].sort((a, b) => a - b).map((t) => ratesAt(pairs, t));
}

export function verificationMetrics(
  pairs: readonly ScoredPair[],
  options: { targetFalseMatchRate?: number; fars?: readonly number[] } = {},
): VerificationMetrics {
  const { same, different } = counts(pairs);
  const roc = rocCurve(pairs);
  const eer = equalErrorRate(roc);
  const overall = bestThreshold(pairs);
  return {
    pairs: pairs.length,
    samePairs: same,
    differentPairs: different,
    tenFold: tenFoldAccuracy(pairs),
    auc: rocAuc(pairs),
    eer: eer.eer,
    eerThreshold: eer.threshold,
    tarAtFar: (options.fars ?? [1e-2, 1e-3]).map((far) => tarAtFar(roc, far)),
    overallBestThreshold: overall.threshold,
    overallBestAccuracy: overall.accuracy,
    operatingPoint: operatingPoint(pairs, options.targetFalseMatchRate ?? 1e-3),
  };
}
