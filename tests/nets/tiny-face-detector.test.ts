// Tiny face detector on our kernels against face-api's own network (tfjs wasm backend), the decode
// against face-api's semantics, then whole detection on the demo photos against the oracle.
//
// Tolerances: raw output [B,S/32,S/32,25] within 1e-3 of the reference, measured as
// |ours - ref| / max(1, |ref|); golden boxes within 1 px, scores within 1e-3.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode as decodeJpeg } from 'jpeg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GpuContext } from '../../src/engine/gpu-context';
import { FrameTexture } from '../../src/engine/frame-texture';
import { submit } from '../../src/engine/kernels/dispatch';
import { imageToTensor, NORMALISATIONS, padToSquare } from '../../src/engine/kernels/image-to-tensor';
import { toFrameDetection } from '../../src/engine/nets/detection';
import { destroyRun } from '../../src/engine/nets/net-builder';
import { nonMaxSuppression } from '../../src/engine/nets/non-max-suppression';
import {
  buildTinyFaceDetectorRun,
  decodeTinyFaceDetector,
  TINY_ANCHORS,
  uploadTinyFaceDetectorWeights,
  type TinyFaceDetectorWeights,
} from '../../src/engine/nets/tiny-face-detector';
import { readTensor } from '../../src/engine/tensor';
import { expectClose } from '../helpers/compare';
import { testContext } from '../helpers/gpu';
import { faceApiDir, modelWeights } from '../helpers/models';
import { seededRandom } from '../helpers/random';
import { randomPixels, referenceDetectors } from '../helpers/reference-detectors';

interface OracleDetections {
  images: {
    image: string;
    width: number;
    height: number;
    tiny: { score: number; box: { x: number; y: number; width: number; height: number } }[];
  }[];
}
const oracle: OracleDetections = JSON.parse(
  readFileSync(new URL('../fixtures/oracle/detections.json', import.meta.url), 'utf8'),
);

const MEAN_RGB = [117.001, 114.697, 97.404].map(Math.fround);

/** (x - mean) / 255 in float32, as face-api's tfjs ops compute it. */
const normalise = (pixels: Float32Array) => pixels.map((v, i) => Math.fround(Math.fround(v - MEAN_RGB[i % 3]!) / 255));

const maxError = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!) / Math.max(1, Math.abs(b[i]!))), 0);

let context: GpuContext;
let weights: TinyFaceDetectorWeights;

beforeAll(async () => {
  context = await testContext();
  weights = await context.checked('upload', async () =>
    uploadTinyFaceDetectorWeights(context, await modelWeights('tiny_face_detector')),
  );
});

describe('tiny_face_detector network', () => {
  it.each([
    { size: 416, batch: 1 },
    { size: 224, batch: 2 },
  ])(
    'x=[$batch,$size,$size,3] seeded pixels: raw output matches face-api (wasm) within 1e-3',
    async ({ size, batch }) => {
      const { tf, faceapi, backend } = await referenceDetectors();
      const net = faceapi.nets.tinyFaceDetector;
      const cells = size / 32;
      const images = Array.from({ length: batch }, (_, b) => randomPixels(size * size * 3, seededRandom(size + b)));

      const expected = new Float32Array(batch * cells * cells * 25);
      let referenceMs = 0;
      images.forEach((pixels, b) => {
        const image = tf.tensor4d(pixels, [1, size, size, 3]);
        const started = performance.now();
        const out = net.forwardInput(new faceapi.NetInput([image]), size);
        expected.set(out.dataSync(), b * cells * cells * 25);
        referenceMs += performance.now() - started;
        expect(out.shape).toEqual([1, cells, cells, 25]);
        tf.dispose([image, out]);
      });

      const run = await context.checked('build', () => buildTinyFaceDetectorRun(context, weights, size, batch));
      expect(run.input.shape).toEqual([batch, size, size, 3]);
      expect(run.outputs[0]!.shape).toEqual([batch, cells, cells, 25]);
      images.forEach((pixels, b) =>
        context.device.queue.writeBuffer(run.input.buffer, b * size * size * 3 * 4, normalise(pixels)),
      );
      const started = performance.now();
      await context.checked('tiny', () => submit(context, run.dispatches, 'tiny'));
      const actual = await readTensor(context, run.outputs[0]!);
      const ms = performance.now() - started;
      console.log(
        `tiny ${size} x${batch}: ours ${ms.toFixed(0)} ms (first run, compile included), face-api ${backend} ${referenceMs.toFixed(0)} ms; ` +
          `max error ${maxError(actual, expected).toExponential(2)}`,
      );
      destroyRun(run);
      expectClose(actual, expected, 1e-3);
    },
  );

  it('rejects input sizes that are not multiples of 32', () => {
    expect(() => buildTinyFaceDetectorRun(context, weights, 400)).toThrow(/multiple of 32/);
  });
});

