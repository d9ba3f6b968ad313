// SSD's views of a frame (detection-stage.ts): a face that fills the frame is missed by face-api's view
// alone and found by the zoomed-out view; 'adaptive' adds that view only when the first found no face
// at the centre, so on an ordinary photo it returns exactly what 'frame' returns.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaceEngine } from '../../src/engine/face-engine';
import type { RgbaImage } from '../../src/engine/face-engine-types';
import type { Box, DetectorViews } from '../../src/engine/index';
import { boxContains } from '../../src/engine/nets/detection';
import { nodeFileSource } from '../../src/engine/weights/node-source';
import { decodeJpeg } from '../helpers/images';
import { modelDir } from '../helpers/models';

const LFW = 'tests/fixtures/lfw/lfw-deepfunneled';
const lfwImages = readdirSync(LFW).flatMap((person) =>
  readdirSync(join(LFW, person)).map((file) => join(LFW, person, file)),
);

/** The centre `size`×`size` of an image, scaled up 2× (a face filling a webcam frame: at 130 of LFW's 250
 * px the chin and forehead touch the edges). */
function centreCrop(image: RgbaImage, size: number): RgbaImage {
  const out = new Uint8Array(4 * 4 * size * size);
  const x0 = (image.width - size) >> 1;
  const y0 = (image.height - size) >> 1;
  for (let y = 0; y < 2 * size; y++) {
    for (let x = 0; x < 2 * size; x++) {
      const from = 4 * ((y0 + (y >> 1)) * image.width + x0 + (x >> 1));
      out.set(image.data.subarray(from, from + 4), 4 * (y * 2 * size + x));
    }
  }
  return { width: 2 * size, height: 2 * size, data: out };
}

const engines = new Map<DetectorViews, FaceEngine>();
beforeAll(async () => {
  for (const views of ['frame', 'adaptive'] as const) {
    engines.set(views, await FaceEngine.create({ source: nodeFileSource(modelDir()), detector: { views } }));
  }
});
afterAll(() => engines.forEach((engine) => engine.dispose()));

const centred = (image: RgbaImage) => (face: { box: Box }) => boxContains(face.box, image.width / 2, image.height / 2);

describe('detector views', () => {
  it("adaptive equals face-api's view when that view finds the central face", async () => {
    const image = decodeJpeg(lfwImages[0]!);
    const frame = await engines.get('frame')!.analyze(image);
    const adaptive = await engines.get('adaptive')!.analyze(image);
    expect(frame.faces.some(centred(image))).toBe(true);
    expect(adaptive.faces.map((f) => f.box)).toEqual(frame.faces.map((f) => f.box));
  });

  it("adaptive finds faces that fill the frame, which face-api's view misses", async () => {
    let missedByFrame = 0;
    for (const path of lfwImages.slice(0, 4)) {
      const image = centreCrop(decodeJpeg(path), 130);
      const frame = await engines.get('frame')!.analyze(image);
      const adaptive = await engines.get('adaptive')!.analyze(image);
      if (!frame.faces.some(centred(image))) missedByFrame++;
      expect(adaptive.faces.some(centred(image)), path).toBe(true);
    }
    expect(missedByFrame).toBeGreaterThan(0);
  });
});
