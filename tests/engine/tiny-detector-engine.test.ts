// The tiny face detector as the engine's detector (FaceEngineOptions.networks.detector): the network
// joined through its descriptor alone, and FaceEngine finds the same faces face-api's tiny detector
// finds on the demo photos (golden boxes within 1 px, scores within 1e-3; input 416, score 0.5, IoU 0.4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaceEngine } from '../../src/engine/face-engine';
import { nodeFileSource } from '../../src/engine/weights/node-source';
import { demoPhoto } from '../helpers/images';
import { modelDir } from '../helpers/models';
import { golden } from '../helpers/oracle';

let engine: FaceEngine;
beforeAll(async () => {
  engine = await FaceEngine.create({
    source: nodeFileSource(modelDir()),
    networks: { detector: 'tiny_face_detector' },
    detector: { views: 'frame' },
  });
});
afterAll(() => engine?.dispose());

describe.each(golden.images.slice(0, 3).map((image) => [image.image, image] as const))(
  'tiny detector in FaceEngine: %s',
  (name, image) => {
    it(`finds face-api's ${image.tiny.length} tiny detections`, async () => {
      const found = await engine.detect(demoPhoto(name));
      expect(found.length).toBe(image.tiny.length);
      for (const want of image.tiny) {
        const match = found.find((f) => Math.abs(f.box.x - want.box.x) < 1 && Math.abs(f.box.y - want.box.y) < 1);
        expect(match, `face at ${want.box.x},${want.box.y}`).toBeDefined();
        expect(Math.abs(match!.box.width - want.box.width)).toBeLessThan(1);
        expect(Math.abs(match!.box.height - want.box.height)).toBeLessThan(1);
        expect(Math.abs(match!.score - want.score)).toBeLessThan(1e-3);
      }
    });
  },
);
