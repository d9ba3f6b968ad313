// One capture session for any view that looks at a face through the camera: the frame loop, the engine
// and quality checks of each frame, the liveness challenge, the camera's problems and the hint that
// tells the person what to do. Enrollment and verification are policies on top: they get every checked
// frame, or the proof of a passed challenge, and decide which to keep and when they are done.
//
// With liveness on, a session goes: search (full detection until one good face is in view) → challenge
// (the face tracked at frame rate, each frame fed to a LivenessCheck) → the neutral and final frames
// embedded and handed to the policy as a LiveProof → checked frames again, if the policy wants more.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  LivenessCheck,
  drawChallenge,
  type LivenessFailure,
  type LivenessOptions,
  type LivenessProgress,
} from '../../liveness';
import type { FpCaptureStage } from '../components/fp-capture-stage';
import type { DetectedFace, FaceAnalysis, FaceEmbedding, FaceService, FaceTracker } from '../engine-facade';
import type { EngineState } from '../engine-state';
import { FrameChecker } from '../frame-check';
import { instruction } from '../logic/liveness-text';
import type { QualityReport, QualityThresholds } from '../logic/quality';
import { describeEngineError, type Problem } from '../messages';
import { FrameLoopController } from './frame-loop-controller';

/**
 * Time for each step of the challenge and how long a position is held. Where WebGPU runs on the
 * processor a tracked frame takes 0.1-0.3 s and a new detection seconds, so a person gets more time per
 * step there; the hold stays short enough that two or three frames cover it.
 */
export const CHALLENGE_TIMING: Record<'hardware' | 'software', LivenessOptions> = {
  hardware: { actionTimeoutMs: 8000, holdMs: 500 },
  software: { actionTimeoutMs: 15000, holdMs: 500 },
};

/**
 * The challenge's clock advances by at most this much from one frame to the next. A frame that took
 * longer (a new detection takes seconds on a processor) is the machine being slow, not the person: it
 * must neither use up their time nor read as a face that left the picture (LivenessCheck fails after
 * FACE_LOST_MS = 1.5 s between faces). A face really gone still fails after two frames without one.
 */
export const MAX_FRAME_STEP_MS = 1000;

/** The two frames that bracket a passed challenge, embedded: the neutral one decides the match. */
export interface LiveProof {
  neutral: FaceEmbedding;
  final: FaceEmbedding;
}

/** One camera frame after the engine and the quality gates, handed to the policy. */
export interface CheckedCapture {
  frame: ImageBitmap;
  service: FaceService;
  quality: QualityReport;
  /** The one face in view, or null when there are none or several. */
  single: DetectedFace | null;
  /** Whether the session still wants this frame's outcome; check it after every await. */
  isCurrent: () => boolean;
}

export interface CapturePolicy {
  /** The quality gates a frame must pass. */
  thresholds: QualityThresholds;
  /** Whether the session asks for the liveness challenge once a good face is in view. */
  liveness(): boolean;
  /**
   * Called with every checked frame while liveness is off, and after a passed challenge; the frame is
   * closed when the returned promise settles.
   */
  onFrame(capture: CheckedCapture): Promise<void>;
  /** The challenge passed; `isCurrent` as in CheckedCapture. */
  onLive(proof: LiveProof, service: FaceService, isCurrent: () => boolean): Promise<void>;
  /** The challenge failed; the session has stopped. */
  onRefused(failure: LivenessFailure): void;
}

/** Search for a face, run the challenge, embed its frames, or take checked frames (after or without it). */
type Step = 'search' | 'challenge' | 'proving' | 'frames';

