// similarity-warp WGSL vs the plain-TS reference over identity, shifted, rotated, scaled and mirrored
// maps, maps reaching partly or wholly outside the frame, batch slots, and a dlib face chip.
// Tolerance 1e-4 absolute on the normalised values (255 * 1e-4 on raw 0..255 outputs); maps that land on
// texel centres must be exact.
import { describe, expect, it } from 'vitest';
import {
  applyAffine,
  dlibTemplatePoint,
  getFaceChipDetails,
  type Affine2x3,
  type Point,
} from '../../src/engine/alignment';
import { submit } from '../../src/engine/kernels/dispatch';
import { NORMALISATIONS, type Normalisation } from '../../src/engine/kernels/image-to-tensor';
import { similarityWarp } from '../../src/engine/kernels/similarity-warp';
import { similarityWarpReference } from '../../src/engine/reference/similarity-warp';
import { createTensor, readTensor } from '../../src/engine/tensor';
import { expectExact } from '../helpers/compare';
import { runKernel, testContext } from '../helpers/gpu';
import { expectAbsClose, frameTexture, randomRgba } from '../helpers/image';

const TOLERANCE = 1e-4;
/** Raw (0..255) outputs are held to the same precision on the byte scale: 255 * 1e-4. */
const toleranceFor = (n: Normalisation) => (n === NORMALISATIONS.raw ? 255 * TOLERANCE : TOLERANCE);

/** Output -> frame similarity: rotate by `degrees` and scale about the output centre, then move that
 *  centre to (cx,cy) of the frame. */
function similarity(degrees: number, scale: number, out: [number, number], cx: number, cy: number): Affine2x3 {
  const r = (degrees * Math.PI) / 180;
  const a = Math.cos(r) * scale;
  const b = Math.sin(r) * scale;
  const [ox, oy] = [(out[0] - 1) / 2, (out[1] - 1) / 2];
  return [a, -b, cx - (a * ox - b * oy), b, a, cy - (b * ox + a * oy)];
}

interface Case {
  name: string;
  frame: [number, number];
  out: [number, number]; // outW, outH
  matrix: Affine2x3;
  normalise: Normalisation;
  flip?: boolean;
}

const cases: Case[] = [
  {
    name: 'half-pixel shift',
    frame: [17, 13],
    out: [17, 13],
    matrix: [1, 0, 0.5, 0, 1, -0.5],
    normalise: NORMALISATIONS.faceApi,
  },
  {
    name: 'rotate 30 scale 0.8 inside',
    frame: [40, 32],
    out: [21, 19],
    matrix: similarity(30, 0.8, [21, 19], 20, 16),
    normalise: NORMALISATIONS.faceApi,
  },
  {
    name: 'rotate -20 scale 1.3 partly outside',
    frame: [31, 23],
    out: [25, 25],
    matrix: similarity(-20, 1.3, [25, 25], 4, 20),
    normalise: NORMALISATIONS.faceApi,
  },
  {
    name: 'upscale 0.37 px per output px',
    frame: [15, 11],
    out: [33, 27],
    matrix: similarity(0, 0.37, [33, 27], 7.2, 5.1),
    normalise: NORMALISATIONS.ssdMobilenet,
  },
  {
    name: 'downscale 2.3 rotate 75',
    frame: [48, 40],
    out: [13, 11],
    matrix: similarity(75, 2.3, [13, 11], 24, 20),
    normalise: NORMALISATIONS.faceApi,
  },
  {
    name: 'rotate 90',
    frame: [20, 14],
    out: [14, 20],
    matrix: similarity(90, 1, [14, 20], 9.5, 6.5),
    normalise: NORMALISATIONS.raw,
  },
  {
    name: 'rotate -135 scale 0.6',
    frame: [26, 26],
    out: [23, 17],
    matrix: similarity(-135, 0.6, [23, 17], 12.3, 14.8),
    normalise: NORMALISATIONS.faceApi,
  },
  {
    name: 'wholly outside',
    frame: [16, 16],
    out: [9, 9],
    matrix: similarity(10, 1, [9, 9], 60, -40),
    normalise: NORMALISATIONS.faceApi,
  },
  {
    name: 'general affine (shear)',
    frame: [24, 18],
    out: [19, 15],
    matrix: [0.9, 0.3, 2.2, -0.2, 1.1, 1.7],
    normalise: NORMALISATIONS.faceApi,
  },
  {
    name: 'rotate 30 flip',
    frame: [40, 32],
    out: [21, 19],
    matrix: similarity(30, 0.8, [21, 19], 20, 16),
    normalise: NORMALISATIONS.faceApi,
    flip: true,
  },
  {
    name: 'partly outside flip',
    frame: [31, 23],
    out: [25, 25],
    matrix: similarity(-20, 1.3, [25, 25], 4, 20),
    normalise: NORMALISATIONS.raw,
    flip: true,
  },
  { name: '1x1 output', frame: [9, 7], out: [1, 1], matrix: [1, 0, 3.25, 0, 1, 2.75], normalise: NORMALISATIONS.raw },
];

