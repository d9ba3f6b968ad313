import { describe, expect, it } from 'vitest';
import { formatThreshold } from '../../src/app/logic/threshold-text';

describe('formatThreshold', () => {
  it('shows the calibrated threshold in full and slider values with two decimals', () => {
    expect(formatThreshold(0.5495)).toBe('0.5495');
    expect(formatThreshold(0.55)).toBe('0.55');
    expect(formatThreshold(0.6)).toBe('0.60');
    expect(formatThreshold(0.3)).toBe('0.30');
    expect(formatThreshold(1)).toBe('1.00');
  });

  it('stops at 4 decimals', () => {
    expect(formatThreshold(0.549512345)).toBe('0.5495');
    expect(formatThreshold(0.12345)).toMatch(/^0\.123[45]$/);
  });
});
