// image-to-tensor WGSL vs the plain-TS reference (tfjs cpu ResizeBilinear arithmetic) over crops inside
// and partly outside the frame, centred and bottom-right padding, up- and downscaling, odd sizes, flip
// and batch slots; and once against tfjs itself. Tolerance 1e-4 absolute on the normalised values
// (255 * 1e-4 on raw 0..255 outputs, 1e-3 against tfjs); resizes that map pixels onto pixels must be exact.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  imageToTensor,
  NORMALISATIONS,
  padToSquare,
  type CanvasPlacement,
  type Normalisation,
  type PixelRect,
} from '../../src/engine/kernels/image-to-tensor';
import { imageToTensorReference } from '../../src/engine/reference/image-to-tensor';
import { createTensor, readTensor } from '../../src/engine/tensor';
import { submit } from '../../src/engine/kernels/dispatch';
import { expectExact } from '../helpers/compare';
import { runKernel, testContext } from '../helpers/gpu';
import { expectAbsClose, frameTexture, randomRgba } from '../helpers/image';

const TOLERANCE = 1e-4;
/** Raw (0..255) outputs are held to the same precision on the byte scale: 255 * 1e-4. */
const toleranceFor = (n: Normalisation) => (n === NORMALISATIONS.raw ? 255 * TOLERANCE : TOLERANCE);
const TFJS_TOLERANCE = 1e-3;

interface Case {
  frame: [number, number]; // width, height
  crop?: PixelRect;
  pad?: 'centred' | 'bottom-right';
  canvas?: CanvasPlacement;
  out: [number, number]; // outW, outH
  normalise: Normalisation;
  flip?: boolean;
}

const cropName = (c?: PixelRect) => (c ? `crop=(${c.x},${c.y},${c.width}x${c.height})` : 'crop=full');

const cases: Case[] = [
  { frame: [23, 17], out: [31, 29], normalise: NORMALISATIONS.faceApi },
  { frame: [23, 17], out: [9, 7], normalise: NORMALISATIONS.faceApi },
  { frame: [40, 30], out: [13, 13], normalise: NORMALISATIONS.ssdMobilenet, pad: 'bottom-right' },
  { frame: [30, 40], out: [13, 13], normalise: NORMALISATIONS.tinyFaceDetector, pad: 'bottom-right' },
  {
    frame: [37, 29],
    crop: { x: 5, y: 3, width: 15, height: 10 },
    pad: 'centred',
    out: [11, 11],
    normalise: NORMALISATIONS.faceApi,
  },
  {
    frame: [37, 29],
    crop: { x: 5, y: 3, width: 10, height: 15 },
    pad: 'centred',
    out: [20, 20],
    normalise: NORMALISATIONS.faceApi,
  },
  {
    frame: [37, 29],
    crop: { x: -6, y: 20, width: 14, height: 17 },
    pad: 'centred',
    out: [17, 17],
    normalise: NORMALISATIONS.faceApi,
  },
  {
    frame: [37, 29],
    crop: { x: 30, y: -4, width: 12, height: 9 },
    pad: 'bottom-right',
    out: [25, 25],
    normalise: NORMALISATIONS.raw,
  },
  { frame: [16, 16], crop: { x: 20, y: 20, width: 8, height: 8 }, out: [5, 5], normalise: NORMALISATIONS.faceApi },
  {
    frame: [19, 13],
    crop: { x: 2, y: 1, width: 11, height: 7 },
    canvas: { width: 20, height: 15, padLeft: 4, padTop: 3 },
    out: [33, 10],
    normalise: NORMALISATIONS.faceApi,
  },
  { frame: [23, 17], out: [31, 29], normalise: NORMALISATIONS.faceApi, flip: true },
  {
    frame: [37, 29],
    crop: { x: -3, y: 2, width: 20, height: 11 },
    pad: 'centred',
    out: [15, 15],
    normalise: NORMALISATIONS.faceApi,
    flip: true,
  },
  { frame: [64, 48], out: [1, 1], normalise: NORMALISATIONS.raw },
  { frame: [1, 1], out: [3, 2], normalise: NORMALISATIONS.raw },
  {
    frame: [150, 113],
    crop: { x: 21, y: 7, width: 97, height: 101 },
    pad: 'centred',
    out: [112, 112],
    normalise: NORMALISATIONS.faceApi,
  },
];

