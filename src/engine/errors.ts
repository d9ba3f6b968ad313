// The engine's errors. Each carries a `code` a caller can switch on (the app maps codes to sentences
// in one place); messages are for developers and logs, not for the person at the screen.

export type WebGpuUnavailableReason =
  /** The runtime has no WebGPU API at all (no navigator.gpu). */
  | 'no-webgpu-api'
  /** The API exists but no adapter was granted (blocklisted GPU, disabled). */
  | 'no-adapter'
  /** The adapter cannot give what the kernels need. */
  | 'limits-too-low'
  /** requestDevice failed, or a lost device could not be reopened. */
  | 'device-failed';

export type ModelLoadFailure = 'missing' | 'corrupt' | 'truncated' | 'invalid-manifest';

export type EngineErrorCode =
  | WebGpuUnavailableReason
  /** The device was lost again within a minute of a recovery: the engine gave up. */
  | 'device-lost'
  | `model-${ModelLoadFailure}`
  /** WebGPU reported a validation error (a bug, or a driver that rejects valid work). */
  | 'gpu-validation'
  /** WebGPU could not allocate, or a network's buffers exceed the device's limits. */
  | 'gpu-out-of-memory'
  /** The frame given cannot be analysed (bad size, wrong byte count, larger than the device allows). */
  | 'invalid-frame'
  /** The engine was used after dispose(). */
  | 'disposed'
  /** Training data cannot be used: a damaged chip-set file, labels outside the classes, a wrong pixel count. */
  | 'invalid-training-data';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class WebGpuUnavailableError extends EngineError {
  override readonly name = 'WebGpuUnavailableError';
  constructor(
    readonly reason: WebGpuUnavailableReason,
    message: string,
  ) {
    super(reason, message);
  }
}

/** A model file failed to load; `file` names it. */
export class ModelLoadError extends EngineError {
  override readonly name = 'ModelLoadError';
  constructor(
    readonly file: string,
    readonly kind: ModelLoadFailure,
    message: string,
  ) {
    super(`model-${kind}`, message);
  }
}

/** The GPU device was lost and the engine could not (or will no longer) rebuild itself. */
export class DeviceLostError extends EngineError {
  override readonly name = 'DeviceLostError';
  constructor(message: string) {
    super('device-lost', message);
  }
}

/** WebGPU reported an error while the engine built or ran its work. */
export class GpuError extends EngineError {
  override readonly name = 'GpuError';
  constructor(code: 'gpu-validation' | 'gpu-out-of-memory', message: string) {
    super(code, message);
  }
}

export class InvalidFrameError extends EngineError {
  override readonly name = 'InvalidFrameError';
  constructor(message: string) {
    super('invalid-frame', message);
  }
}

/** Training data cannot be used as given (src/engine/training): replace or rebuild the data, not the device. */
export class TrainingDataError extends EngineError {
  override readonly name = 'TrainingDataError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid-training-data', message, options);
  }
}

export class EngineDisposedError extends EngineError {
  override readonly name = 'EngineDisposedError';
  constructor() {
    super('disposed', 'FaceEngine: used after dispose()');
  }
}

export const isEngineError = (error: unknown): error is EngineError => error instanceof EngineError;
