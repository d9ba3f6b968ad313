// GPU device loss: the engine rebuilds itself on a new device (weights re-uploaded from the bytes it
// kept, pipelines recompiled), says so through onStatus, retries the call the loss interrupted, and
// gives up with a typed error when the device is lost again within a minute. The loss is real as far
// as the engine can tell: the test hook destroys the device, and the engine learns of it only through
// device.lost and failing GPU work.
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceLostError } from '../../src/engine/errors';
import { FaceEngine, type EngineStatus } from '../../src/engine/face-engine';
import type { DetectedFace, RgbaImage } from '../../src/engine/face-engine-types';
import { nodeFileSource } from '../../src/engine/weights/node-source';
import { demoPhoto } from '../helpers/images';
import { modelDir } from '../helpers/models';

let engine: FaceEngine | undefined;
afterEach(() => engine?.dispose());

/** A 400×400 frame around the first face of sample1.jpg (small: a loaded CPU runs it in seconds). */
function frame(): RgbaImage {
  const photo = demoPhoto('sample1.jpg');
  const [x0, y0, width, height] = [280, 300, 400, 400];
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    data.set(
      photo.data.subarray(((y0 + y) * photo.width + x0) * 4, ((y0 + y) * photo.width + x0 + width) * 4),
      y * width * 4,
    );
  }
  return { width, height, data };
}

/** Resolves with the next status `wanted`. */
const nextStatus = (e: FaceEngine, wanted: EngineStatus['state']) =>
  new Promise<EngineStatus>((resolve) => {
    const stop = e.onStatus((status) => {
      if (status.state === wanted) {
        stop();
        resolve(status);
      }
    });
  });

describe('FaceEngine after a GPU device loss', () => {
  it('recovers: the same descriptor, the same GPU buffers, statuses recovering then recovered', async () => {
    engine = await FaceEngine.create({ source: nodeFileSource(modelDir()) });
    const image = frame();
    const face: DetectedFace = (await engine.analyze(image)).target!;
    expect(face).not.toBeNull();
    const before = (await engine.embed(image, face)).vector;
    const resourcesBefore = engine.gpuResources();
    const statuses: string[] = [];
    engine.onStatus((status) => statuses.push(status.state));
    const deviceBefore = engine.context.device;

    const recovered = nextStatus(engine, 'recovered');
    engine.simulateDeviceLoss();
    // Called right after the loss: waits for the rebuild, or fails on the lost device and is retried.
    const after = (await engine.embed(image, face)).vector;
    await recovered;

    expect(engine.context.device).not.toBe(deviceBefore);
    expect(statuses).toEqual(['recovering', 'recovered']);
    expect(Array.from(after)).toEqual(Array.from(before));
    // analyze and embed again so that every run used before the loss exists again.
    await engine.analyze(image);
    await engine.embed(image, face);
    const resourcesAfter = engine.gpuResources();
    expect(resourcesAfter.buffers, 'GPU buffers').toBe(resourcesBefore.buffers);
    expect(resourcesAfter.bufferBytes, 'GPU buffer bytes').toBe(resourcesBefore.bufferBytes);
    expect(resourcesAfter.textures, 'textures').toBe(resourcesBefore.textures);
    expect(resourcesAfter.pipelines, 'pipelines').toBe(resourcesBefore.pipelines);
  });

  it('retries the call the loss interrupted', async () => {
    engine = await FaceEngine.create({ source: nodeFileSource(modelDir()) });
    const image = frame();
    const face = (await engine.analyze(image)).target!;
    const before = (await engine.embed(image, face)).vector;
    const inFlight = engine.embed(image, face);
    // Let the call reach the GPU, then lose the device under it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    engine.simulateDeviceLoss();
    expect(Array.from((await inFlight).vector)).toEqual(Array.from(before));
  });

  it('a second loss within a minute fails with DeviceLostError, reported once and to every later call', async () => {
    engine = await FaceEngine.create({ source: nodeFileSource(modelDir()) });
    const image = frame();
    const face = (await engine.analyze(image)).target!;
    const recovered = nextStatus(engine, 'recovered');
    engine.simulateDeviceLoss();
    await recovered;
    await engine.embed(image, face);

    const failed = nextStatus(engine, 'failed');
    engine.simulateDeviceLoss();
    const status = await failed;
    expect(status.state === 'failed' && status.error).toBeInstanceOf(DeviceLostError);
    const error = await engine.embed(image, face).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceLostError);
    expect((error as DeviceLostError).code).toBe('device-lost');
    await expect(engine.analyze(image)).rejects.toBeInstanceOf(DeviceLostError);
  });
});
