// The contract between the engine and everything above it (UI, storage, evaluation tools).
// Components import only from src/engine/index.ts, which re-exports these types and FaceEngine.

/** A frame to analyse: what a browser camera path yields, or decoded RGBA pixels (Node, tests). */
export type FrameSource =
  ImageBitmap | VideoFrame | HTMLCanvasElement | OffscreenCanvas | HTMLVideoElement | HTMLImageElement | RgbaImage;

export interface RgbaImage {
  width: number;
  height: number;
  /** width*height*4 bytes, RGBA, row-major, top row first. */
  data: Uint8Array | Uint8ClampedArray;
}

export type LoadStage = 'fetch' | 'decode' | 'upload' | 'compile' | 'warmup' | 'ready';

export interface LoadProgress {
  stage: LoadStage;
  /** 0..1 over the whole load. */
  fraction: number;
  detail?: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DetectedFace {
  /** Detector box in frame pixels. */
  box: Box;
  /** Detector confidence 0..1. */
  score: number;
  /** 68 landmarks as [x0,y0,x1,y1,...] in frame pixels (iBUG 300-W order). */
  landmarks: Float32Array;
}

export interface FaceAnalysis {
  frameWidth: number;
  frameHeight: number;
  /** Every face found, the target first. */
  faces: DetectedFace[];
  /** The face a person means: the largest, most central one; null when none was found. */
  target: DetectedFace | null;
}

/** An embedding and the model that produced it; vectors from different models are never compared. */
export interface FaceEmbedding {
  vector: Float32Array;
  modelId: string;
}

export { ModelLoadError } from './errors';
