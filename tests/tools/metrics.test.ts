// LFW metrics on synthetic distances with answers worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  accuracyAt,
  bestThreshold,
  equalErrorRate,
  operatingPoint,
  rocAuc,
  rocCurve,
  subsampleRoc,
  tarAtFar,
  tenFoldAccuracy,
  verificationMetrics,
  type ScoredPair,
} from '../../tools/lfw/metrics';
import { seededRandom } from '../helpers/random';

const pairs = (fold: number, same: number[], different: number[]): ScoredPair[] => [
  ...same.map((distance) => ({ fold, same: true, distance })),
  ...different.map((distance) => ({ fold, same: false, distance })),
];

describe('perfect separation', () => {
  // 10 folds; same-person distances in [0.2, 0.5), different-person in [0.7, 1.0).
  const random = seededRandom(7);
  const all: ScoredPair[] = [];
  for (let fold = 1; fold <= 10; fold++) {
    for (let i = 0; i < 30; i++) {
      all.push({ fold, same: true, distance: 0.2 + 0.3 * random() });
      all.push({ fold, same: false, distance: 0.7 + 0.3 * random() });
    }
  }
  const m = verificationMetrics(all);

  it('gives AUC 1, 100% accuracy in every fold, EER 0, TAR 1 at any FAR', () => {
    expect(m.auc).toBe(1);
    expect(m.tenFold.meanAccuracy).toBe(1);
    expect(m.tenFold.standardError).toBe(0);
    for (const f of m.tenFold.folds) {
      expect(f.accuracy).toBe(1);
      expect(f.threshold).toBeGreaterThan(0.5);
      expect(f.threshold).toBeLessThan(0.7);
    }
    expect(m.eer).toBe(0);
    expect(m.tarAtFar.map((t) => t.tar)).toEqual([1, 1]);
    expect(m.operatingPoint.falseMatchRate).toBe(0);
    expect(m.operatingPoint.falseNonMatchRate).toBe(0);
  });
});

describe('a small case worked by hand', () => {
  // Sorted: 0.1 S, 0.2 S, 0.3 D, 0.4 S, 0.5 S, 0.6 D, 0.7 D, 0.8 D
  const p = pairs(1, [0.1, 0.2, 0.4, 0.5], [0.3, 0.6, 0.7, 0.8]);
  const roc = rocCurve(p);

  it('ROC points: FMR and FNMR at each distance', () => {
    expect(roc.slice(1).map((r) => [r.threshold, r.falseMatchRate, r.falseNonMatchRate])).toEqual([
      [0.1, 0, 0.75],
      [0.2, 0, 0.5],
      [0.3, 0.25, 0.5],
      [0.4, 0.25, 0.25],
      [0.5, 0.25, 0],
      [0.6, 0.5, 0],
      [0.7, 0.75, 0],
      [0.8, 1, 0],
    ]);
    expect(roc[0]).toMatchObject({ falseMatchRate: 0, falseNonMatchRate: 1 });
  });

  it('AUC = 14/16 (0.3 beats two same pairs, the others beat all four)', () => {
    expect(rocAuc(p)).toBeCloseTo(14 / 16, 12);
  });

  it('EER = 0.25 at threshold 0.4 (FMR = FNMR there)', () => {
    const eer = equalErrorRate(roc);
    expect(eer.eer).toBeCloseTo(0.25, 12);
    expect(eer.threshold).toBeCloseTo(0.4, 12);
  });

  it('EER interpolates between two points where the rates cross', () => {
    // FMR−FNMR goes from −0.5 to +0.5 between thresholds 1 and 2: crossing halfway.
    const eer = equalErrorRate([
      { threshold: 0, falseMatchRate: 0, falseNonMatchRate: 1 },
      { threshold: 1, falseMatchRate: 0.1, falseNonMatchRate: 0.6 },
      { threshold: 2, falseMatchRate: 0.5, falseNonMatchRate: 0 },
    ]);
    expect(eer.threshold).toBeCloseTo(1.5, 12);
    expect(eer.eer).toBeCloseTo(0.3, 12);
  });

  it('TAR@FAR: 0.5 at FAR 0, 1.0 at FAR 0.25', () => {
    expect(tarAtFar(roc, 0)).toMatchObject({ tar: 0.5, threshold: 0.2 });
    expect(tarAtFar(roc, 0.25)).toMatchObject({ tar: 1, threshold: 0.5 });
    expect(tarAtFar(roc, 0.2).tar).toBe(0.5);
  });

  it('best threshold: 7/8 between 0.5 and 0.6', () => {
    const best = bestThreshold(p);
    expect(best.accuracy).toBe(7 / 8);
    expect(best.threshold).toBeCloseTo(0.55, 12);
    expect(accuracyAt(p, 0.25)).toBe(6 / 8);
  });

  it('operating point: largest threshold with FMR ≤ target', () => {
    // k = 1 false match allowed: exclude the second different pair (0.6), include 0.5.
    expect(operatingPoint(p, 0.25)).toMatchObject({ falseMatchRate: 0.25, falseNonMatchRate: 0 });
    expect(operatingPoint(p, 0.25).threshold).toBeCloseTo(0.55, 12);
    // k = 0: exclude 0.3, include 0.2.
    const strict = operatingPoint(p, 0.1);
    expect(strict.threshold).toBeCloseTo(0.25, 12);
    expect(strict).toMatchObject({ falseMatchRate: 0, falseNonMatchRate: 0.5, trueAcceptRate: 0.5 });
  });

  it('ties count half in the AUC', () => {
    expect(rocAuc(pairs(1, [0.5], [0.5]))).toBe(0.5);
    expect(rocAuc(pairs(1, [0.4, 0.5], [0.5, 0.6]))).toBeCloseTo((1 + 1 + 0.5 + 1) / 4, 12);
  });
});

