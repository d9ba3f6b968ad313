// How a probe embedding is compared with enrolled people, and when a decision is final.
//
// Comparison: the Euclidean distance from the probe to the MEAN of the person's enrollment samples.
// One comparison per person, however many samples they have, so the false-match rate does not grow as
// samples accumulate (with "minimum distance over samples" an impostor gets one more chance with every
// sample stored). Averaging also removes much of the frame-to-frame noise of single captures. The
// threshold is calibrated on single-image pairs (LFW), so against a mean it is slightly lenient for
// impostors and slightly strict for genuine users; the settings page shows the calibrated rates.
//
// Decision: a verdict must hold for several consecutive frames (3 by default) before it is shown, so
// one odd frame cannot accept or reject anyone.
import { euclideanDistance } from './vector';

/** Consecutive frames that must agree before a decision is shown. */
export const CONSENSUS_FRAMES = 3;

export interface Template {
  personId: string;
  name: string;
  /** Mean of the person's samples for the running model. */
  mean: Float32Array;
}

export type Outcome = 'match' | 'no-match';

/** What one frame says. */
export interface Verdict {
  outcome: Outcome;
  /** The person matched, or for a rejected claim the person claimed, or for 1:N the nearest person. */
  personId: string | null;
  name: string | null;
  distance: number;
}

/** A verdict that held for enough consecutive frames. */
export interface Decision extends Verdict {
  /** Distance per agreeing frame, oldest first; `distance` is their mean. */
  distances: number[];
}

/** 1:1 — is the probe the claimed person? */
export function verifyClaim(probe: Float32Array, claimed: Template, threshold: number): Verdict {
  const distance = euclideanDistance(probe, claimed.mean);
  return {
    outcome: distance <= threshold ? 'match' : 'no-match',
    personId: claimed.personId,
    name: claimed.name,
    distance,
  };
}

/** 1:N — who among the enrolled is the probe? The nearest person, if within the threshold. */
export function identify(probe: Float32Array, templates: readonly Template[], threshold: number): Verdict {
  let best: Template | null = null;
  let bestDistance = Infinity;
  for (const template of templates) {
    const distance = euclideanDistance(probe, template.mean);
    if (distance < bestDistance) {
      best = template;
      bestDistance = distance;
    }
  }
  if (!best) return { outcome: 'no-match', personId: null, name: null, distance: Infinity };
  return {
    outcome: bestDistance <= threshold ? 'match' : 'no-match',
    personId: best.personId,
    name: best.name,
    distance: bestDistance,
  };
}

/**
 * Collects per-frame verdicts and yields a decision once `required` consecutive ones agree: the same
 * person matched, or no match. A frame without a usable face breaks the run (call `reset`).
 */
export class ConsensusTracker {
  private run: Verdict[] = [];

  constructor(readonly required = CONSENSUS_FRAMES) {
    if (!Number.isInteger(required) || required < 1) throw new Error('required must be a positive integer');
  }

  /** Frames agreeing so far. */
  get streak(): number {
    return this.run.length;
  }

  push(verdict: Verdict): Decision | null {
    const last = this.run[this.run.length - 1];
    if (last && !agree(last, verdict)) this.run = [];
    this.run.push(verdict);
    if (this.run.length < this.required) return null;
    const agreeing = this.run.slice(-this.required);
    const distances = agreeing.map((v) => v.distance);
    return { ...verdict, distance: distances.reduce((a, b) => a + b, 0) / distances.length, distances };
  }

  reset(): void {
    this.run = [];
  }
}

/** A match must name the same person; two no-matches agree whoever was nearest. */
function agree(a: Verdict, b: Verdict): boolean {
  if (a.outcome !== b.outcome) return false;
  return a.outcome === 'no-match' || a.personId === b.personId;
}
