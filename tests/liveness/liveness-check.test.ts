// The challenge state machine on synthetic landmark sequences (the 3D mean face projected at known poses).
import { describe, expect, it } from 'vitest';
import type { ChallengeAction } from '../../src/liveness/challenge';
import { applyHomography, fitHomography } from '../../src/liveness/homography';
import {
  FACE_LOST_MS,
  LivenessCheck,
  type LivenessProgress,
  type TrackedFrame,
} from '../../src/liveness/liveness-check';
import { frameOf, syntheticFace, type SyntheticPose } from './synthetic';

const FRAME_MS = 100;
const ANSWER: Record<ChallengeAction, SyntheticPose> = {
  'turn-left': { yawDeg: 30 },
  'turn-right': { yawDeg: -30 },
  'look-up': { pitchDeg: 20 },
  'open-mouth': { mouthOpen: true },
};

/** Plays frames from `show` (given what is asked) until the check ends or `seconds` pass. */
function play(
  check: LivenessCheck,
  show: (p: LivenessProgress | null, timeMs: number) => Float32Array | null,
  seconds = 40,
) {
  let progress: LivenessProgress | null = null;
  for (let t = 0; t <= seconds * 1000; t += FRAME_MS) {
    const landmarks = show(progress, t);
    progress = landmarks ? check.observe(frameOf(t, landmarks)) : check.observeNoFace(t);
    if (progress.status === 'passed' || progress.status === 'failed') break;
  }
  return progress!;
}

/** A person who does what is asked. */
const person = (actions: readonly ChallengeAction[]) => (p: LivenessProgress | null) =>
  !p || p.status === 'neutral' || p.status === 'return' ? syntheticFace() : syntheticFace(ANSWER[actions[p.current]!]);