function caseCanvas(c: Case): CanvasPlacement | undefined {
  if (c.canvas) return c.canvas;
  if (!c.pad) return undefined;
  const crop = c.crop ?? { x: 0, y: 0, width: c.frame[0], height: c.frame[1] };
  return padToSquare(crop.width, crop.height, c.pad);
}

describe('padToSquare (face-api padToSquare placement)', () => {
  it('bottom-right puts all padding after the image', () => {
    expect(padToSquare(10, 15, 'bottom-right')).toEqual({ width: 15, height: 15, padLeft: 0, padTop: 0 });
    expect(padToSquare(15, 10, 'bottom-right')).toEqual({ width: 15, height: 15, padLeft: 0, padTop: 0 });
  });
  it('centred appends round(diff/2) and prepends the rest', () => {
    expect(padToSquare(10, 15, 'centred')).toEqual({ width: 15, height: 15, padLeft: 2, padTop: 0 });
    expect(padToSquare(15, 11, 'centred')).toEqual({ width: 15, height: 15, padLeft: 0, padTop: 2 });
    expect(padToSquare(12, 12, 'centred')).toEqual({ width: 12, height: 12, padLeft: 0, padTop: 0 });
  });
});

describe('image-to-tensor', () => {
  it.each(
    cases.map(
      (c, i) =>
        [
          `frame=${c.frame[0]}x${c.frame[1]} ${cropName(c.crop)} pad=${c.canvas ? 'explicit' : (c.pad ?? 'none')} out=${c.out[0]}x${c.out[1]}${c.flip ? ' flip' : ''}`,
          c,
          i,
        ] as const,
    ),
  )('%s', async (_name, c, seed) => {
    const context = await testContext();
    const image = randomRgba(c.frame[0], c.frame[1], 100 + seed);
    const options = {
      outW: c.out[0],
      outH: c.out[1],
      crop: c.crop,
      canvas: caseCanvas(c),
      normalise: c.normalise,
      flip: c.flip,
    };
    const expected = imageToTensorReference(image, options);
    const { output, data } = await runKernel(context, () =>
      imageToTensor(context, frameTexture(context, image), options),
    );
    expect(output.shape).toEqual([1, c.out[1], c.out[0], 3]);
    expectAbsClose(data, expected, toleranceFor(c.normalise));
  });

  it('same-size resize reproduces the bytes exactly (frame=21x13, crop partly outside, raw)', async () => {
    const context = await testContext();
    const image = randomRgba(21, 13, 7);
    const crop = { x: -2, y: 3, width: 9, height: 12 };
    const options = { outW: 12, outH: 12, crop, canvas: padToSquare(9, 12, 'centred'), normalise: NORMALISATIONS.raw };
    const { data } = await runKernel(context, () => imageToTensor(context, frameTexture(context, image), options));
    const want = new Float32Array(12 * 12 * 3);
    for (let y = 0; y < 12; y++) {
      for (let x = 0; x < 12; x++) {
        const fx = crop.x + x - 1; // padLeft = 3 - round(1.5) = 1
        const fy = crop.y + y;
        if (x < 1 || x >= 10 || fx < 0 || fy >= 13) continue;
        for (let ch = 0; ch < 3; ch++) want[(y * 12 + x) * 3 + ch] = image.data[(fy * 21 + fx) * 4 + ch]!;
      }
    }
    expectExact(data, want);
    expectExact(data, imageToTensorReference(image, options));
  });

  it('writes batch slots 0 and 2 of a [3,14,14,3] tensor and leaves slot 1 alone', async () => {
    const context = await testContext();
    const image = randomRgba(33, 27, 11);
    const frame = frameTexture(context, image);
    const batch = createTensor(context, [3, 14, 14, 3], 'batch');
    const faces = [
      { crop: { x: 2, y: 4, width: 12, height: 15 }, batchIndex: 0 },
      { crop: { x: 20, y: 10, width: 16, height: 13 }, batchIndex: 2, flip: true },
    ];
    const calls = await context.checked('batch', () =>
      faces.map((f) =>
        imageToTensor(context, frame, {
          outH: 14,
          outW: 14,
          crop: f.crop,
          canvas: padToSquare(f.crop.width, f.crop.height, 'centred'),
          normalise: NORMALISATIONS.faceApi,
          flip: f.flip,
          output: batch,
          batchIndex: f.batchIndex,
        }),
      ),
    );
    submit(
      context,
      calls.map((call) => call.dispatch),
    );
    const data = await readTensor(context, batch);
    const slot = 14 * 14 * 3;
    for (const f of faces) {
      const expected = imageToTensorReference(image, {
        outH: 14,
        outW: 14,
        crop: f.crop,
        canvas: padToSquare(f.crop.width, f.crop.height, 'centred'),
        normalise: NORMALISATIONS.faceApi,
        flip: f.flip,
      });
      expectAbsClose(data.subarray(f.batchIndex * slot, (f.batchIndex + 1) * slot), expected, TOLERANCE);
    }
    expectExact(data.subarray(slot, 2 * slot), new Float32Array(slot));
  });

  it('update() rewrites the crop of an existing call (frame=29x23, out=10x10)', async () => {
    const context = await testContext();
    const image = randomRgba(29, 23, 12);
    const first = {
      outH: 10,
      outW: 10,
      crop: { x: 1, y: 1, width: 12, height: 12 },
      normalise: NORMALISATIONS.faceApi,
    };
    const call = await context.checked('build', () => imageToTensor(context, frameTexture(context, image), first));
    const second = {
      crop: { x: 14, y: 5, width: 17, height: 11 },
      canvas: padToSquare(17, 11, 'centred'),
      normalise: NORMALISATIONS.ssdMobilenet,
      flip: true,
    };
    call.update(second);
    submit(context, [call.dispatch]);
    expectAbsClose(
      await readTensor(context, call.output),
      imageToTensorReference(image, { outH: 10, outW: 10, ...second }),
      TOLERANCE,
    );
  });

  it('reads rows from an upload with padded bytesPerRow (frame=13x9, stride 64)', async () => {
    const context = await testContext();
    const packed = randomRgba(13, 9, 13);
    const stride = 64;
    const padded = new Uint8Array(stride * 9).fill(77);
    for (let y = 0; y < 9; y++) padded.set(packed.data.subarray(y * 52, (y + 1) * 52), y * stride);
    const image = { width: 13, height: 9, data: padded, bytesPerRow: stride };
    const options = { outH: 9, outW: 13, normalise: NORMALISATIONS.raw };
    const { data } = await runKernel(context, () => imageToTensor(context, frameTexture(context, image), options));
    expectExact(data, imageToTensorReference(packed, options));
  });

  it('rejects a batch index outside the output', async () => {
    const context = await testContext();
    const frame = frameTexture(context, randomRgba(4, 4, 1));
    const output = createTensor(context, [2, 4, 4, 3]);
    expect(() =>
      imageToTensor(context, frame, { outH: 4, outW: 4, normalise: NORMALISATIONS.raw, output, batchIndex: 2 }),
    ).toThrow(/batch index/);
  });
});

