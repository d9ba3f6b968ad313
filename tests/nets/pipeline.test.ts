// The whole pipeline (FaceEngine) on the six demo photos vs face-api's golden outputs.
// Tolerances (oracle README): boxes within 1 px, landmarks within 0.5 px given the golden box,
// descriptors within L2 0.02 of golden for the whole pipeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaceEngine } from '../../src/engine/face-engine';
import type { RgbaImage } from '../../src/engine/face-engine-types';
import { nodeFileSource } from '../../src/engine/weights/node-source';
import { demoPhoto } from '../helpers/images';
import { modelDir } from '../helpers/models';
import { golden } from '../helpers/oracle';

const l2 = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
};

let engine: FaceEngine;
const photos = new Map<string, RgbaImage>();
const photo = (name: string) => {
  if (!photos.has(name)) photos.set(name, demoPhoto(name));
  return photos.get(name)!;
};

beforeAll(async () => {
  // Single scale: exactly face-api's detector input, for parity.
  engine = await FaceEngine.create({ source: nodeFileSource(modelDir()), detector: { views: 'frame' } });
});
afterAll(() => engine?.dispose());

describe.each(golden.images.map((image) => [image.image, image] as const))('%s', (name, image) => {
  it(`SSD finds the same ${image.ssd.length} faces, boxes within 1 px`, async () => {
    const analysis = await engine.analyze(photo(name));
    expect(analysis.faces.length).toBe(image.ssd.length);
    for (const want of image.ssd) {
      const match = analysis.faces.find(
        (f) => Math.abs(f.box.x - want.box.x) < 1 && Math.abs(f.box.y - want.box.y) < 1,
      );
      expect(match, `face at ${want.box.x},${want.box.y}`).toBeDefined();
      expect(Math.abs(match!.box.width - want.box.width)).toBeLessThan(1);
      expect(Math.abs(match!.box.height - want.box.height)).toBeLessThan(1);
      expect(Math.abs(match!.score - want.score)).toBeLessThan(1e-3);
    }
  });

  it('landmarks from the golden boxes within 0.5 px; descriptors within 0.02', async () => {
    const frame = photo(name);
    const landmarks = await engine.landmarksFor(
      frame,
      image.ssd.map((f) => f.box),
    );
    image.ssd.forEach((want, i) => {
      let worst = 0;
      want.landmarks68.forEach(([x, y], k) => {
        worst = Math.max(worst, Math.hypot(landmarks[i]![2 * k]! - x, landmarks[i]![2 * k + 1]! - y));
      });
      expect(worst, `face ${i} landmark error (px)`).toBeLessThan(0.5);
    });
    const faces = image.ssd.map((f, i) => ({ box: f.box, score: f.score, landmarks: landmarks[i]! }));
    const crop = await engine.embedMany(frame, faces, { alignment: 'face-api-crop' });
    const chip = await engine.embedMany(frame, faces, { alignment: 'dlib-chip' });
    image.ssd.forEach((want, i) => {
      expect(l2(crop[i]!, want.descriptor), `face ${i} face-api crop`).toBeLessThan(0.02);
      expect(l2(chip[i]!, want.descriptorDlibChip150pad025), `face ${i} dlib chip`).toBeLessThan(0.02);
    });
  });
});
