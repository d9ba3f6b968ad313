// The random sequence of actions a person is asked to perform.

export type ChallengeAction = 'turn-left' | 'turn-right' | 'look-up' | 'open-mouth';

const EXTRA_ACTIONS: readonly ChallengeAction[] = ['look-up', 'open-mouth'];

/** A uniform integer in [0, n) from the platform's cryptographic generator (rejection sampling, no modulo bias). */
export function secureRandomIndex(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 32)
    throw new RangeError(`secureRandomIndex: n must be an integer in 1..2^32, got ${n}`);
  const limit = Math.floor(2 ** 32 / n) * n;
  const word = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(word);
    if (word[0]! < limit) return word[0]! % n;
  }
}

/**
 * Three actions: turn-left and turn-right (both, so the parallax check sees the head turn each way) and
 * one of look-up / open-mouth, in a random order (all 6 orders × 2 extras = 12 challenges, equally likely).
 * The order comes from crypto.getRandomValues; `random` (an integer in [0, n)) is injectable for tests only.
 */
export function drawChallenge(random: (n: number) => number = secureRandomIndex): ChallengeAction[] {
  const actions: ChallengeAction[] = ['turn-left', 'turn-right', EXTRA_ACTIONS[random(EXTRA_ACTIONS.length)]!];
  // Fisher-Yates.
  for (let i = actions.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [actions[i], actions[j]] = [actions[j]!, actions[i]!];
  }
  return actions;
}
