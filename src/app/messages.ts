// What went wrong, in words a person understands, with what they can do about it. Engine errors are
// recognised by their `code`, storage and camera errors by name, so this module needs neither the
// engine nor the storage classes at run time.

export type ProblemKind =
  | 'no-webgpu'
  | 'gpu-unavailable'
  | 'model-load'
  | 'camera-denied'
  | 'camera-missing'
  | 'camera-in-use'
  | 'camera-insecure'
  | 'camera-ended'
  | 'camera-failed'
  | 'storage-full'
  | 'storage-outdated'
  | 'storage-blocked'
  | 'software-renderer'
  | 'gpu-recovering'
  | 'storage-unavailable'
  | 'import-rejected'
  | 'model-mismatch'
  | 'unexpected';

export interface Problem {
  kind: ProblemKind;
  title: string;
  message: string;
}

interface NamedError {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  reason?: unknown;
  file?: unknown;
  kind?: unknown;
}

const named = (error: unknown): NamedError =>
  typeof error === 'object' && error !== null ? (error as NamedError) : {};

const messageOf = (error: unknown): string => {
  const message = named(error).message;
  return typeof message === 'string' && message !== '' ? message : String(error);
};

export const NO_WEBGPU: Problem = {
  kind: 'no-webgpu',
  title: 'This browser does not support WebGPU',
  message:
    'Faceprint recognises faces on this device with WebGPU, which this browser does not provide. Open ' +
    'Faceprint in a current version of Chrome or Edge, or another browser with WebGPU turned on. Your ' +
    'saved enrollments stay on this device and can still be exported from People.',
};

const MODEL_FILE_STATE: Record<string, string> = {
  'model-missing': 'is missing',
  'model-corrupt': 'is damaged (its contents are not what they should be)',
  'model-truncated': 'is incomplete (the download stopped part-way)',
  'model-invalid-manifest': 'does not describe a model Faceprint can read',
};

/** Why the face engine could not start or stopped: by the engine error's `code` (src/engine/errors.ts). */
export function describeEngineError(error: unknown): Problem {
  const e = named(error);
  switch (e.code) {
    case 'no-webgpu-api':
      return NO_WEBGPU;
    case 'no-adapter':
      return {
        kind: 'gpu-unavailable',
        title: 'WebGPU is turned off on this device',
        message:
          'The browser has WebGPU but will not let Faceprint use the graphics hardware (it may be switched ' +
          'off, or this graphics chip is blocked). Turn on hardware acceleration in the browser settings, ' +
          'update the browser and graphics driver, or try another browser.',
      };
    case 'limits-too-low':
      return {
        kind: 'gpu-unavailable',
        title: 'This graphics hardware is too limited',
        message:
          'This graphics hardware cannot run Faceprint’s face networks. Try Faceprint on another device or browser.',
      };
    case 'device-lost':
      return {
        kind: 'gpu-unavailable',
        title: 'The graphics device keeps failing',
        message:
          'The graphics device was reset twice within a minute, so Faceprint stopped using it. Reload the page ' +
          'to start again. Your enrollments are not affected.',
      };
    case 'device-failed':
      return {
        kind: 'gpu-unavailable',
        title: 'The graphics device stopped working',
        message: 'Faceprint lost access to the graphics hardware. Reload the page to try again.',
      };
    case 'model-missing':
    case 'model-corrupt':
    case 'model-truncated':
    case 'model-invalid-manifest': {
      const file = typeof e.file === 'string' ? e.file : 'unknown';
      return {
        kind: 'model-load',
        title: 'A face model could not be loaded',
        message:
          `The model file “${file}” ${MODEL_FILE_STATE[e.code]}. Reload the page while online so it can be downloaded again. ` +
          'Your enrollments are not affected.',
      };
    }
    default:
      return unexpected(error);
  }
}

/** Why the camera could not be used (getUserMedia's DOMException names). */
export function describeCameraError(error: unknown): Problem {
  switch (named(error).name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return {
        kind: 'camera-denied',
        title: 'Camera access was denied',
        message:
          'Faceprint needs the camera to see your face; the video never leaves this device. Allow camera ' +
          'access for this site (the camera icon in the address bar, or the browser’s site settings), ' +
          'then press Try again.',
      };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return {
        kind: 'camera-missing',
        title: 'No camera found',
        message:
          'Connect a camera or check that it is switched on and enabled in the system settings, then press Try again.',
      };
    case 'NotReadableError':
    case 'AbortError':
      return {
        kind: 'camera-in-use',
        title: 'The camera is busy',
        message:
          'Another application or browser tab is using the camera, or the system blocked it. Close the other ' +
          'program using the camera, then press Try again.',
      };
    case 'CameraInsecureContext':
      return {
        kind: 'camera-insecure',
        title: 'The camera is not available on this page',
        message: 'Browsers only allow the camera on secure pages. Open Faceprint over https:// (or from localhost).',
      };
    case 'CameraEnded':
      return {
        kind: 'camera-ended',
        title: 'The camera stopped',
        message: 'The camera was disconnected or switched off. Reconnect it, then press Try again.',
      };
    default:
      return { kind: 'camera-failed', title: 'The camera could not start', message: messageOf(error) };
  }
}

