// Head pose on real photos whose direction is plain to see (tests/fixtures/liveness/README.md), with
// landmarks from the real landmark net as the app's tracker computes them: the net on a fixed centre box
// (deep-funneled LFW centres the face), then on the box those landmarks imply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaceEngine } from '../../src/engine/face-engine';
import { boxFromLandmarks } from '../../src/engine/landmark-box';
import { nodeFileSource } from '../../src/engine/weights/node-source';
import { estimateHeadPose, type HeadPose } from '../../src/liveness/head-pose';
import { PITCH_AT_FRONTAL_DEG } from '../../src/liveness/liveness-check';
import { decodeJpeg } from '../helpers/images';
import { modelDir } from '../helpers/models';

let engine: FaceEngine;
const poses = new Map<string, HeadPose>();

beforeAll(async () => {
  engine = await FaceEngine.create({ source: nodeFileSource(modelDir()) });
  for (const name of [
    'Gerry_Adams_0001',
    'Igor_Ivanov_0014',
    'Mohammad_Khatami_0010',
    'Fernando_Gonzalez_0003',
    'Bill_Graham_0003',
  ]) {
    const image = decodeJpeg(`tests/fixtures/liveness/${name}.jpg`);
    const [first] = await engine.landmarksFor(image, [{ x: 77.5, y: 70, width: 93.75, height: 116.25 }]);
    const [landmarks] = await engine.landmarksFor(image, [boxFromLandmarks(first!)]);
    poses.set(name, estimateHeadPose(landmarks!));
  }
});
afterAll(() => engine?.dispose());

describe('estimateHeadPose on LFW photos', () => {
  it('a frontal face: yaw and roll within 8°, pitch within 8° of the frontal level, mouth closed', () => {
    const pose = poses.get('Gerry_Adams_0001')!;
    expect(Math.abs(pose.yawDeg)).toBeLessThan(8);
    expect(Math.abs(pose.rollDeg)).toBeLessThan(8);
    expect(Math.abs(pose.pitchDeg - PITCH_AT_FRONTAL_DEG)).toBeLessThan(8);
    expect(pose.mouthOpenness).toBeLessThan(0.15);
    expect(pose.eyeOpenness).toBeGreaterThan(0.2);
  });

  it('turned to his own left: yaw > +25°', () => {
    expect(poses.get('Igor_Ivanov_0014')!.yawDeg).toBeGreaterThan(25);
  });

  it('turned to his own right: yaw < −25°', () => {
    expect(poses.get('Mohammad_Khatami_0010')!.yawDeg).toBeLessThan(-25);
  });

  it('looking up: pitch > 20° above the frontal level, yaw within 15°', () => {
    const pose = poses.get('Fernando_Gonzalez_0003')!;
    expect(pose.pitchDeg - PITCH_AT_FRONTAL_DEG).toBeGreaterThan(20);
    expect(Math.abs(pose.yawDeg)).toBeLessThan(15);
  });

  it('mouth wide open: openness > 0.4, the others < 0.2', () => {
    expect(poses.get('Bill_Graham_0003')!.mouthOpenness).toBeGreaterThan(0.4);
    for (const name of ['Gerry_Adams_0001', 'Igor_Ivanov_0014', 'Mohammad_Khatami_0010', 'Fernando_Gonzalez_0003']) {
      expect(poses.get(name)!.mouthOpenness).toBeLessThan(0.2);
    }
  });
});
