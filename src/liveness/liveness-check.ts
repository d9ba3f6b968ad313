// The active challenge as a pure state machine over tracked frames: a frontal neutral frame, then each
// asked action held in turn, then a frontal frame again. No engine, no DOM: the app and the offline
// evaluation (tools/eval-liveness.ts) feed it the same frames the same way.
import type { ChallengeAction } from './challenge';
import { estimateHeadPose, type HeadPose } from './head-pose';
import { planarResidual } from './homography';

export interface TrackedFrame {
  timeMs: number;
  /** 68 x,y pairs in frame pixels. */
  landmarks: Float32Array;
  box: { x: number; y: number; width: number; height: number };
}

export type LivenessFailure =
  | 'timeout' // the asked action was not held in time
  | 'flat' // the motion is explained by a plane: a photo or a print
  | 'wrong-action' // a different action than the one asked (e.g. a replayed turn in another order)
  | 'track-jump' // the face jumped between frames (a swapped picture or a cut)
  | 'face-lost'; // no face for too long

export interface LivenessProgress {
  /** 'return': back to frontal at the end. */
  status: 'neutral' | 'action' | 'return' | 'passed' | 'failed';
  actions: readonly ChallengeAction[];
  /** Index into actions of the one being asked (status 'action'). */
  current: number;
  /** 0..1, for the progress ring of the current step. */
  holdFraction: number;
  /** For the current step. */
  timeLeftMs: number;
  failure?: LivenessFailure;
  pose: HeadPose;
}

export interface LivenessOptions {
  /** Time allowed for each step (neutral, every action, the return to frontal). */
  actionTimeoutMs: number;
  /** How long each step's pose must be held without a break. */
  holdMs: number;
}

export const DEFAULT_LIVENESS_OPTIONS: LivenessOptions = { actionTimeoutMs: 7000, holdMs: 500 };

// --- thresholds (poses relative to the neutral frame's, degrees) ---------------------------------
/** Neutral and final frames: head within this yaw of straight ahead. */
export const FRONTAL_MAX_YAW_DEG = 12;
/** ... and within this pitch of the level the mean face fits frontal faces at (PITCH_AT_FRONTAL_DEG). */
export const FRONTAL_MAX_PITCH_DEG = 15;
/**
 * The pitch the fit gives a face looking at the camera: the median over the 1,849 LFW photos of the
 * calibration half (tools/eval-liveness.ts; people with ≥ 8 photos) is −5.7° (5-95%: −19.9° to +9.8°;
 * held-out half −4.5°), the tilt between dlib's mean face, which levels ours, and LFW's photos.
 */
export const PITCH_AT_FRONTAL_DEG = -6;
/** The final frame: back within this yaw/pitch of the neutral frame's pose. */
export const RETURN_MAX_DELTA_DEG = 10;
/** A turn: yaw at least this far from the neutral frame's. */
export const TURN_MIN_YAW_DEG = 18;
/** Look up: pitch at least this far above the neutral frame's. */
export const LOOK_UP_MIN_PITCH_DEG = 10;
/**
 * Open mouth: inner-lip gap over mouth width at least this. On LFW the median is 0.11 (many smile with
 * parted lips), 95% of photos are below 0.30; a mouth opened wide measures 0.4-0.6.
 */
export const MOUTH_OPEN_MIN = 0.3;
/** A neutral frame has a closed or barely parted mouth (75% of LFW photos are below 0.19). */
export const MOUTH_CLOSED_MAX = 0.2;
/** A different action than the asked one held this long is a wrong action. */
export const WRONG_ACTION_HOLD_MS = 300;

// --- parallax ------------------------------------------------------------------------------------
/** The points the parallax measure uses: all but the jaw line (17-67), whose outline slides over the cheek. */
export const PARALLAX_POINTS: readonly number[] = Array.from({ length: 51 }, (_, i) => 17 + i);

/**
 * The parallax measure: planarResidual (homography.ts) from the neutral landmarks to a turn's landmarks,
 * over PARALLAX_POINTS, the median over the frames that hold the turn. A turn whose measure stays below
 * this was explained by a plane: a picture. Chosen on the calibration half of LFW (tools/eval-liveness.ts,
 * results/liveness-2026-11-29.md): the largest measure of 188 print turn steps (tilted and bent prints,
 * 10-45°, real landmark net) was 0.0162; threshold = that × 1.2. Real turns there: 1st percentile 0.0196,
 * 1 of 126 below; held-out half: 1 of 130 real turns below, 1 of 159 print turns above. The margins are
 * narrow and move with the sample (an earlier draw of prints gave 0.0148 × 1.2 = 0.018); the pose fit is
 * the first line (a print reached an asked turn in 3 of 500 print trials). The 68-point measure separated
 * worse (real 5th percentile / attack max 1.06 vs 1.31).
 */