describe('image-to-tensor vs tfjs', () => {
  it.each([
    [19, 14, 31, 23],
    [40, 33, 16, 16],
    [25, 25, 112, 112],
  ] as const)(
    'tf.image.resizeBilinear frame=%ix%i out=%ix%i (cpu backend), tolerance 1e-3',
    async (w, h, outW, outH) => {
      // Load tfjs the way the brief asks; a failure here is reported, never skipped.
      const tf = createRequire(import.meta.url)('@tensorflow/tfjs') as typeof import('@tensorflow/tfjs');
      await tf.setBackend('cpu');
      await tf.ready();
      expect(tf.getBackend()).toBe('cpu');

      const context = await testContext();
      const image = randomRgba(w, h, 500 + w);
      const rgb = new Float32Array(w * h * 3);
      for (let i = 0; i < w * h; i++) for (let c = 0; c < 3; c++) rgb[i * 3 + c] = image.data[i * 4 + c]!;
      const norm = NORMALISATIONS.faceApi;
      const expected = tf.tidy(() => {
        const x = tf.tensor4d(rgb, [1, h, w, 3]);
        const resized = tf.image.resizeBilinear(x, [outH, outW], false, false);
        return resized
          .sub(tf.tensor1d([...norm.mean]))
          .mul(norm.scale)
          .dataSync() as Float32Array;
      });
      const { data } = await runKernel(context, () =>
        imageToTensor(context, frameTexture(context, image), { outH, outW, normalise: norm }),
      );
      expectAbsClose(data, Float32Array.from(expected), TFJS_TOLERANCE);
    },
  );
});
