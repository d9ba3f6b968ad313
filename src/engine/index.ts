/// <reference types="@webgpu/types" preserve="true" />
// The engine's public surface: what the app, the evaluation tools and the benchmarks import, and what
// the package exports as faceprint/engine. Its declarations name WebGPU's types (GPU, GPUDevice, …), so the
// reference above stays in the emitted .d.ts and @webgpu/types is a dependency of the package.
export {
  FaceEngine,
  LOAD_PROGRESS,
  RECOVERY_WINDOW_MS,
  type AnalyzeOptions,
  type EmbedOptions,
  type EngineStatus,
  type FaceEngineOptions,
} from './face-engine';
export type { DetectorOptions, DetectorViews } from './stages/detection-stage';
export type { Detection } from './nets/detection';
export { GpuContext, type AdapterDescription, type GpuResourceCount } from './gpu-context';
export {
  DeviceLostError,
  EngineDisposedError,
  EngineError,
  GpuError,
  InvalidFrameError,
  isEngineError,
  ModelLoadError,
  TrainingDataError,
  WebGpuUnavailableError,
  type EngineErrorCode,
  type ModelLoadFailure,
  type WebGpuUnavailableReason,
} from './errors';
export {
  DEFAULT_NETWORKS,
  NETWORKS,
  type DetectorId,
  type EmbeddingNetworkId,
  type LandmarkNetworkId,
  type NetworkId,
} from './networks/registry';
export { euclideanDistance, type EmbeddingNetwork, type NetworkDescriptor } from './networks/network';
export type {
  Box,
  DetectedFace,
  FaceAnalysis,
  FaceEmbedding,
  FrameSource,
  LoadProgress,
  LoadStage,
  RgbaImage,
} from './face-engine-types';
export { FaceTracker, type TrackResult } from './face-tracker';