export const FLAT_MAX_RESIDUAL = 0.0195;

// --- track continuity ----------------------------------------------------------------------------
/**
 * Between consecutive frames the box centre moves at most this fraction of the box height. (Height, not
 * width: the width of the box the landmarks imply shrinks as the head turns, the height hardly changes.)
 */
export const TRACK_MAX_SHIFT = 0.5;
/** ... and the box height changes by at most this factor. */
export const TRACK_MAX_SCALE = 1.4;
/** No face for longer than this ends the check. */
export const FACE_LOST_MS = 1500;

/** Did the head perform this action, relative to the neutral pose? */
export function actionHeld(action: ChallengeAction, pose: HeadPose, neutral: HeadPose): boolean {
  switch (action) {
    case 'turn-left':
      return pose.yawDeg - neutral.yawDeg >= TURN_MIN_YAW_DEG;
    case 'turn-right':
      return neutral.yawDeg - pose.yawDeg >= TURN_MIN_YAW_DEG;
    case 'look-up':
      return pose.pitchDeg - neutral.pitchDeg >= LOOK_UP_MIN_PITCH_DEG;
    case 'open-mouth':
      return pose.mouthOpenness >= MOUTH_OPEN_MIN;
  }
}

const ALL_ACTIONS: readonly ChallengeAction[] = ['turn-left', 'turn-right', 'look-up', 'open-mouth'];

export function isFrontal(pose: HeadPose): boolean {
  return (
    Math.abs(pose.yawDeg) <= FRONTAL_MAX_YAW_DEG &&
    Math.abs(pose.pitchDeg - PITCH_AT_FRONTAL_DEG) <= FRONTAL_MAX_PITCH_DEG &&
    pose.mouthOpenness <= MOUTH_CLOSED_MAX
  );
}

const isTurn = (action: ChallengeAction) => action === 'turn-left' || action === 'turn-right';

export class LivenessCheck {
  readonly options: LivenessOptions;
  private neutral: TrackedFrame | null = null;
  private neutralPose: HeadPose | null = null;
  private final: TrackedFrame | null = null;
  private status: LivenessProgress['status'] = 'neutral';
  private current = 0;
  private failure: LivenessFailure | undefined;
  private stepStartMs: number | null = null;
  private holdStartMs: number | null = null;
  private wrongStartMs: number | null = null;
  private previous: TrackedFrame | null = null;
  private lastFaceMs: number | null = null;
  private turnResiduals: number[] = [];
  private lastPose: HeadPose = { yawDeg: 0, pitchDeg: 0, rollDeg: 0, eyeOpenness: 0, mouthOpenness: 0 };
  /** The parallax measure of each completed turn, in order (for the evaluation and diagnostics). */
  readonly turnParallax: number[] = [];

  constructor(
    readonly actions: readonly ChallengeAction[],
    options: Partial<LivenessOptions> = {},
  ) {
    if (actions.length === 0) throw new Error('LivenessCheck: a challenge needs at least one action');
    this.options = { ...DEFAULT_LIVENESS_OPTIONS, ...options };
  }

  /** The frontal frame captured before the first action (its descriptor decides the match). */
  get neutralFrame(): TrackedFrame | null {
    return this.neutral;
  }

  /** The frontal frame captured at the end (must match the same person). */
  get finalFrame(): TrackedFrame | null {
    return this.final;
  }

