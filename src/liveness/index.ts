// The liveness check's public surface: challenge, head pose, parallax and the check itself.
export { drawChallenge, secureRandomIndex, type ChallengeAction } from './challenge';
export { estimateHeadPose, fitHeadPose, projectShape, type HeadPose, type PoseFit } from './head-pose';
export { fitHomography, planarResidual, type Homography } from './homography';
export {
  DEFAULT_LIVENESS_OPTIONS,
  LivenessCheck,
  type LivenessFailure,
  type LivenessOptions,
  type LivenessProgress,
  type TrackedFrame,
} from './liveness-check';
