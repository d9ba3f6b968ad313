import { describe, expect, it } from 'vitest';
import {
  CALIBRATION,
  CALIBRATIONS,
  calibrationFor,
  errorRatesAt,
  parseCalibration,
  type Calibration,
} from '../../src/calibration/calibration';
import { calibrationPath } from '../../tools/lfw/calibration-file';
import { describeThreshold, formatRate } from '../../src/app/logic/threshold-text';
import { APP_MODEL } from '../../src/app/model-info';
import { PIPELINES } from '../../src/app/engine-facade';

const measured: Calibration = parseCalibration({
  modelId: 'm',
  source: 'lfw-eval',
  threshold: 0.5,
  targetFalseMatchRate: 0.001,
  falseNonMatchRate: 0.05,
  roc: [
    { threshold: 0.6, falseMatchRate: 0.02, falseNonMatchRate: 0.01 },
    { threshold: 0.4, falseMatchRate: 0.0, falseNonMatchRate: 0.2 },
    { threshold: 0.5, falseMatchRate: 0.001, falseNonMatchRate: 0.05 },
  ],
  pipeline: 'as-centre-refine-chip-flip',
  pairs: 6000,
  generated: '2026-11-28T00:00:00Z',
});

describe('the committed calibration file', () => {
  it('is valid and holds a usable threshold for the app model', () => {
    expect(CALIBRATION.modelId).toBe(APP_MODEL.modelId);
    expect(CALIBRATION.threshold).toBeGreaterThan(0);
    expect(['dlib-default', 'lfw-eval']).toContain(CALIBRATION.source);
    if (CALIBRATION.source === 'lfw-eval') expect(CALIBRATION.roc.length).toBeGreaterThan(1);
  });

  it('was measured on the pipeline the app runs', () => {
    if (CALIBRATION.source === 'lfw-eval') expect(CALIBRATION.pipeline).toBe(PIPELINES.gpu.id);
    else expect(CALIBRATION.pipeline).toBeNull();
  });
});

describe('a calibration per pipeline', () => {
  it('ships one file for each of the app pipelines, each for the app model', () => {
    expect(CALIBRATIONS.map((c) => c.pipeline)).toEqual([PIPELINES.gpu.id, PIPELINES.software.id]);
    for (const calibration of CALIBRATIONS) {
      expect(calibration.modelId).toBe(APP_MODEL.modelId);
      expect(calibration.source).toBe('lfw-eval');
      expect(calibration.pairs).toBe(6000);
    }
  });

  it('calibrationFor finds the one measured on a pipeline', () => {
    expect(calibrationFor(PIPELINES.software.id)).toBe(CALIBRATIONS[1]);
    expect(calibrationFor(PIPELINES.gpu.id)).toBe(CALIBRATION);
  });

  it('calibrationPath names the file each pipeline reads', () => {
    expect(calibrationPath(PIPELINES.gpu.id)).toBe('src/calibration/lfw-calibration.json');
    expect(calibrationPath(PIPELINES.software.id)).toBe('src/calibration/lfw-calibration-software.json');
    expect(() => calibrationPath('ms-centre-chip')).toThrow(/not a pipeline the app runs/);
  });
});

describe('parseCalibration', () => {
  it('sorts the ROC by threshold', () => {
    expect(measured.roc.map((p) => p.threshold)).toEqual([0.4, 0.5, 0.6]);
  });

  it.each([
    ['no model id', { modelId: '' }],
    ['an unknown source', { source: 'guess' }],
    ['a negative threshold', { threshold: -1 }],
    ['a rate above 1', { targetFalseMatchRate: 2 }],
    ['a bad ROC point', { roc: [{ threshold: 0.5, falseMatchRate: 'x', falseNonMatchRate: 0 }] }],
    ['a measurement without its pipeline', { source: 'lfw-eval', pairs: 600 }],
    ['a fractional pair count', { pairs: 1.5 }],
  ])('rejects %s', (_, change) => {
    const base = {
      modelId: 'm',
      source: 'dlib-default',
      threshold: 0.6,
      targetFalseMatchRate: null,
      falseNonMatchRate: null,
      roc: [],
      generated: 'x',
    };
    expect(() => parseCalibration({ ...base, ...change })).toThrow(/Invalid calibration/);
  });
});

describe('errorRatesAt', () => {
  it('is null without a ROC', () => {
    expect(errorRatesAt({ ...measured, roc: [] }, 0.5)).toBeNull();
  });

  it('reads a measured point exactly and interpolates between points', () => {
    const exact = errorRatesAt(measured, 0.5)!;
    expect(exact.falseMatchRate).toBeCloseTo(0.001, 12);
    expect(exact.falseNonMatchRate).toBeCloseTo(0.05, 12);
    expect(exact.extrapolated).toBe(false);
    const between = errorRatesAt(measured, 0.55)!;
    expect(between.falseMatchRate).toBeCloseTo(0.0105, 9);
    expect(between.falseNonMatchRate).toBeCloseTo(0.03, 9);
  });

  it('clamps outside the measured range and says so', () => {
    expect(errorRatesAt(measured, 0.9)).toEqual({ falseMatchRate: 0.02, falseNonMatchRate: 0.01, extrapolated: true });
    expect(errorRatesAt(measured, 0.1)).toEqual({ falseMatchRate: 0, falseNonMatchRate: 0.2, extrapolated: true });
  });
});

describe('describing a threshold', () => {
  it('formats rates', () => {
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(0.00123)).toBe('0.12%');
    expect(formatRate(0.0345)).toBe('3.5%');
    expect(formatRate(0.25)).toBe('25%');
  });

  it('gives the false-match rate when measured, and says when it is not', () => {
    expect(describeThreshold(measured, 0.5)).toMatch(/about 0\.10% of pairs of different people/);
    expect(describeThreshold(measured, 0.9)).toMatch(/at the nearest measured threshold, 2\.0% of pairs/);
    expect(describeThreshold(measured, 0.4)).toMatch(
      /none of the measured pairs of different people fall within it .* 20% of pairs of the same person/,
    );
    expect(describeThreshold({ ...measured, roc: [], source: 'dlib-default', threshold: 0.6 }, 0.6)).toMatch(
      /dlib default/,
    );
  });
});
