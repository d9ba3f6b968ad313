// FaceEngine.create: the device opens, then the three models load, so the order of events is worth
// pinning down: progress that never goes back and ends at 'ready', no download at all without the WebGPU
// API, networks chosen for the adapter before any file is read, and a broken model file that fails the
// load with its own error while the device is released.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FaceEngine } from '../../src/engine/face-engine';
import { ModelLoadError, type LoadProgress } from '../../src/engine/face-engine-types';
import { InvalidFrameError } from '../../src/engine/errors';
import { GpuContext, WebGpuUnavailableError } from '../../src/engine/gpu-context';
import type { ModelFileSource } from '../../src/engine/weights/manifest';
import { nodeFileSource } from '../../src/engine/weights/node-source';
import { modelDir } from '../helpers/models';

/** The real model files, with every read recorded. */
function recordingSource(
  reads: string[],
  override?: (name: string) => Uint8Array<ArrayBuffer> | undefined,
): ModelFileSource {
  const files = nodeFileSource(modelDir());
  return {
    async read(name) {
      reads.push(name);
      return override?.(name) ?? files.read(name);
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('FaceEngine.create', () => {
  it('reports progress that never goes back, through every stage, ending at ready', async () => {
    const events: LoadProgress[] = [];
    const reads: string[] = [];
    const engine = await FaceEngine.create({ source: recordingSource(reads), onProgress: (p) => events.push(p) });
    engine.dispose();
    const fractions = events.map((e) => e.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ stage: 'ready', fraction: 1 });
    const stages = [...new Set(events.map((e) => e.stage))];
    expect(stages).toEqual(['fetch', 'decode', 'upload', 'compile', 'warmup', 'ready']);
    expect(
      events
        .filter((e) => e.stage === 'decode')
        .map((e) => e.detail)
        .sort(),
    ).toEqual(['face_landmark_68', 'face_recognition', 'ssd_mobilenetv1']);
    expect(reads.length).toBeGreaterThanOrEqual(6); // three manifests and their shards
  });

  it('without the WebGPU API fails at once and reads no model file', async () => {
    vi.stubGlobal('navigator', {});
    const reads: string[] = [];
    const error = await FaceEngine.create({ source: recordingSource(reads) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebGpuUnavailableError);
    expect((error as WebGpuUnavailableError).reason).toBe('no-webgpu-api');
    expect(reads).toEqual([]);
  });

  it('forAdapter chooses the networks from the adapter, and only their files are read', async () => {
    const reads: string[] = [];
    const seen: boolean[] = [];
    const engine = await FaceEngine.create({
      source: recordingSource(reads),
      forAdapter: ({ software }) => {
        seen.push(software);
        return { networks: { detector: 'tiny_face_detector' }, detector: { views: 'frame' } };
      },
    });
    try {
      // lavapipe renders on the CPU.
      expect(seen).toEqual([true]);
      expect(engine.detectorId).toBe('tiny_face_detector');
      expect(reads).toContain('tiny_face_detector_model-weights_manifest.json');
      expect(reads.some((name) => name.startsWith('ssd_mobilenetv1'))).toBe(false);
    } finally {
      engine.dispose();
    }
  });

  it('a corrupt model file fails the load with an error naming it, and the device is released', async () => {
    const dispose = vi.spyOn(GpuContext.prototype, 'dispose');
    const reads: string[] = [];
    const corrupt = (name: string) =>
      name === 'face_landmark_68_model.bin' ? new Uint8Array(356_840).fill(7) : undefined;
    const error = await FaceEngine.create({ source: recordingSource(reads, corrupt) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as ModelLoadError).file).toBe('face_landmark_68_model.bin');
    expect((error as ModelLoadError).kind).toBe('corrupt');
    expect(dispose).toHaveBeenCalledTimes(1);
  });

  it('a frame whose bytes do not match its size is refused at once with InvalidFrameError', async () => {
    const engine = await FaceEngine.create({ source: nodeFileSource(modelDir()) });
    try {
      const started = performance.now();
      const error = await engine.analyze({ width: 4, height: 4, data: new Uint8Array(10) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidFrameError);
      expect((error as InvalidFrameError).code).toBe('invalid-frame');
      expect(performance.now() - started, 'no wait for a device loss that did not happen').toBeLessThan(500);
      // The engine is still usable.
      expect((await engine.detect({ width: 8, height: 8, data: new Uint8Array(256) })).length).toBe(0);
    } finally {
      engine.dispose();
    }
  });
});
