// What a passed liveness challenge means for a decision. The challenge brackets the movements with two
// frontal frames; the neutral one (before the movements) is compared with the enrolled people, and the
// final one (after them) must be the same face, or someone else finished the check.
import type { LivenessFailure } from '../../liveness';
import type { Outcome } from './decision';
import { euclideanDistance } from './vector';

/** How the liveness check ended for one decision. */
export type LivenessOutcome =
  | { status: 'off' }
  | { status: 'passed'; finalDistance: number }
  | { status: 'failed'; failure: LivenessFailure | 'different-person' };

/** The challenge's neutral and final descriptors. */
export interface ChallengeDescriptors {
  neutral: Float32Array;
  final: Float32Array;
}

/** Whether the final frame shows the neutral frame's person: their distance within the threshold. */
export function sameFaceThroughout(descriptors: ChallengeDescriptors, threshold: number): LivenessOutcome {
  const finalDistance = euclideanDistance(descriptors.neutral, descriptors.final);
  return finalDistance <= threshold
    ? { status: 'passed', finalDistance }
    : { status: 'failed', failure: 'different-person' };
}

/** A decision stands only when liveness passed (or was turned off) and the face matched. */
export function combinedOutcome(match: Outcome, liveness: LivenessOutcome): Outcome {
  return match === 'match' && liveness.status !== 'failed' ? 'match' : 'no-match';
}