describe('LivenessCheck', () => {
  it.each([
    [['turn-left', 'turn-right', 'look-up']],
    [['open-mouth', 'turn-right', 'turn-left']],
    [['turn-right', 'look-up', 'turn-left']],
  ] as ChallengeAction[][][])(
    'passes a 3D head that answers %j, keeping frontal neutral and final frames',
    (actions) => {
      const check = new LivenessCheck(actions);
      const result = play(check, person(actions));
      expect(result.status).toBe('passed');
      expect(result.failure).toBeUndefined();
      expect(check.neutralFrame).not.toBeNull();
      expect(check.finalFrame).not.toBeNull();
      expect(check.finalFrame!.timeMs).toBeGreaterThan(check.neutralFrame!.timeMs);
      expect(check.turnParallax).toHaveLength(2);
    },
  );

  it('reports the step, hold fraction and time left as it goes', () => {
    const actions: ChallengeAction[] = ['turn-left', 'turn-right', 'look-up'];
    const check = new LivenessCheck(actions, { holdMs: 500, actionTimeoutMs: 5000 });
    let p = check.observe(frameOf(0, syntheticFace()));
    expect(p.status).toBe('neutral');
    expect(p.timeLeftMs).toBe(5000);
    p = check.observe(frameOf(200, syntheticFace()));
    expect(p.holdFraction).toBeCloseTo(0.4, 6);
    p = check.observe(frameOf(500, syntheticFace()));
    expect(p.status).toBe('action');
    expect(p.current).toBe(0);
    p = check.observe(frameOf(800, syntheticFace({ yawDeg: 30 })));
    expect(p.holdFraction).toBe(0);
    expect(p.timeLeftMs).toBe(4700);
    expect(p.pose.yawDeg).toBeGreaterThan(25);
  });

  it('fails a still face with timeout', () => {
    const result = play(new LivenessCheck(['turn-left', 'turn-right', 'look-up']), () => syntheticFace());
    expect(result).toMatchObject({ status: 'failed', failure: 'timeout' });
  });

  it("fails a turn that a plane explains as 'flat' (the neutral landmarks mapped by a homography that fits as a 22° turn)", () => {
    const neutral = syntheticFace();
    // The homography that best carries the neutral face onto a 40° turn; applied to the neutral face
    // it gives landmarks that the pose fit reads as a ~22° turn, with no parallax at all.
    const h = fitHomography(neutral, syntheticFace({ yawDeg: 40 }));
    const flatTurn = new Float32Array(136);
    for (let i = 0; i < 68; i++)
      [flatTurn[2 * i], flatTurn[2 * i + 1]] = applyHomography(h, neutral[2 * i]!, neutral[2 * i + 1]!);
    const check = new LivenessCheck(['turn-left', 'turn-right', 'look-up']);
    const result = play(check, (p) => (p?.status === 'action' ? flatTurn : neutral));
    expect(result).toMatchObject({ status: 'failed', failure: 'flat' });
    expect(check.turnParallax[0]).toBeLessThan(1e-4);
  });

  it("fails a replay in the wrong order with 'wrong-action'", () => {
    const recorded: ChallengeAction[] = ['turn-left', 'turn-right', 'look-up'];
    const check = new LivenessCheck(['turn-right', 'turn-left', 'look-up']);
    const result = play(check, (_, t) => {
      const step = Math.floor(t / 800);
      return step === 0 || step > 3 ? syntheticFace() : syntheticFace(ANSWER[recorded[step - 1]!]);
    });
    expect(result).toMatchObject({ status: 'failed', failure: 'wrong-action' });
  });

  it('counts only the asked action: a pose that also answers another (turned and looking up) neither counts nor fails', () => {
    const check = new LivenessCheck(['turn-left', 'turn-right', 'look-up']);
    const result = play(check, (p) =>
      p?.status === 'action' ? syntheticFace({ yawDeg: 30, pitchDeg: 20 }) : syntheticFace(),
    );
    expect(result).toMatchObject({ status: 'failed', failure: 'timeout', current: 0 });
  });

  it('does not count the action just completed as a wrong one while the head comes back', () => {
    const actions: ChallengeAction[] = ['turn-left', 'turn-right', 'look-up'];
    // A slow person: stays turned left 1.5 s after the check moved on, then answers.
    let movedOnAt: number | null = null;
    const result = play(new LivenessCheck(actions), (p, t) => {
      if (p?.status === 'action' && p.current === 1) {
        movedOnAt ??= t;
        if (t - movedOnAt < 1500) return syntheticFace(ANSWER['turn-left']);
      }
      return person(actions)(p);
    });
    expect(result.status).toBe('passed');
  });

  it("fails with 'track-jump' when the face jumps by more than half its box between frames", () => {
    const check = new LivenessCheck(['turn-left', 'turn-right', 'look-up']);
    check.observe(frameOf(0, syntheticFace()));
    check.observe(frameOf(100, syntheticFace({ x: 340 })));
    expect(check.observe(frameOf(200, syntheticFace({ x: 540 })))).toMatchObject({
      status: 'failed',
      failure: 'track-jump',
    });
    const scaled = new LivenessCheck(['turn-left', 'turn-right', 'look-up']);
    scaled.observe(frameOf(0, syntheticFace()));
    expect(scaled.observe(frameOf(100, syntheticFace({ scale: 2.4 })))).toMatchObject({
      status: 'failed',
      failure: 'track-jump',
    });
  });

  it("fails with 'face-lost' after FACE_LOST_MS without a face, not before", () => {
    const check = new LivenessCheck(['turn-left', 'turn-right', 'look-up']);
    check.observe(frameOf(0, syntheticFace()));
    expect(check.observeNoFace(FACE_LOST_MS - 100).status).toBe('neutral');
    expect(check.observeNoFace(FACE_LOST_MS + 100)).toMatchObject({ status: 'failed', failure: 'face-lost' });
    const gap = new LivenessCheck(['turn-left', 'turn-right', 'look-up']);
    gap.observe(frameOf(0, syntheticFace()));
    expect(gap.observe(frameOf(FACE_LOST_MS + 200, syntheticFace()))).toMatchObject({
      status: 'failed',
      failure: 'face-lost',
    });
  });

  it('does not start with a turned or open-mouthed face as the neutral frame', () => {
    const check = new LivenessCheck(['turn-left', 'turn-right', 'look-up']);
    const frames: TrackedFrame[] = [];
    for (let t = 0; t < 1500; t += FRAME_MS)
      frames.push(frameOf(t, syntheticFace(t < 800 ? { yawDeg: 25 } : { mouthOpen: true })));
    for (const f of frames) expect(check.observe(f).status).toBe('neutral');
    expect(check.neutralFrame).toBeNull();
  });

  it('stays finished once passed or failed', () => {
    const check = new LivenessCheck(['turn-left']);
    const result = play(check, () => syntheticFace(), 10);
    expect(result.status).toBe('failed');
    expect(check.observe(frameOf(60_000, syntheticFace())).status).toBe('failed');
  });
});