export interface CaptureSessionOptions {
  /** The engine as the host has it now. */
  engine: () => EngineState;
  /** The stage whose camera gives the frames (absent while not rendered). */
  stage: () => FpCaptureStage | null | undefined;
  policy: CapturePolicy;
  /** The hint while a good face is being used (default CAPTURE_HINTS.holdStill). */
  holdStillHint?: string;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const CAPTURE_HINTS = {
  loading: 'The face models are still loading; the check starts as soon as they are ready.',
  findingFace: 'Finding your face…',
  lookAtCamera: 'Look at the camera.',
  holdStill: 'Good. Hold still…',
  checking: 'Checking… hold still.',
  proving: 'Checking the face…',
  cameraProblem: (problem: Problem) => `${problem.title}: see the message under the picture.`,
} as const;

export class CaptureSessionController implements ReactiveController {
  /** The latest analysed frame, for the overlay. */
  analysis: FaceAnalysis | null = null;
  quality: QualityReport | null = null;
  /** Why the session stopped (the engine failed on a frame); null while all is well. */
  problem: Problem | null = null;
  /** What is wrong with the camera, as the stage reported it. */
  cameraProblem: Problem | null = null;
  /** The challenge's latest state while it runs (and after it ended); null before it starts. */
  challenge: LivenessProgress | null = null;
  /** Why the challenge failed; null unless it did. */
  refusal: LivenessFailure | null = null;

  private readonly loop: FrameLoopController;
  private step: Step = 'search';
  private tracker: FaceTracker | null = null;
  /** Checks this session's frames outside the challenge (made with the first frame's service). */
  private checker: FrameChecker | null = null;
  private check: LivenessCheck | null = null;
  /** The neutral frame's embedding, taken as soon as the check chose that frame (no frame is kept open). */
  private neutral: FaceEmbedding | null = null;
  /** The challenge's clock (see MAX_FRAME_STEP_MS) and the real time of the frame it last advanced on. */
  private checkClockMs = 0;
  private lastFrameAtMs: number | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CaptureSessionOptions,
  ) {
    host.addController(this);
    this.loop = new FrameLoopController(
      host,
      (isCurrent) => this.next(isCurrent),
      (error) => {
        this.problem = describeEngineError(error);
        host.requestUpdate();
      },
    );
  }

  get running(): boolean {
    return this.loop.active;
  }

  /** Starts (or restarts) looking at frames, from a clean state. */
  start(): void {
    this.loop.stop();
    this.neutral = null;
    this.analysis = null;
    this.quality = null;
    this.problem = null;
    this.challenge = null;
    this.refusal = null;
    this.tracker = null;
    this.checker = null;
    this.check = null;
    this.step = 'search';
    this.loop.start();
    this.host.requestUpdate();
  }

  /** Stops looking at frames; the last analysis stays for display. */
  stop(): void {
    this.loop.stop();
    this.host.requestUpdate();
  }

  /** Whether the challenge is being asked now. */
  get challenging(): boolean {
    return this.step === 'challenge' && this.running;
  }

  /** A session cannot go on without an engine: it stops when the engine fails. */
  hostUpdate(): void {
    if (this.running && this.options.engine().status === 'failed') this.loop.stop();
  }

  /** The stage's fp-camera-status listener. */
  readonly onCameraStatus = (event: HTMLElementEventMap['fp-camera-status']): void => {
    this.cameraProblem = event.detail.problem;
    this.host.requestUpdate();
  };

  /** What the person should do now, for the stage's live region. */
  hint(): string {
    if (this.cameraProblem) return CAPTURE_HINTS.cameraProblem(this.cameraProblem);
    if (this.options.engine().status === 'loading') return CAPTURE_HINTS.loading;
    if (this.step === 'proving') return CAPTURE_HINTS.proving;
    if (this.challenge && this.step === 'challenge') return instruction(this.challenge);
    // Until the first frame is analysed (seconds on a processor) the person is told what runs.
    if (!this.quality) return this.running ? CAPTURE_HINTS.findingFace : CAPTURE_HINTS.lookAtCamera;
    return (
      this.quality.hint ??
      (this.quality.passed ? (this.options.holdStillHint ?? CAPTURE_HINTS.holdStill) : CAPTURE_HINTS.lookAtCamera)
    );
  }

