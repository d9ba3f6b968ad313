// The LFW tool's plumbing: pairs selection, variant names, the append-only cache, refinement geometry.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { boxFromLandmarks, fallbackBox, fitBoxRelation, landmarkBounds } from '../../tools/lfw/geometry';
import { parseFolds, parsePairsCsv, selectPairs, uniqueImages, type LfwPair } from '../../tools/lfw/pairs';
import { decodeVector, encodeVector, JsonlStore } from '../../tools/lfw/store';
import { PIPELINES } from '../../src/app/engine-facade';
import { DEFAULT_VARIANT, detectorId, parseVariant } from '../../tools/lfw/variants';
import { seededRandom } from '../helpers/random';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('pairs', () => {
  const csv = [
    'pair_index,fold,same,image_a,image_b',
    '0,1,1,a/a_0001.jpg,a/a_0002.jpg',
    '1,1,0,a/a_0001.jpg,b/b_0001.jpg',
    '2,2,1,b/b_0001.jpg,b/b_0002.jpg',
    '3,2,0,c/c_0001.jpg,b/b_0002.jpg',
  ].join('\n');

  it('reads the resolved CSV', () => {
    expect(parsePairsCsv(csv)[1]).toEqual({
      index: 1,
      fold: 1,
      same: false,
      imageA: 'a/a_0001.jpg',
      imageB: 'b/b_0001.jpg',
    });
  });

  it('lists each image once', () => {
    expect(uniqueImages(parsePairsCsv(csv))).toEqual([
      'a/a_0001.jpg',
      'a/a_0002.jpg',
      'b/b_0001.jpg',
      'b/b_0002.jpg',
      'c/c_0001.jpg',
    ]);
  });

  it('parses fold ranges', () => {
    expect(parseFolds('1-10')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(parseFolds('3,1,7-8')).toEqual([1, 3, 7, 8]);
    expect(() => parseFolds('x')).toThrow();
  });

  it('--limit spreads pairs evenly over folds, half same, half different', () => {
    const all: LfwPair[] = [];
    for (let fold = 1; fold <= 10; fold++) {
      for (let i = 0; i < 600; i++) {
        all.push({ index: all.length, fold, same: i < 300, imageA: `x${all.length}`, imageB: `y${all.length}` });
      }
    }
    const chosen = selectPairs(all, parseFolds('1-10'), 600);
    expect(chosen).toHaveLength(600);
    for (let fold = 1; fold <= 10; fold++) {
      const inFold = chosen.filter((p) => p.fold === fold);
      expect(inFold.filter((p) => p.same)).toHaveLength(30);
      expect(inFold.filter((p) => !p.same)).toHaveLength(30);
      // Spread through the fold's list, not its first entries.
      const positions = inFold.filter((p) => p.same).map((p) => p.index - (fold - 1) * 600);
      expect(Math.min(...positions)).toBeLessThan(10);
      expect(Math.max(...positions)).toBeGreaterThan(290);
    }
    expect(selectPairs(all, [2], undefined)).toHaveLength(600);
  });
});

describe('variants', () => {
  it('have canonical names regardless of token order and defaults', () => {
    expect(parseVariant('flip-chip-ms').id).toBe('ms-centre-chip-flip');
    expect(parseVariant('ss-score-crop')).toMatchObject({
      views: 'frame',
      pick: 'score',
      alignment: 'face-api-crop',
      flip: false,
    });
    expect(parseVariant('ms-conf30-centre-refine-chip').id).toBe('ms-conf30-centre-refine-chip');
    expect(parseVariant('ms-refine2-chip').refine).toBe(2);
    expect(parseVariant('ms-refine1-chip').id).toBe('ms-centre-refine-chip');
    expect(detectorId(parseVariant('ms-conf30-centre-chip'))).toBe('ms-conf30');
    expect(parseVariant('as-centre-chip')).toMatchObject({ views: 'adaptive', id: 'as-centre-chip' });
    expect(parseVariant(DEFAULT_VARIANT).id).toBe(PIPELINES.gpu.id);
    expect(detectorId(parseVariant('as-centre-chip'))).toBe('as');
    expect(detectorId(parseVariant('ss-score-crop'))).toBe('ss');
    expect(() => parseVariant('ms-sideways')).toThrow(/unknown token/);
    expect(parseVariant('as-tiny-refine-chip')).toMatchObject({
      detector: 'tiny_face_detector',
      id: 'tiny-as-centre-refine-chip',
    });
    expect(parseVariant(PIPELINES.software.id).id).toBe(PIPELINES.software.id);
    expect(detectorId(parseVariant(PIPELINES.software.id))).toBe('tiny-as');
    expect(parseVariant('as-centre-chip').detector).toBe('ssd_mobilenetv1');
  });
});

describe('JsonlStore', () => {
  it('round-trips records and vectors, skips a torn last line and resumes on a fresh line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lfw-store-'));
    dirs.push(dir);
    const path = join(dir, 'cache.jsonl');
    const vector = Float32Array.from({ length: 128 }, (_, i) => Math.sin(i) * 0.1);
    const store = new JsonlStore<{ key: string; v: string }>(path);
    store.put({ key: 'a', v: encodeVector(vector) });
    store.put({ key: 'b', v: encodeVector(vector) });
    appendFileSync(path, '{"key":"c","v":"AAAA'); // interrupted mid-write
    const reopened = new JsonlStore<{ key: string; v: string }>(path);
    expect(reopened.size).toBe(2);
    expect(reopened.skippedLines).toBe(1);
    expect(Array.from(decodeVector(reopened.get('a')!.v))).toEqual(Array.from(vector));
    reopened.put({ key: 'c', v: '' });
    const again = new JsonlStore<{ key: string; v: string }>(path);
    expect(again.size).toBe(3);
    expect(readFileSync(path, 'utf8').endsWith('\n')).toBe(true);
  });
});

