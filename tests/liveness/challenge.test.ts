import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawChallenge, secureRandomIndex, type ChallengeAction } from '../../src/liveness/challenge';

afterEach(() => vi.restoreAllMocks());

describe('drawChallenge', () => {
  it('asks both turns and one of look-up / open-mouth, three actions, no repeats', () => {
    for (let t = 0; t < 200; t++) {
      const actions = drawChallenge();
      expect(actions).toHaveLength(3);
      expect(new Set(actions).size).toBe(3);
      expect(actions).toContain('turn-left');
      expect(actions).toContain('turn-right');
      expect(actions.filter((a) => a === 'look-up' || a === 'open-mouth')).toHaveLength(1);
    }
  });

  it('reaches all 12 challenges, and the injected source decides them', () => {
    const seen = new Set<string>();
    // Enumerate every answer the random source can give (extra choice, then Fisher-Yates' j at i = 2, 1).
    for (let extra = 0; extra < 2; extra++)
      for (let j2 = 0; j2 < 3; j2++)
        for (let j1 = 0; j1 < 2; j1++) {
          const answers = [extra, j2, j1];
          seen.add(drawChallenge(() => answers.shift()!).join(','));
        }
    expect(seen.size).toBe(12);
  });

  it('draws from crypto.getRandomValues by default', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues');
    drawChallenge();
    expect(spy).toHaveBeenCalled();
  });

  it('the default order is spread over the 6 orders of the turns and the extra (chi-square, 3000 draws)', () => {
    const counts = new Map<string, number>();
    for (let t = 0; t < 3000; t++) {
      const key = drawChallenge()
        .map((a: ChallengeAction) => (a === 'turn-left' ? 'L' : a === 'turn-right' ? 'R' : 'X'))
        .join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    let chi = 0;
    for (const n of counts.values()) chi += (n - 500) ** 2 / 500;
    // 5 degrees of freedom: P(chi² > 20.5) ≈ 0.001.
    expect(chi).toBeLessThan(20.5);
  });
});

describe('secureRandomIndex', () => {
  it('stays in range and rejects bad bounds with a clear error', () => {
    for (let t = 0; t < 100; t++) {
      const v = secureRandomIndex(3);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(3);
    }
    expect(() => secureRandomIndex(0)).toThrow(/integer in 1\.\.2\^32/);
  });
});
