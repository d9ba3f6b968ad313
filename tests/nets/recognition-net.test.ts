// The dlib ResNet on our kernels vs face-api's descriptors for the oracle's exact network inputs.
// Tolerance: L2 distance to the golden descriptor < 1e-3 (oracle README).
import { describe, expect, it } from 'vitest';
import { encodeDispatches } from '../../src/engine/kernels/dispatch';
import {
  buildRecognitionRun,
  RECOGNITION_MEAN_RGB,
  uploadRecognitionWeights,
} from '../../src/engine/nets/recognition-net';
import { readTensor } from '../../src/engine/tensor';
import { testContext } from '../helpers/gpu';
import { modelWeights } from '../helpers/models';
import { COPIED_RECOGNITION_INPUTS, golden, recognitionInput } from '../helpers/oracle';

const faces = golden.images.flatMap((image) =>
  image.ssd.filter((face) => COPIED_RECOGNITION_INPUTS.some((name) => face.recInputFile.includes(name))),
);

function normalise(rgb: Float32Array): Float32Array {
  const out = new Float32Array(rgb.length);
  for (let i = 0; i < rgb.length; i++) {
    out[i] = Math.fround(Math.fround(rgb[i]! - RECOGNITION_MEAN_RGB[i % 3]!) / 255);
  }
  return out;
}

const l2 = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
};

describe('recognition net (dlib ResNet) vs face-api golden descriptors', () => {
  it(`has ${faces.length} golden inputs to test`, () => expect(faces.length).toBe(3));

  it('batch of 3: every descriptor within L2 1e-3', async () => {
    const context = await testContext();
    const weights = uploadRecognitionWeights(context, await modelWeights('face_recognition'));
    const run = await context.checked('build', () => buildRecognitionRun(context, weights, faces.length));
    const batchInput = new Float32Array(faces.length * 150 * 150 * 3);
    faces.forEach((face, i) => batchInput.set(normalise(recognitionInput(face.recInputFile)), i * 150 * 150 * 3));
    context.device.queue.writeBuffer(run.input.buffer, 0, batchInput);
    await context.checked('run', () => {
      const encoder = context.device.createCommandEncoder();
      encodeDispatches(encoder, run.dispatches);
      context.device.queue.submit([encoder.finish()]);
    });
    const output = await readTensor(context, run.outputs[0]!);
    faces.forEach((face, i) => {
      const ours = output.subarray(i * 128, (i + 1) * 128);
      expect(l2(ours, face.descriptor), face.recInputFile).toBeLessThan(1e-3);
    });
  });
});
