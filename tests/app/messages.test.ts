import { describe, expect, it } from 'vitest';
import {
  decisionWording,
  describeCameraError,
  describeEngineError,
  describeStorageError,
  NO_WEBGPU,
} from '../../src/app/messages';
import { ImportError, StorageFullError, StorageOutdatedError } from '../../src/storage';
import { DeviceLostError, ModelLoadError, WebGpuUnavailableError } from '../../src/engine/errors';

const domError = (name: string) => Object.assign(new Error('browser text'), { name });

describe('describeCameraError', () => {
  it.each([
    ['NotAllowedError', 'camera-denied', /Allow camera access/],
    ['SecurityError', 'camera-denied', /Allow camera access/],
    ['NotFoundError', 'camera-missing', /Connect a camera/],
    ['OverconstrainedError', 'camera-missing', /Connect a camera/],
    ['NotReadableError', 'camera-in-use', /Another application/],
    ['AbortError', 'camera-in-use', /Another application/],
    ['CameraEnded', 'camera-ended', /disconnected/],
    ['TypeError', 'camera-failed', /browser text/],
  ])('%s → %s', (name, kind, message) => {
    const problem = describeCameraError(domError(name));
    expect(problem.kind).toBe(kind);
    expect(problem.message).toMatch(message);
  });
});

describe('describeEngineError', () => {
  it.each([
    ['no-webgpu-api', 'no-webgpu'],
    ['no-adapter', 'gpu-unavailable'],
    ['limits-too-low', 'gpu-unavailable'],
    ['device-failed', 'gpu-unavailable'],
  ] as const)('WebGpuUnavailableError %s → %s', (reason, kind) => {
    expect(describeEngineError(new WebGpuUnavailableError(reason, 'x')).kind).toBe(kind);
  });

  it('a device lost twice asks for a reload', () => {
    expect(describeEngineError(new DeviceLostError('x'))).toMatchObject({
      kind: 'gpu-unavailable',
      message: expect.stringMatching(/Reload/),
    });
  });

  it('no WebGPU at all says which browsers to use and that enrollments are kept', () => {
    expect(NO_WEBGPU.message).toMatch(/Chrome or Edge/);
    expect(NO_WEBGPU.message).toMatch(/enrollments stay on this device/);
  });

  it('a model file error names the file and what is wrong with it', () => {
    const error = new ModelLoadError('face_recognition_model.bin', 'corrupt', 'x');
    const problem = describeEngineError(error);
    expect(problem.kind).toBe('model-load');
    expect(problem.message).toContain('“face_recognition_model.bin” is damaged');
    expect(problem.message).toMatch(/enrollments are not affected/);
  });

  it('anything else is unexpected, with its own message', () => {
    expect(describeEngineError(new Error('boom'))).toMatchObject({
      kind: 'unexpected',
      message: expect.stringContaining('boom'),
    });
  });
});

describe('describeStorageError', () => {
  it('storage full, outdated and import problems keep their own explanation', () => {
    expect(describeStorageError(new StorageFullError())).toMatchObject({
      kind: 'storage-full',
      title: 'Storage is full',
    });
    expect(describeStorageError(new StorageOutdatedError())).toMatchObject({ kind: 'storage-outdated' });
    const rejected = describeStorageError(new ImportError('not-json', 'Not JSON.'));
    expect(rejected.kind).toBe('import-rejected');
    expect(rejected.message).toMatch(/Nothing was imported/);
  });
});

describe('decisionWording', () => {
  it('a refusal says what to do, and does not accuse', () => {
    const claim = decisionWording({ mode: '1:1', outcome: 'no-match', name: 'Ada', liveness: { status: 'passed' } });
    expect(claim.headline).toBe('We couldn’t confirm it’s Ada');
    expect(claim.advice).toMatch(/good light.*try again/);
    expect(claim.headline).not.toMatch(/not Ada/);
    const search = decisionWording({ mode: '1:N', outcome: 'no-match', name: 'Ada', liveness: { status: 'passed' } });
    expect(search.headline).toBe('We didn’t recognise this face');
    expect(search.advice).toMatch(/enroll first/);
  });

  it('an acceptance names the person and needs no advice', () => {
    expect(decisionWording({ mode: '1:1', outcome: 'match', name: 'Ada', liveness: { status: 'passed' } })).toEqual({
      headline: 'Verified: this is Ada',
      advice: null,
    });
    expect(decisionWording({ mode: '1:N', outcome: 'match', name: 'Ada', liveness: { status: 'passed' } })).toEqual({
      headline: 'Recognised: Ada',
      advice: null,
    });
  });

  it('a failed liveness check is the headline, whatever the faces', () => {
    for (const outcome of ['match', 'no-match'] as const) {
      expect(decisionWording({ mode: '1:1', outcome, name: 'Ada', liveness: { status: 'failed' } }).headline).toBe(
        'Not verified: the liveness check failed',
      );
      expect(decisionWording({ mode: '1:N', outcome, name: 'Ada', liveness: { status: 'failed' } }).headline).toBe(
        'Not recognised: the liveness check failed',
      );
    }
  });
});