describe('similarity-warp', () => {
  it.each(
    cases.map((c, i) => [`${c.name}: frame=${c.frame[0]}x${c.frame[1]} out=${c.out[0]}x${c.out[1]}`, c, i] as const),
  )('%s', async (_name, c, seed) => {
    const context = await testContext();
    const image = randomRgba(c.frame[0], c.frame[1], 300 + seed);
    const options = { outW: c.out[0], outH: c.out[1], matrix: c.matrix, normalise: c.normalise, flip: c.flip };
    const expected = similarityWarpReference(image, options);
    const { output, data } = await runKernel(context, () =>
      similarityWarp(context, frameTexture(context, image), options),
    );
    expect(output.shape).toEqual([1, c.out[1], c.out[0], 3]);
    expectAbsClose(data, expected, toleranceFor(c.normalise));
  });

  it('identity and integer shifts copy bytes exactly, zero outside (frame=19x14)', async () => {
    const context = await testContext();
    const image = randomRgba(19, 14, 21);
    const frame = frameTexture(context, image);
    for (const [dx, dy] of [
      [0, 0],
      [3, -2],
      [-5, 4],
    ] as const) {
      const options = { outW: 22, outH: 16, matrix: [1, 0, dx, 0, 1, dy] as Affine2x3, normalise: NORMALISATIONS.raw };
      const { data } = await runKernel(context, () => similarityWarp(context, frame, options));
      const want = new Float32Array(22 * 16 * 3);
      for (let y = 0; y < 16; y++) {
        for (let x = 0; x < 22; x++) {
          const [fx, fy] = [x + dx, y + dy];
          if (fx < 0 || fy < 0 || fx >= 19 || fy >= 14) continue;
          for (let ch = 0; ch < 3; ch++) want[(y * 22 + x) * 3 + ch] = image.data[(fy * 19 + fx) * 4 + ch]!;
        }
      }
      expectExact(data, want);
    }
  });

  it('dlib face chip 150x150 (padding 0.25) from synthetic landmarks, partly outside a 120x96 frame', async () => {
    const context = await testContext();
    const image = randomRgba(120, 96, 22);
    // Landmarks: the dlib template of a 150 px chip, rotated 12 degrees, scaled 0.45, near the top-left.
    const r = (12 * Math.PI) / 180;
    const toFrame = (p: Point): Point => [
      10 + 0.45 * (Math.cos(r) * p[0] - Math.sin(r) * p[1]),
      -8 + 0.45 * (Math.sin(r) * p[0] + Math.cos(r) * p[1]),
    ];
    const landmarks = Array.from({ length: 68 }, (_, i) =>
      toFrame(i >= 17 ? dlibTemplatePoint(i, 150, 0.25) : [75, 140]),
    );
    const chip = getFaceChipDetails(landmarks, 150, 0.25);
    const nose = applyAffine(chip.matrix, [75, 75]);
    expect(nose[0]).toBeGreaterThan(0); // the chip straddles the frame's top edge
    const options = { outW: 150, outH: 150, matrix: chip.matrix, normalise: NORMALISATIONS.faceApi };
    const { data } = await runKernel(context, () => similarityWarp(context, frameTexture(context, image), options));
    expectAbsClose(data, similarityWarpReference(image, options), TOLERANCE);
  });

  it('keeps 1e-4 far from the origin: rotated 150x150 chip around (1700,950) of a 1920x1080 noise frame', async () => {
    const context = await testContext();
    const image = randomRgba(1920, 1080, 24);
    const options = {
      outW: 150,
      outH: 150,
      matrix: similarity(-27, 1.93, [150, 150], 1700.3, 950.6),
      normalise: NORMALISATIONS.faceApi,
    };
    const { data } = await runKernel(context, () => similarityWarp(context, frameTexture(context, image), options));
    expectAbsClose(data, similarityWarpReference(image, options), TOLERANCE);
  });

  it('writes batch slots 1 and 2 of a [3,12,12,3] tensor, update() changes the matrix', async () => {
    const context = await testContext();
    const image = randomRgba(30, 30, 23);
    const frame = frameTexture(context, image);
    const batch = createTensor(context, [3, 12, 12, 3], 'batch');
    const m1 = similarity(15, 1.1, [12, 12], 12, 14);
    const m2 = similarity(-40, 0.7, [12, 12], 20, 9);
    const calls = await context.checked('batch', () => [
      similarityWarp(context, frame, {
        outH: 12,
        outW: 12,
        matrix: m1,
        normalise: NORMALISATIONS.faceApi,
        output: batch,
        batchIndex: 1,
      }),
      similarityWarp(context, frame, {
        outH: 12,
        outW: 12,
        matrix: m1,
        normalise: NORMALISATIONS.faceApi,
        output: batch,
        batchIndex: 2,
      }),
    ]);
    calls[1]!.update({ matrix: m2, normalise: NORMALISATIONS.ssdMobilenet, flip: true });
    submit(
      context,
      calls.map((call) => call.dispatch),
    );
    const data = await readTensor(context, batch);
    const slot = 12 * 12 * 3;
    expectExact(data.subarray(0, slot), new Float32Array(slot));
    expectAbsClose(
      data.subarray(slot, 2 * slot),
      similarityWarpReference(image, { outH: 12, outW: 12, matrix: m1, normalise: NORMALISATIONS.faceApi }),
      TOLERANCE,
    );
    expectAbsClose(
      data.subarray(2 * slot),
      similarityWarpReference(image, {
        outH: 12,
        outW: 12,
        matrix: m2,
        normalise: NORMALISATIONS.ssdMobilenet,
        flip: true,
      }),
      TOLERANCE,
    );
  });
});
