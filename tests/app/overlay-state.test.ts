import { describe, expect, it } from 'vitest';
import { overlayState } from '../../src/app/logic/overlay-state';

describe('overlayState', () => {
  it('follows the faces, the gates and the verdict', () => {
    expect(overlayState(0, false, null)).toBe('searching');
    expect(overlayState(2, true, 'match')).toBe('several');
    expect(overlayState(1, false, 'match')).toBe('adjust');
    expect(overlayState(1, true, null)).toBe('checking');
    expect(overlayState(1, true, 'match')).toBe('match');
  });

  it('a passing face on a no-match frame is never drawn as a match', () => {
    expect(overlayState(1, true, 'no-match')).toBe('no-match');
  });
});
