// One capture session for any view that looks at a face through the camera: the frame loop, the engine
// and quality checks of each frame, the camera's problems and the hint that tells the person what to
// do. Enrollment and verification are policies on top: they get every checked frame and decide which
// to keep and when they are done.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FpCaptureStage } from '../components/fp-capture-stage';
import type { DetectedFace, FaceAnalysis, FaceService } from '../engine-facade';
import type { EngineState } from '../engine-state';
import { checkFrame } from '../frame-check';
import type { QualityReport, QualityThresholds } from '../logic/quality';
import { describeEngineError, type Problem } from '../messages';
import { FrameLoopController } from './frame-loop-controller';

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
  /** Called with every checked frame; the frame is closed when the returned promise settles. */
  onFrame(capture: CheckedCapture): Promise<void>;
}

export interface CaptureSessionOptions {
  /** The engine as the host has it now. */
  engine: () => EngineState;
  /** The stage whose camera gives the frames (absent while not rendered). */
  stage: () => FpCaptureStage | null | undefined;
  policy: CapturePolicy;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const CAPTURE_HINTS = {
  loading: 'The face models are still loading; the check starts as soon as they are ready.',
  lookAtCamera: 'Look at the camera.',
  holdStill: 'Good. Hold still…',
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

  private readonly loop: FrameLoopController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CaptureSessionOptions,
  ) {
    host.addController(this);
    this.loop = new FrameLoopController(
      host,
      (isCurrent) => this.step(isCurrent),
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
    this.analysis = null;
    this.quality = null;
    this.problem = null;
    this.loop.start();
    this.host.requestUpdate();
  }

  /** Stops looking at frames; the last analysis stays for display. */
  stop(): void {
    this.loop.stop();
    this.host.requestUpdate();
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
    return this.quality?.hint ?? (this.quality?.passed ? CAPTURE_HINTS.holdStill : CAPTURE_HINTS.lookAtCamera);
  }

  private async step(isCurrent: () => boolean): Promise<void> {
    const engine = this.options.engine();
    const stage = this.options.stage();
    if (engine.status !== 'ready' || !stage) return pause(200);
    const frame = await stage.captureFrame();
    if (!frame) return pause(100);
    try {
      const service = engine.service;
      const { analysis, quality, single } = await checkFrame(service, frame, this.options.policy.thresholds);
      if (!isCurrent()) return;
      this.analysis = analysis;
      this.quality = quality;
      this.host.requestUpdate();
      await this.options.policy.onFrame({ frame, service, quality, single, isCurrent });
    } finally {
      frame.close();
    }
  }
}