describe('refinement geometry', () => {
  // A synthetic "face": 68 points on an ellipse, and boxes that sit in a fixed relation around them.
  const face = (cx: number, cy: number, scale: number) =>
    Float32Array.from({ length: 136 }, (_, i) => {
      const angle = ((i >> 1) / 68) * 2 * Math.PI;
      return i % 2 === 0 ? cx + scale * 40 * Math.cos(angle) : cy + scale * 50 * Math.sin(angle);
    });
  const relation = { dx: 0.02, dy: -0.1, sw: 1.1, sh: 1.05 };

  it('boxFromLandmarks inverts fitBoxRelation', () => {
    const samples = [
      [125, 120, 1],
      [100, 130, 0.8],
      [140, 110, 1.3],
    ].map(([cx, cy, s]) => {
      const landmarks = face(cx!, cy!, s!);
      return { landmarks, box: boxFromLandmarks(landmarks, relation) };
    });
    const fitted = fitBoxRelation(samples);
    expect(fitted.dx).toBeCloseTo(relation.dx, 6);
    expect(fitted.dy).toBeCloseTo(relation.dy, 6);
    expect(fitted.sw).toBeCloseTo(relation.sw, 6);
    expect(fitted.sh).toBeCloseTo(relation.sh, 6);
    const b = landmarkBounds(samples[0]!.landmarks);
    expect(b.width).toBeCloseTo(80, 1);
    expect(b.height).toBeCloseTo(100, 1);
  });

  it('the fallback box is central and inside the frame', () => {
    const box = fallbackBox(250, 250);
    expect(box.x).toBeGreaterThan(0);
    expect(box.y).toBeGreaterThan(0);
    expect(box.x + box.width).toBeLessThan(250);
    expect(box.y + box.height).toBeLessThan(250);
    expect(Math.abs(box.x + box.width / 2 - 125)).toBeLessThan(15);
  });
});

describe('calibration file', () => {
  it('is what the app parses: threshold at the target FMR, ≤ 200 sorted ROC points', async () => {
    const { calibrationFile } = await import('../../tools/lfw/calibration-file');
    const { parseCalibration, errorRatesAt } = await import('../../src/calibration/calibration');
    const random = seededRandom(11);
    const scored = Array.from({ length: 6000 }, (_, i) => ({
      fold: 1 + (i % 10),
      same: i % 2 === 0,
      distance: i % 2 === 0 ? 0.25 + 0.35 * random() : 0.55 + 0.45 * random(),
    }));
    const file = calibrationFile(scored, {
      modelId: 'm',
      pipeline: 'as-centre-chip',
      targetFalseMatchRate: 1e-3,
      generated: '2026-01-01T00:00:00Z',
    });
    const parsed = parseCalibration(JSON.parse(JSON.stringify(file)));
    expect(parsed.source).toBe('lfw-eval');
    expect(parsed.roc.length).toBeLessThanOrEqual(200);
    // 3 of 3000 different pairs allowed at or below the threshold.
    const below = scored.filter((p) => !p.same && p.distance <= file.threshold).length;
    expect(below).toBeLessThanOrEqual(3);
    const rates = errorRatesAt(parsed, file.threshold)!;
    expect(rates.falseMatchRate).toBeLessThanOrEqual(1e-3);
    expect(rates.falseNonMatchRate).toBeCloseTo(file.falseNonMatchRate, 6);
  });
});
