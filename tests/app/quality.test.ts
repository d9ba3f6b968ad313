// Quality gates on real landmarks (the engine's output for LFW photos as the e2e camera shows them)
// and on synthetic cases for each gate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DetectedFace } from '../../src/app/engine-facade';
import { regionStats, rgbaToGrey } from '../../src/app/logic/pixel-stats';
import {
  ENROLL_THRESHOLDS,
  HINTS,
  VERIFY_THRESHOLDS,
  estimatePose,
  evaluateQuality,
} from '../../src/app/logic/quality';

interface FixtureFace {
  image: string;
  label: 'frontal' | 'turned';
  box: DetectedFace['box'];
  landmarks: number[];
}

const fixture: { faces: FixtureFace[] } = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'lfw-landmarks.json'), 'utf8'),
);
const faceOf = (f: FixtureFace): DetectedFace => ({
  box: f.box,
  score: 0.99,
  landmarks: Float32Array.from(f.landmarks),
});
const frontal = fixture.faces.find((f) => f.image === 'Colin_Powell_0002.jpg')!;
const turned = fixture.faces.find((f) => f.image === 'Colin_Powell_0001.jpg')!;
const goodRegion = { brightness: 128, sharpness: 120 };

/** Landmarks moved rigidly: rotated by `degrees` about the eye midpoint, shifted by (dx, dy). */
function transformed(face: DetectedFace, degrees: number, dx = 0, dy = 0): DetectedFace {
  const l = face.landmarks;
  let cx = 0;
  let cy = 0;
  for (let i = 36; i <= 47; i++) {
    cx += l[2 * i]! / 12;
    cy += l[2 * i + 1]! / 12;
  }
  const a = (degrees * Math.PI) / 180;
  const out = new Float32Array(l.length);
  for (let i = 0; i < l.length; i += 2) {
    const x = l[i]! - cx;
    const y = l[i + 1]! - cy;
    out[i] = cx + dx + x * Math.cos(a) - y * Math.sin(a);
    out[i + 1] = cy + dy + x * Math.sin(a) + y * Math.cos(a);
  }
  return { ...face, landmarks: out };
}

describe('estimatePose', () => {
  it.each(fixture.faces.filter((f) => f.label === 'frontal').map((f) => [f.image, f] as const))(
    '%s (frontal photo) is within 15° on every axis',
    (_, face) => {
      const pose = estimatePose(faceOf(face).landmarks);
      expect(Math.abs(pose.yaw)).toBeLessThan(15);
      expect(Math.abs(pose.pitch)).toBeLessThan(15);
      expect(Math.abs(pose.roll)).toBeLessThan(15);
    },
  );

  it('Colin_Powell_0001.jpg (head turned) has a yaw over 20°', () => {
    expect(Math.abs(estimatePose(faceOf(turned).landmarks).yaw)).toBeGreaterThan(20);
  });

  it('roll follows an in-plane rotation; yaw and pitch do not', () => {
    const base = estimatePose(faceOf(frontal).landmarks);
    for (const degrees of [-30, -10, 15, 25]) {
      const pose = estimatePose(transformed(faceOf(frontal), degrees, 40, -25).landmarks);
      expect(pose.roll - base.roll).toBeCloseTo(degrees, 3);
      expect(pose.yaw).toBeCloseTo(base.yaw, 3);
      expect(pose.pitch).toBeCloseTo(base.pitch, 3);
    }
  });

  it('rejects a landmark array that is not 68 points', () => {
    expect(() => estimatePose(new Float32Array(10))).toThrow(/68 landmarks/);
  });
});

describe('evaluateQuality', () => {
  const frame = { frameWidth: 640, frameHeight: 480 };

  it('passes a frontal, large, sharp, well lit single face', () => {
    const report = evaluateQuality({ ...frame, faces: [faceOf(frontal)], region: goodRegion }, ENROLL_THRESHOLDS);
    expect(report.passed).toBe(true);
    expect(report.hint).toBeNull();
    expect(report.checks.map((c) => c.id)).toEqual(['face-count', 'size', 'pose', 'sharpness', 'lighting']);
    expect(report.checks.every((c) => c.passed)).toBe(true);
  });

  it('no face: the no-face hint, every check pending', () => {
    const report = evaluateQuality({ ...frame, faces: [], region: null }, ENROLL_THRESHOLDS);
    expect(report.passed).toBe(false);
    expect(report.hint).toBe(HINTS.noFace);
    expect(report.pose).toBeNull();
    expect(report.checks.some((c) => c.passed)).toBe(false);
  });

  it('two faces: the several-faces hint', () => {
    const report = evaluateQuality(
      { ...frame, faces: [faceOf(frontal), faceOf(frontal)], region: goodRegion },
      ENROLL_THRESHOLDS,
    );
    expect(report.passed).toBe(false);
    expect(report.hint).toBe(HINTS.severalFaces);
  });

  it('face narrower than 20% of the frame: move closer (1280 px frame, 161 px face)', () => {
    const report = evaluateQuality(
      { frameWidth: 1280, frameHeight: 960, faces: [faceOf(frontal)], region: goodRegion },
      ENROLL_THRESHOLDS,
    );
    expect(report.hint).toBe(HINTS.tooSmall);
  });

  it('a turned head fails enrollment (20°) but passes verification (30°)', () => {
    const input = { ...frame, faces: [faceOf(turned)], region: goodRegion };
    expect(evaluateQuality(input, ENROLL_THRESHOLDS).hint).toBe(HINTS.turned);
    expect(evaluateQuality(input, VERIFY_THRESHOLDS).passed).toBe(true);
  });

  it('a head tilted 25° sideways: keep it upright', () => {
    const report = evaluateQuality(
      { ...frame, faces: [transformed(faceOf(frontal), 25)], region: goodRegion },
      ENROLL_THRESHOLDS,
    );
    expect(report.hint).toBe(HINTS.rolled);
  });

  it.each([
    [{ brightness: 128, sharpness: 10 }, HINTS.blurry],
    [{ brightness: 30, sharpness: 120 }, HINTS.tooDark],
    [{ brightness: 240, sharpness: 120 }, HINTS.tooBright],
  ])('region %o: %s', (region, hint) => {
    const report = evaluateQuality({ ...frame, faces: [faceOf(frontal)], region }, ENROLL_THRESHOLDS);
    expect(report.passed).toBe(false);
    expect(report.hint).toBe(hint);
  });
});

describe('regionStats', () => {
  it('a flat grey region: its brightness, no sharpness', () => {
    const stats = regionStats(new Float32Array(16 * 16).fill(90), 16, 16);
    expect(stats.brightness).toBe(90);
    expect(stats.sharpness).toBe(0);
  });

  it('a checkerboard is far sharper than a smooth ramp', () => {
    const size = 32;
    const checker = new Float32Array(size * size).map((_, i) => (((i % size) + Math.floor(i / size)) % 2 ? 200 : 50));
    const ramp = new Float32Array(size * size).map((_, i) => (i % size) * 4);
    expect(regionStats(checker, size, size).sharpness).toBeGreaterThan(1e4);
    expect(regionStats(ramp, size, size).sharpness).toBeLessThan(1e-6);
  });

  it('rgbaToGrey uses BT.709 luma', () => {
    const grey = rgbaToGrey(Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255]));
    expect(Array.from(grey).map((v) => Math.round(v * 100) / 100)).toEqual([54.21, 182.38, 18.41, 255]);
  });

  it('refuses a size that does not match the pixels', () => {
    expect(() => regionStats(new Float32Array(10), 4, 4)).toThrow();
  });
});
