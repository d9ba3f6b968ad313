// Runs one challenge through the app's LivenessCheck: a presenter decides, tick by tick, what the
// camera sees (landmarks of a photo, a rendered print, or no face), as a person or an attacker would.
import { boxFromLandmarks } from '../../src/engine/landmark-box';
import type { ChallengeAction } from '../../src/liveness/challenge';
import { LivenessCheck, type LivenessProgress } from '../../src/liveness/liveness-check';

/** What the check is asking now: the step a person (or an adaptive attacker) answers. */
export interface Asked {
  status: LivenessProgress['status'];
  current: number;
  /** Ticks since this step began. */
  tickInStep: number;
  /** Ticks since the check began. */
  tick: number;
}

export type Presenter = (asked: Asked) => Promise<Float32Array | null>;

export interface SimulationResult {
  progress: LivenessProgress;
  /** Parallax measure of each completed turn. */
  turnParallax: number[];
  /** Simulated seconds. */
  seconds: number;
}

/** Long enough for every step to time out (5 steps × the default 7 s). */
const MAX_SECONDS = 40;

export async function simulate(
  actions: readonly ChallengeAction[],
  present: Presenter,
  frameMs: number,
): Promise<SimulationResult> {
  const check = new LivenessCheck(actions);
  let asked: Asked = { status: 'neutral', current: 0, tickInStep: 0, tick: 0 };
  for (let tick = 0; tick * frameMs <= MAX_SECONDS * 1000; tick++) {
    const timeMs = tick * frameMs;
    const landmarks = await present({ ...asked, tick });
    const progress = landmarks
      ? check.observe({ timeMs, landmarks, box: boxFromLandmarks(landmarks) })
      : check.observeNoFace(timeMs);
    if (progress.status === 'passed' || progress.status === 'failed') {
      return { progress, turnParallax: [...check.turnParallax], seconds: timeMs / 1000 };
    }
    const sameStep = progress.status === asked.status && progress.current === asked.current;
    asked = {
      status: progress.status,
      current: progress.current,
      tickInStep: sameStep ? asked.tickInStep + 1 : 0,
      tick,
    };
  }
  throw new Error('simulate: the check neither passed nor failed in time (a LivenessCheck bug)');
}

/** Mulberry32: a small seeded generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
