import { describe, expect, it } from 'vitest';
import { estimateSecondsLeft, formatElapsed, formatTimeLeft } from '../../src/app/logic/time-left';

describe('estimateSecondsLeft', () => {
  it('extrapolates the rate so far: 2 of 5 samples in 8 s leaves 12 s', () => {
    expect(estimateSecondsLeft(8000, 2, 5)).toBeCloseTo(12, 9);
  });

  it('says nothing before the first unit, once finished, or within the first second', () => {
    expect(estimateSecondsLeft(8000, 0, 5)).toBeNull();
    expect(estimateSecondsLeft(8000, 5, 5)).toBeNull();
    expect(estimateSecondsLeft(999, 1, 5)).toBeNull();
    expect(estimateSecondsLeft(8000, Number.NaN, 5)).toBeNull();
  });
});

describe('formatTimeLeft / formatElapsed', () => {
  it('rounds time left up, and switches to minutes past 90 s', () => {
    expect(formatTimeLeft(0.2)).toBe('about 1 s left');
    expect(formatTimeLeft(11.1)).toBe('about 12 s left');
    expect(formatTimeLeft(89)).toBe('about 89 s left');
    expect(formatTimeLeft(91)).toBe('about 2 min left');
  });

  it('shows elapsed time in whole seconds, then minutes and seconds', () => {
    expect(formatElapsed(8999)).toBe('8 s');
    expect(formatElapsed(65_000)).toBe('1 min 5 s');
  });
});