  /**
   * Whether the engine is working on the person's behalf with nothing for them to fix: finding the
   * face, using a good one, or embedding the challenge's frames. Not during the challenge itself,
   * where the person is the one to act.
   */
  busy(): boolean {
    if (!this.running || this.cameraProblem || this.options.engine().status !== 'ready') return false;
    if (this.step === 'proving') return true;
    if (this.step === 'challenge') return false;
    return !this.quality || this.quality.passed;
  }

  private async next(isCurrent: () => boolean): Promise<void> {
    const engine = this.options.engine();
    const stage = this.options.stage();
    if (engine.status !== 'ready' || !stage) return pause(200);
    const frame = await stage.captureFrame();
    if (!frame) return pause(100);
    const capturedAtMs = performance.now();
    try {
      const service = engine.service;
      if (this.step === 'challenge') return await this.challengeFrame(frame, capturedAtMs, service, isCurrent);
      this.checker ??= new FrameChecker(service, this.options.policy.thresholds);
      const { analysis, quality, single } = await this.checker.check(frame);
      if (!isCurrent()) return;
      this.analysis = analysis;
      this.quality = quality;
      this.host.requestUpdate();
      if (this.step === 'search' && this.options.policy.liveness()) {
        if (single && quality.passed) this.beginChallenge(service, single);
        return;
      }
      this.step = 'frames';
      await this.options.policy.onFrame({ frame, service, quality, single, isCurrent });
    } finally {
      frame.close();
    }
  }

  /** The challenge starts on the face just found, which the tracker follows from the next frame. */
  private beginChallenge(service: FaceService, face: DetectedFace): void {
    this.tracker = service.createTracker();
    this.tracker.follow(face);
    this.check = new LivenessCheck(drawChallenge(), CHALLENGE_TIMING[service.runsInSoftware ? 'software' : 'hardware']);
    this.checkClockMs = 0;
    this.lastFrameAtMs = null;
    this.neutral = null;
    this.step = 'challenge';
  }

  /**
   * One challenge frame: tracked, fed to the check, and embedded when the check takes it as the neutral
   * or the final frame; after the final one the proof goes to the policy.
   */
  private async challengeFrame(
    frame: ImageBitmap,
    capturedAtMs: number,
    service: FaceService,
    isCurrent: () => boolean,
  ): Promise<void> {
    const check = this.check!;
    if (this.lastFrameAtMs !== null)
      this.checkClockMs += Math.min(MAX_FRAME_STEP_MS, capturedAtMs - this.lastFrameAtMs);
    this.lastFrameAtMs = capturedAtMs;
    const timeMs = this.checkClockMs;
    const tracked = await this.tracker!.next(frame);
    if (!isCurrent()) return;
    const face = tracked?.face ?? null;
    const progress = face
      ? check.observe({ timeMs, landmarks: face.landmarks, box: face.box })
      : check.observeNoFace(timeMs);
    this.analysis = { frameWidth: frame.width, frameHeight: frame.height, faces: face ? [face] : [], target: face };
    this.challenge = progress;
    this.host.requestUpdate();
    if (progress.status === 'failed') {
      this.loop.stop();
      this.refusal = progress.failure ?? 'timeout';
      this.options.policy.onRefused(this.refusal);
      this.host.requestUpdate();
      return;
    }
    if (face && !this.neutral && check.neutralFrame?.landmarks === face.landmarks) {
      this.neutral = await service.embed(frame, face);
      return;
    }
    if (face && progress.status === 'passed' && check.finalFrame?.landmarks === face.landmarks) {
      const neutral = this.neutral;
      if (!neutral) throw new Error('The liveness check passed without its neutral frame.');
      this.step = 'proving';
      this.host.requestUpdate();
      const proof: LiveProof = { neutral, final: await service.embed(frame, face) };
      if (!isCurrent()) return;
      this.step = 'frames';
      this.host.requestUpdate();
      await this.options.policy.onLive(proof, service, isCurrent);
    }
  }
}