  /** Feed every tracked frame in order; returns the state after it. */
  observe(frame: TrackedFrame): LivenessProgress {
    if (this.status === 'passed' || this.status === 'failed') return this.progress(frame.timeMs);
    this.stepStartMs ??= frame.timeMs;
    if (this.lastFaceMs !== null && frame.timeMs - this.lastFaceMs > FACE_LOST_MS)
      return this.fail('face-lost', frame.timeMs);
    if (this.previous && jumped(this.previous.box, frame.box)) return this.fail('track-jump', frame.timeMs);
    this.previous = frame;
    this.lastFaceMs = frame.timeMs;
    const pose = estimateHeadPose(frame.landmarks);
    this.lastPose = pose;
    if (frame.timeMs - this.stepStartMs > this.options.actionTimeoutMs) return this.fail('timeout', frame.timeMs);

    if (this.status === 'neutral') {
      if (this.held(isFrontal(pose), frame.timeMs)) {
        this.neutral = frame;
        this.neutralPose = pose;
        this.nextStep('action', frame.timeMs);
      }
      return this.progress(frame.timeMs);
    }
    const neutralPose = this.neutralPose!;
    if (this.status === 'action') {
      const asked = this.actions[this.current]!;
      // The action just completed may still be held while the person moves on: it counts neither way.
      const justDone = this.current > 0 ? this.actions[this.current - 1] : undefined;
      const others = ALL_ACTIONS.filter((a) => a !== asked && a !== justDone && actionHeld(a, pose, neutralPose));
      const askedHeld = actionHeld(asked, pose, neutralPose);
      // Exactly the asked action: a pose that also answers another one (a photo turned and looking up,
      // say) does not count, so a recording in another order cannot answer with its mixed frames.
      const ok = askedHeld && others.length === 0;
      if (this.wrongAction(!askedHeld && others.length > 0, frame.timeMs))
        return this.fail('wrong-action', frame.timeMs);
      if (ok && isTurn(asked))
        this.turnResiduals.push(planarResidual(this.neutral!.landmarks, frame.landmarks, PARALLAX_POINTS));
      if (!ok) this.turnResiduals = [];
      if (this.held(ok, frame.timeMs)) {
        if (isTurn(asked)) {
          const parallax = median(this.turnResiduals);
          this.turnParallax.push(parallax);
          if (parallax < FLAT_MAX_RESIDUAL) return this.fail('flat', frame.timeMs);
        }
        this.turnResiduals = [];
        if (this.current + 1 < this.actions.length) {
          this.current++;
          this.nextStep('action', frame.timeMs);
        } else {
          this.nextStep('return', frame.timeMs);
        }
      }
      return this.progress(frame.timeMs);
    }
    // 'return'
    const back =
      isFrontal(pose) &&
      Math.abs(pose.yawDeg - neutralPose.yawDeg) <= RETURN_MAX_DELTA_DEG &&
      Math.abs(pose.pitchDeg - neutralPose.pitchDeg) <= RETURN_MAX_DELTA_DEG;
    if (this.held(back, frame.timeMs)) {
      this.final = frame;
      this.status = 'passed';
    }
    return this.progress(frame.timeMs);
  }

  /** Tell the check a frame had no face; after FACE_LOST_MS without one it fails with 'face-lost'. */
  observeNoFace(timeMs: number): LivenessProgress {
    if (this.status === 'passed' || this.status === 'failed') return this.progress(timeMs);
    this.stepStartMs ??= timeMs;
    this.lastFaceMs ??= timeMs;
    this.holdStartMs = null;
    if (timeMs - this.lastFaceMs > FACE_LOST_MS) return this.fail('face-lost', timeMs);
    if (timeMs - this.stepStartMs > this.options.actionTimeoutMs) return this.fail('timeout', timeMs);
    return this.progress(timeMs);
  }

  /** Another action than the asked one, held for WRONG_ACTION_HOLD_MS. */
  private wrongAction(other: boolean, timeMs: number): boolean {
    if (!other) {
      this.wrongStartMs = null;
      return false;
    }
    this.wrongStartMs ??= timeMs;
    return timeMs - this.wrongStartMs >= WRONG_ACTION_HOLD_MS;
  }

  private held(condition: boolean, timeMs: number): boolean {
    if (!condition) {
      this.holdStartMs = null;
      return false;
    }
    this.holdStartMs ??= timeMs;
    return timeMs - this.holdStartMs >= this.options.holdMs;
  }

  private nextStep(status: LivenessProgress['status'], timeMs: number): void {
    this.status = status;
    this.stepStartMs = timeMs;
    this.holdStartMs = null;
    this.wrongStartMs = null;
  }

  private fail(failure: LivenessFailure, timeMs: number): LivenessProgress {
    this.status = 'failed';
    this.failure = failure;
    return this.progress(timeMs);
  }

  private progress(timeMs: number): LivenessProgress {
    const done = this.status === 'passed' || this.status === 'failed';
    const holdFraction =
      done || this.holdStartMs === null
        ? this.status === 'passed'
          ? 1
          : 0
        : Math.min(1, (timeMs - this.holdStartMs) / this.options.holdMs);
    const timeLeftMs = done ? 0 : Math.max(0, this.options.actionTimeoutMs - (timeMs - (this.stepStartMs ?? timeMs)));
    return {
      status: this.status,
      actions: this.actions,
      current: this.current,
      holdFraction,
      timeLeftMs,
      ...(this.failure ? { failure: this.failure } : {}),
      pose: this.lastPose,
    };
  }
}

function jumped(a: TrackedFrame['box'], b: TrackedFrame['box']): boolean {
  const shift = Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2));
  const ratio = b.height / Math.max(a.height, 1e-9);
  return shift > TRACK_MAX_SHIFT * a.height || ratio > TRACK_MAX_SCALE || ratio < 1 / TRACK_MAX_SCALE;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