describe('fold threshold selection', () => {
  // Each fold is separable on its own, with the gap in a different place.
  const all = [
    ...pairs(1, [0.1, 0.2], [0.5, 0.6]),
    ...pairs(2, [0.3, 0.35], [0.7, 0.8]),
    ...pairs(3, [0.45, 0.4], [0.9, 1.0]),
  ];
  const result = tenFoldAccuracy(all);

  it('chooses each fold’s threshold on the other folds only', () => {
    // Fold 1 ← folds 2+3: gap (0.45, 0.7) → 0.575, which accepts fold 1's 0.5 different pair.
    // Fold 2 ← folds 1+3: gap (0.45, 0.5) → 0.475. Fold 3 ← folds 1+2: gap (0.35, 0.5) → 0.425.
    expect(result.folds.map((f) => f.threshold)).toEqual([
      expect.closeTo(0.575, 12),
      expect.closeTo(0.475, 12),
      expect.closeTo(0.425, 12),
    ]);
    expect(result.folds.map((f) => f.accuracy)).toEqual([0.75, 1, 0.75]);
  });

  it('mean ± standard error (sample SD / sqrt(n))', () => {
    expect(result.meanAccuracy).toBeCloseTo(2.5 / 3, 12);
    const sd = Math.sqrt((2 * (0.75 - 2.5 / 3) ** 2 + (1 - 2.5 / 3) ** 2) / 2);
    expect(result.standardError).toBeCloseTo(sd / Math.sqrt(3), 12);
    expect(result.standardError).toBeCloseTo(1 / 12, 12);
  });

  it('picks the middle of equally good thresholds', () => {
    // Sorted 0.1 S, 0.3 D, 0.5 D, 0.9 S: only the gap (0.1, 0.3) reaches 3/4.
    expect(bestThreshold(pairs(1, [0.1, 0.9], [0.3, 0.5]))).toEqual({ threshold: 0.2, accuracy: 0.75 });
    // Sorted 0.1 S, 0.3 D, 0.5 S, 0.7 D, 0.9 S, 1.1 D: 0.2, 0.6 and 1.0 all reach 4/6; the middle one wins.
    expect(bestThreshold(pairs(1, [0.1, 0.5, 0.9], [0.3, 0.7, 1.1]))).toEqual({ threshold: 0.6, accuracy: 4 / 6 });
  });
});

describe('ROC subsampling', () => {
  it('keeps at most maxPoints, sorted, with exact rates and the requested thresholds', () => {
    const random = seededRandom(3);
    const all: ScoredPair[] = Array.from({ length: 2000 }, (_, i) => ({
      fold: 1 + (i % 10),
      same: i % 2 === 0,
      distance: (i % 2 === 0 ? 0.3 : 0.6) + 0.3 * random(),
    }));
    const roc = subsampleRoc(all, 200, [0.5123]);
    expect(roc.length).toBeLessThanOrEqual(200);
    expect(roc.length).toBeGreaterThan(150);
    for (let i = 1; i < roc.length; i++) {
      expect(roc[i]!.threshold).toBeGreaterThan(roc[i - 1]!.threshold);
      expect(roc[i]!.falseMatchRate).toBeGreaterThanOrEqual(roc[i - 1]!.falseMatchRate);
      expect(roc[i]!.falseNonMatchRate).toBeLessThanOrEqual(roc[i - 1]!.falseNonMatchRate);
    }
    expect(roc.some((p) => p.threshold === 0.5123)).toBe(true);
    expect(roc[roc.length - 1]).toMatchObject({ falseMatchRate: 1, falseNonMatchRate: 0 });
  });
});