describe('tiny decode and NMS (CPU)', () => {
  it('decodes a cell: sigmoid offsets, exp sizes times the anchor, score threshold', () => {
    const size = 64; // 2x2 cells
    const out = new Float32Array(2 * 2 * 5 * 5).fill(-10); // every confidence sigmoid(-10) ~ 0
    // row 1, col 0, anchor 2: tx = ty = 0 (centre of the cell), tw = th = 0 (anchor size), logit 2.
    const o = ((1 * 2 + 0) * 5 + 2) * 5;
    out.set([0, 0, 0, 0, 2], o);
    const [d, ...rest] = decodeTinyFaceDetector(out, size);
    expect(rest).toEqual([]);
    const [aw, ah] = TINY_ANCHORS[2]!;
    expect(d!.score).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
    expect(d!.box.width).toBeCloseTo(aw / 2, 12);
    expect(d!.box.height).toBeCloseTo(ah / 2, 12);
    expect(d!.box.x + d!.box.width / 2).toBeCloseTo(0.5 / 2, 12);
    expect(d!.box.y + d!.box.height / 2).toBeCloseTo(1.5 / 2, 12);
    expect(decodeTinyFaceDetector(out, size, { scoreThreshold: 0.9 })).toEqual([]);
  });

  it('nonMaxSuppression agrees with face-api ops/nonMaxSuppression on seeded boxes', async () => {
    const { faceapi } = await referenceDetectors();
    const next = seededRandom(41);
    const rects = Array.from({ length: 200 }, () => ({
      x: next(),
      y: next(),
      width: 0.05 + next() * 0.3,
      height: 0.05 + next() * 0.3,
    }));
    const scores = rects.map(() => next());
    for (const [iou, isIou] of [
      [0.4, true],
      [0.5, false],
    ] as const) {
      const theirs = faceapi.nonMaxSuppression(
        rects.map((r) => new faceapi.Rect(r.x, r.y, r.width, r.height)),
        scores,
        iou,
        isIou,
      );
      expect(theirs.length).toBeGreaterThan(10);
      expect(nonMaxSuppression(rects, scores, iou, isIou)).toEqual(theirs);
    }
  });
});

describe('tiny on the demo photos vs the oracle (input 416, scoreThreshold 0.5, IoU 0.4)', () => {
  it('finds the same faces: boxes within 1 px, scores within 1e-3', async () => {
    const size = 416;
    const run = await context.checked('build', () => buildTinyFaceDetectorRun(context, weights, size, 1));
    const frame = new FrameTexture(context, 'demo');
    let worstBox = 0;
    let worstScore = 0;
    const started = performance.now();
    for (const expected of oracle.images) {
      const jpeg = decodeJpeg(readFileSync(join(faceApiDir(), 'demo', expected.image)), {
        useTArray: true,
        formatAsRGBA: true,
      });
      const texture = frame.uploadRgba({ width: jpeg.width, height: jpeg.height, data: jpeg.data });
      const image = imageToTensor(context, texture, {
        outH: size,
        outW: size,
        canvas: padToSquare(jpeg.width, jpeg.height, 'bottom-right'),
        normalise: NORMALISATIONS.tinyFaceDetector,
        output: run.input,
        label: 'demo-input',
      });
      await context.checked('tiny', () => submit(context, [image.dispatch, ...run.dispatches], 'tiny-demo'));
      const raw = await readTensor(context, run.outputs[0]!);
      const found = decodeTinyFaceDetector(raw, size, { scoreThreshold: 0.5 }).map((d) =>
        toFrameDetection(d, jpeg.width, jpeg.height, size),
      );
      // The oracle lists faces left to right; ours come best score first.
      found.sort((a, b) => a.box.x - b.box.x);
      expect(found.length, expected.image).toBe(expected.tiny.length);
      expected.tiny.forEach((face, i) => {
        const ours = found[i]!;
        const boxError = Math.max(
          Math.abs(ours.box.x - face.box.x),
          Math.abs(ours.box.y - face.box.y),
          Math.abs(ours.box.width - face.box.width),
          Math.abs(ours.box.height - face.box.height),
        );
        worstBox = Math.max(worstBox, boxError);
        worstScore = Math.max(worstScore, Math.abs(ours.score - face.score));
        expect(boxError, `${expected.image} face ${i} box`).toBeLessThanOrEqual(1);
        expect(Math.abs(ours.score - face.score), `${expected.image} face ${i} score`).toBeLessThanOrEqual(1e-3);
      });
    }
    console.log(
      `tiny demo photos: ${oracle.images.length} images in ${(performance.now() - started).toFixed(0)} ms; ` +
        `worst box error ${worstBox.toFixed(4)} px, worst score error ${worstScore.toExponential(2)}`,
    );
    frame.destroy();
    destroyRun(run);
  });
});