/** Why saving, loading, importing or exporting enrollments failed. */
export function describeStorageError(error: unknown): Problem {
  switch (named(error).name) {
    case 'StorageFullError':
      return { kind: 'storage-full', title: 'Storage is full', message: messageOf(error) };
    case 'StorageOutdatedError':
      return { kind: 'storage-outdated', title: 'Faceprint was updated in another tab', message: messageOf(error) };
    case 'StorageUnavailableError':
      return { kind: 'storage-unavailable', title: 'Faceprint cannot save data here', message: messageOf(error) };
    case 'ImportError':
      return { kind: 'import-rejected', title: 'This file was not imported', message: messageOf(error) };
    case 'ModelMismatchError':
      return { kind: 'model-mismatch', title: 'Enrolled with another model', message: messageOf(error) };
    default:
      return unexpected(error);
  }
}

export const STORAGE_BLOCKED: Problem = {
  kind: 'storage-blocked',
  title: 'Close other Faceprint tabs',
  message:
    'Another tab is running an older version of Faceprint and is holding its database open, so this tab ' +
    'cannot update it. Close or reload the other Faceprint tabs; this page continues by itself.',
};

/** Not an error: the engine works, slowly, where WebGPU runs on the processor. */
export const SOFTWARE_RENDERER: Problem = {
  kind: 'software-renderer',
  title: 'No graphics acceleration',
  message: 'Each check takes several seconds on this device; the results are the same.',
};

/** Not an error: the graphics device was reset and the engine rebuilds itself (FaceService.onStatus). */
export const GPU_RECOVERING: Problem = {
  kind: 'gpu-recovering',
  title: 'The graphics device was reset — recovering…',
  message:
    'Faceprint is preparing the face engine again. A check in progress carries on by itself; your enrollments are not affected.',
};

/**
 * What can be done about it. The page cannot tell a blocked or switched-off graphics chip from a
 * machine that has none (a virtual machine, a remote desktop), so the advice covers both and promises
 * no speed-up.
 */
export const SOFTWARE_RENDERER_ADVICE =
  'Faceprint runs its face models on the processor here because the browser offers no graphics ' +
  'acceleration, so each check takes several seconds; the results are the same. If this device has a graphics chip, turning on hardware acceleration in the browser’s ' +
  'settings (or updating the browser) makes checks much faster. On a virtual machine or remote desktop ' +
  'without one, this is as fast as it gets.';

function unexpected(error: unknown): Problem {
  return {
    kind: 'unexpected',
    title: 'Something went wrong',
    message: `${messageOf(error)} Reload the page to try again; your enrollments are not affected.`,
  };
}

/**
 * What a decision says, headline first; a refusal says what the person can do about it. A failed
 * liveness check is named in the headline; why it failed and what to do is the liveness line's.
 */
export function decisionWording(decision: {
  mode: '1:1' | '1:N';
  outcome: 'match' | 'no-match';
  name: string | null;
  liveness: { status: 'off' | 'passed' | 'failed' };
}): { headline: string; advice: string | null } {
  if (decision.liveness.status === 'failed') {
    return {
      headline: `${decision.mode === '1:1' ? 'Not verified' : 'Not recognised'}: the liveness check failed`,
      advice: null,
    };
  }
  const retry = 'Face the camera in good light, hold still, and try again.';
  if (decision.mode === '1:1') {
    return decision.outcome === 'match'
      ? { headline: `Verified: this is ${decision.name}`, advice: null }
      : {
          headline: `We couldn’t confirm it’s ${decision.name}`,
          advice: `${retry} If the right person keeps being refused, add more samples to ${decision.name} in Enroll.`,
        };
  }
  return decision.outcome === 'match'
    ? { headline: `Recognised: ${decision.name}`, advice: null }
    : {
        headline: 'We didn’t recognise this face',
        advice: `${retry} Someone who has not enrolled on this device yet needs to enroll first.`,
      };
}
