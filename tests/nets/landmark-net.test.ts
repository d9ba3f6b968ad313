// face_landmark_68 on our kernels vs face-api's own network (tfjs cpu backend) on the same seeded
// 112×112 crop. Tolerance: 1e-4 absolute on the [0,1] outputs (≈0.01 px at 112 px).
import { describe, expect, it } from 'vitest';
import { encodeDispatches } from '../../src/engine/kernels/dispatch';
import { buildLandmarkRun, LANDMARK_MEAN_RGB, uploadLandmarkWeights } from '../../src/engine/nets/landmark-net';
import { readTensor } from '../../src/engine/tensor';
import { testContext } from '../helpers/gpu';
import { modelWeights } from '../helpers/models';
import { seededRandom } from '../helpers/random';
import { referenceNet } from '../helpers/reference-faceapi';

function randomCrop(seed: number): Float32Array {
  // A smooth random image (not white noise) so that activations look like a picture's.
  const next = seededRandom(seed);
  const out = new Float32Array(112 * 112 * 3);
  const phase = [next() * 6, next() * 6, next() * 6];
  for (let y = 0; y < 112; y++) {
    for (let x = 0; x < 112; x++) {
      for (let c = 0; c < 3; c++) {
        const v =
          128 + 90 * Math.sin(x / (9 + c) + phase[c]!) * Math.cos(y / (13 - c) + phase[c]!) + 30 * (next() - 0.5);
        out[(y * 112 + x) * 3 + c] = Math.round(Math.min(255, Math.max(0, v)));
      }
    }
  }
  return out;
}

describe('landmark net (face_landmark_68) vs face-api', () => {
  it('batch of 2 seeded crops: raw outputs within 1e-4', async () => {
    const crops = [randomCrop(1), randomCrop(2)];
    const { tf, faceapi, net: reference } = await referenceNet('faceLandmark68Net');
    const expected: Float32Array[] = [];
    for (const crop of crops) {
      const input = tf.tensor3d(crop, [112, 112, 3]);
      const netInput = new faceapi.NetInput([input]);
      const out = reference.runNet(netInput);
      expected.push(new Float32Array(await out.data()));
      out.dispose();
      input.dispose();
    }

    const context = await testContext();
    const weights = uploadLandmarkWeights(context, await modelWeights('face_landmark_68'));
    const run = await context.checked('build', () => buildLandmarkRun(context, weights, 2));
    const batch = new Float32Array(2 * 112 * 112 * 3);
    crops.forEach((crop, b) => {
      for (let i = 0; i < crop.length; i++) {
        batch[b * crop.length + i] = Math.fround(Math.fround(crop[i]! - LANDMARK_MEAN_RGB[i % 3]!) / 255);
      }
    });
    context.device.queue.writeBuffer(run.input.buffer, 0, batch);
    const encoder = context.device.createCommandEncoder();
    encodeDispatches(encoder, run.dispatches);
    context.device.queue.submit([encoder.finish()]);
    const output = await readTensor(context, run.outputs[0]!);
    expected.forEach((want, b) => {
      const got = output.subarray(b * 136, (b + 1) * 136);
      let worst = 0;
      for (let i = 0; i < 136; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
      expect(worst, `crop ${b}`).toBeLessThan(1e-4);
    });
  });
});
