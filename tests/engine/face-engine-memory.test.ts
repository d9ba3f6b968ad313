// GPU memory must not grow with use: every buffer the engine creates is counted (createBuffer adds
// its size, destroy() subtracts it) over 1,000 embedding calls on alternating frames, plus repeated
// detection and landmark calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaceEngine } from '../../src/engine/face-engine';
import type { DetectedFace, RgbaImage } from '../../src/engine/face-engine-types';
import { nodeFileSource } from '../../src/engine/weights/node-source';
import { demoPhoto } from '../helpers/images';
import { modelDir } from '../helpers/models';

let engine: FaceEngine;
let liveBytes = 0;
let liveBuffers = 0;
let textures = 0;

function instrument(device: GPUDevice) {
  const createBuffer = device.createBuffer.bind(device);
  device.createBuffer = (descriptor: GPUBufferDescriptor) => {
    const buffer = createBuffer(descriptor);
    liveBytes += descriptor.size;
    liveBuffers++;
    const destroy = buffer.destroy.bind(buffer);
    let destroyed = false;
    buffer.destroy = () => {
      if (!destroyed) {
        liveBytes -= descriptor.size;
        liveBuffers--;
        destroyed = true;
      }
      destroy();
    };
    return buffer;
  };
  const createTexture = device.createTexture.bind(device);
  device.createTexture = (descriptor: GPUTextureDescriptor) => {
    textures++;
    return createTexture(descriptor);
  };
}

function crop(image: RgbaImage, x0: number, y0: number, width: number, height: number): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    data.set(
      image.data.subarray(((y0 + y) * image.width + x0) * 4, ((y0 + y) * image.width + x0 + width) * 4),
      y * width * 4,
    );
  }
  return { width, height, data };
}

beforeAll(async () => {
  engine = await FaceEngine.create({ source: nodeFileSource(modelDir()) });
  instrument(engine.context.device);
});
afterAll(() => engine?.dispose());

describe('FaceEngine GPU memory', () => {
  it('does not grow over 1,000 embed calls and repeated analyze calls', async () => {
    const photo = demoPhoto('sample1.jpg');
    // Two different 400×400 frames around the first golden face (same size: one frame texture).
    const frames = [crop(photo, 280, 300, 400, 400), crop(photo, 290, 310, 400, 400)];
    const analysis = await engine.analyze(frames[0]!);
    expect(analysis.target).not.toBeNull();
    const face: DetectedFace = analysis.target!;
    // Settle: first calls may build the runs they need.
    for (let i = 0; i < 4; i++) await engine.embed(frames[i % 2]!, face);
    await engine.analyze(frames[1]!);
    const bytesBefore = liveBytes;
    const buffersBefore = liveBuffers;
    const texturesBefore = textures;
    const pipelinesBefore = engine.context.pipelineCount;

    let last: Float32Array | undefined;
    for (let i = 0; i < 1000; i++) {
      last = (await engine.embed(frames[i % 2]!, face)).vector;
    }
    for (let i = 0; i < 10; i++) await engine.analyze(frames[i % 2]!);
    expect(last!.length).toBe(128);
    expect(liveBuffers - buffersBefore, 'GPU buffers created and kept').toBe(0);
    expect(liveBytes - bytesBefore, 'GPU bytes created and kept').toBe(0);
    expect(textures - texturesBefore, 'frame textures recreated for same-size frames').toBe(0);
    expect(engine.context.pipelineCount - pipelinesBefore, 'pipelines compiled after the first calls').toBe(0);
    // Every pipeline is paid for at cold start; activation is a uniform so that the three networks share
    // them (35 when it was an override; 23 with the GPU matmul shapes, fewer on a CPU adapter).
    expect(engine.context.pipelineCount, 'pipelines compiled').toBeLessThanOrEqual(24);
  }, 900_000);
});
