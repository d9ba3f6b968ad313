// The liveness challenge in words: what to do at each step, and why a check failed with what to do
// about it. The same words go on the picture and into the live region that screen readers announce.
import type { ChallengeAction, LivenessFailure, LivenessProgress } from '../../liveness';
import type { LivenessOutcome } from './live-decision';

export const ACTION_WORDS: Record<ChallengeAction, string> = {
  'turn-left': 'Turn your head to your left',
  'turn-right': 'Turn your head to your right',
  'look-up': 'Look up',
  'open-mouth': 'Open your mouth',
};

/** The instruction for the step the check is at. */
export function instruction(progress: LivenessProgress): string {
  switch (progress.status) {
    case 'neutral':
      return 'Look straight at the camera with your mouth closed';
    case 'action':
      return ACTION_WORDS[progress.actions[progress.current]!];
    case 'return':
      return 'Look straight at the camera again';
    case 'passed':
      return 'Done: you moved like a real person';
    case 'failed':
      return 'The liveness check failed';
  }
}

export interface FailureText {
  title: string;
  /** Why, and what the person can do. */
  message: string;
}

export const FAILURE_TEXT: Record<LivenessFailure, FailureText> = {
  timeout: {
    title: 'A movement was not made in time',
    message:
      'The face did not make the asked movement in time, as a photo held up to the camera cannot. If you are ' +
      'in front of the camera, press Try again, follow the arrow and hold each position until the ring is full.',
  },
  flat: {
    title: 'This looked like a photo, not a live face',
    message:
      'When the head turned, the face moved like a flat picture (a photo, a print or a screen). Only a live person in ' +
      'front of the camera is accepted. If that was you, try again in even light, facing the camera squarely.',
  },
  'wrong-action': {
    title: 'A different movement was made',
    message: 'The movements must follow the order shown, which is new each time. Press Try again and follow the arrow.',
  },
  'track-jump': {
    title: 'The face jumped in the picture',
    message: 'The face moved too abruptly, as when a picture is swapped. Press Try again and move smoothly.',
  },
  'face-lost': {
    title: 'The face left the picture',
    message: 'Keep your whole face in view while you move. Press Try again.',
  },
};

/** The final frontal frame did not match the neutral one: someone else finished the check. */
export const DIFFERENT_PERSON: FailureText = {
  title: 'A different face finished the check',
  message:
    'The face at the end of the check was not the one at its start. One person must do the whole check; press Try again.',
};

/** The liveness line of a decision: passed, why it failed and what to do, or that it was off. */
export function describeLiveness(outcome: LivenessOutcome): string {
  switch (outcome.status) {
    case 'passed':
      return 'Passed: the head moved as asked, and the same face finished the check.';
    case 'off':
      return 'Off (Settings): a photo of an enrolled person could have been accepted.';
    case 'failed': {
      const text = outcome.failure === 'different-person' ? DIFFERENT_PERSON : FAILURE_TEXT[outcome.failure];
      return `Failed: ${text.title}. ${text.message}`;
    }
  }
}
