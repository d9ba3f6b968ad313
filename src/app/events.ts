// The app's custom events. All bubble and cross shadow roots (composed), so the shell hears what any
// view says without wiring each one.
import type { CameraStatus } from './controllers/camera-controller';
import type { Decision } from './logic/decision';
import type { LivenessOutcome } from './logic/live-decision';
import type { Problem } from './messages';

export type ViewName = 'enroll' | 'verify' | 'people' | 'settings' | 'lab';

export interface VerificationResult extends Decision {
  mode: '1:1' | '1:N';
  threshold: number;
  /** Whether the liveness check passed, failed (and why), or was turned off; `outcome` already includes it. */
  liveness: LivenessOutcome;
}

export interface FpEventDetails {
  /** The set of enrolled people changed (here, or in another tab: "other-tab"); the shell reloads it. */
  'fp-people-changed': { reason: 'enrolled' | 'deleted' | 'imported' | 'owner-reset' | 'other-tab' };
  /** A person was enrolled (or got more samples). */
  'fp-enrolled': { personId: string; name: string; sampleCount: number };
  /** A verification reached a decision. */
  'fp-decision': VerificationResult;
  /** A new threshold was chosen in settings; null returns to the calibrated one. */
  'fp-threshold-change': { threshold: number | null };
  /** The person picked another camera. */
  'fp-camera-change': { deviceId: string };
  /** The liveness challenge was turned on or off in settings. */
  'fp-liveness-change': { enabled: boolean };
  /** The camera started, stopped or failed. */
  'fp-camera-status': { status: CameraStatus; problem: Problem | null };
}

export type FpEventName = keyof FpEventDetails;

declare global {
  interface HTMLElementEventMap {
    'fp-people-changed': CustomEvent<FpEventDetails['fp-people-changed']>;
    'fp-enrolled': CustomEvent<FpEventDetails['fp-enrolled']>;
    'fp-decision': CustomEvent<FpEventDetails['fp-decision']>;
    'fp-threshold-change': CustomEvent<FpEventDetails['fp-threshold-change']>;
    'fp-camera-change': CustomEvent<FpEventDetails['fp-camera-change']>;
    'fp-liveness-change': CustomEvent<FpEventDetails['fp-liveness-change']>;
    'fp-camera-status': CustomEvent<FpEventDetails['fp-camera-status']>;
  }
}

export function emit<K extends FpEventName>(target: EventTarget, type: K, detail: FpEventDetails[K]): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
