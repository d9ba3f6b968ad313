// The engine's public surface: what the app, the evaluation tools and the benchmarks import.
export { FaceEngine, type AnalyzeOptions, type EmbedOptions, type FaceEngineOptions } from './face-engine';
export type { DetectorOptions, DetectorViews } from './detection-stage';
export type { Detection } from './nets/detection';
export { GpuContext, WebGpuUnavailableError, type AdapterDescription, type WebGpuUnavailableReason } from './gpu-context';
export {
  ModelLoadError,
  type Box,
  type DetectedFace,
  type FaceAnalysis,
  type FaceEmbedding,
  type FrameSource,
  type LoadProgress,
  type LoadStage,
  type RgbaImage,
} from './face-engine-types';
export { FaceTracker, type TrackResult } from './face-tracker';
